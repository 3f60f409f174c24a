package dev.engram.server.store;

import java.io.IOException;

/**
 * The store cannot be opened or written, for a reason a person can act on (a file from a newer engram,
 * a corrupt record in the middle of the log, a data directory that is not a directory). The message is
 * complete on its own and is printed as is; callers need no stack trace.
 */
public final class StoreException extends IOException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
