package dev.engram.server.store;

/**
 * An import of a binary snapshot ({@code dev.engram.codec.Snapshot}): each scope it holds replaces the
 * scope of that name. Stored as the snapshot's bytes, so replay loads exactly what was imported.
 *
 * @param snapshot the snapshot bytes, as imported (not copied: callers must not change the array)
 * @param at when it was acknowledged, epoch ms
 */
public record Load(byte[] snapshot, long at) implements Operation {
  public Load {
    if (snapshot == null) {
      throw new IllegalArgumentException("snapshot is required");
    }
  }

  /** Empty: a snapshot may hold several scopes, named inside it. */
  @Override
  public String scope() {
    return "";
  }
}
