package dev.engram.server.store;

import java.util.List;

/**
 * An {@code observe} call: the texts written to a scope, in order (the engine splits them into facts).
 *
 * @param scope the scope written to
 * @param texts the texts observed, as the caller sent them
 * @param at when it was acknowledged, epoch ms
 */
public record Observation(String scope, List<String> texts, long at) implements Operation {
  public Observation {
    if (scope == null || texts == null) {
      throw new IllegalArgumentException("scope and texts are required");
    }
    texts = List.copyOf(texts);
  }
}
