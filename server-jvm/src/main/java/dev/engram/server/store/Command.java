package dev.engram.server.store;

/**
 * A write made through the shell vocabulary ({@code dev.engram.ops.Shell}) that is not a plain observe:
 * {@code note}, {@code forget}, {@code var set|del}. Stored as its command line and replayed by running
 * the line again, so every host that speaks the vocabulary gets durability for every write verb at once.
 *
 * @param scope the scope the line ran in
 * @param line the command line, as run
 * @param at when it was acknowledged, epoch ms
 */
public record Command(String scope, String line, long at) implements Operation {
  public Command {
    if (scope == null || line == null) {
      throw new IllegalArgumentException("scope and line are required");
    }
  }
}
