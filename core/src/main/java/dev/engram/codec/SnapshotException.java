package dev.engram.codec;

/** A snapshot that cannot be read: damaged, truncated, foreign, too old or too new. The message says which. */
public final class SnapshotException extends IllegalArgumentException {
  public SnapshotException(String message) {
    super(message);
  }
}
