package dev.engram.server.store;

/**
 * An operation as the secure tier stores it: the whole encoded operation sealed with AES-256-GCM under
 * its scope's key, filed under a keyed token instead of the scope's name (see {@link Sealer}). Only a
 * {@link SealedStore} holding the right secret turns it back into the operation.
 *
 * @param scope the scope's token (hex of a keyed HMAC), never the scope's name
 * @param box nonce and ciphertext with its tag
 * @param at when the write was acknowledged, epoch ms (authenticated with the ciphertext)
 */
public record Sealed(String scope, byte[] box, long at) implements Operation {
  public Sealed {
    if (scope == null || box == null) {
      throw new IllegalArgumentException("scope token and box are required");
    }
  }
}
