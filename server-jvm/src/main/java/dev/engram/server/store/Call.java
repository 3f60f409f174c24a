package dev.engram.server.store;

import java.util.List;

/**
 * A write through the typed API that is not an observe: a note, a forget, a variable change. Stored
 * as the operation's name and its arguments, exactly as the caller gave them, so replay repeats the same
 * call (unlike a {@link Command}, nothing is re-parsed: a value may hold any characters).
 *
 * <p>This package stores the name without knowing it; the host that replays the log gives each name its
 * meaning ({@code dev.engram.server.DurableEngram} lists them) and refuses, clearly, one it does not know.
 *
 * @param scope the scope written to
 * @param verb the operation, e.g. {@code "note"} or {@code "var.set"}
 * @param args its arguments, in order
 * @param at when it was acknowledged, epoch ms
 */
public record Call(String scope, String verb, List<String> args, long at) implements Operation {
  public Call {
    if (scope == null || verb == null || verb.isEmpty() || args == null) {
      throw new IllegalArgumentException("scope, verb and args are required");
    }
    args = List.copyOf(args);
  }
}
