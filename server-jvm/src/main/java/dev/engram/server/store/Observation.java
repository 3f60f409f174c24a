package dev.engram.server.store;

import java.util.List;

/**
 * One acknowledged {@code observe} call: the texts written to a scope, in order. Replaying every
 * observation of a store, in order, rebuilds the engine's state.
 *
 * @param scope the scope written to
 * @param texts the texts observed, as the caller sent them (the engine splits them into facts)
 */
public record Observation(String scope, List<String> texts) {
  public Observation {
    if (scope == null || texts == null) {
      throw new IllegalArgumentException("scope and texts are required");
    }
    texts = List.copyOf(texts);
  }
}
