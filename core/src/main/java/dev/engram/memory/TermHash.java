package dev.engram.memory;

/**
 * 64-bit FNV-1a over a term's chars, and the 32-bit key the cue index stores. The index keys on a hash
 * instead of on the String so a lookup hashes once and compares numbers. A question's own stems are
 * matched on the full 64 bits (a collision among a question's few dozen stems has probability below
 * 1e-16); the index keeps 32 (see {@link ScopeIndex} for why and what a shared key costs).
 */
final class TermHash {
  private TermHash() {}

  static long of(String term) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * The index key of a 64-bit hash: its halves folded together, never 0 (0 marks an empty slot). A key
   * already folded (high half zero) folds to itself, so snapshots holding either kind load alike.
   */
  static int key(long hash) {
    int k = (int) (hash ^ (hash >>> 32));
    return k == 0 ? 1 : k;
  }
}
