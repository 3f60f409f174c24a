package dev.engram.memory;

/**
 * 64-bit FNV-1a over a term's chars. The cue index keys on this hash instead of on the String so a
 * lookup hashes once and compares longs; at 64 bits a collision among a scope's few million distinct
 * stems has probability below 1e-6.
 */
final class TermHash {
  private TermHash() {}

  static long of(String term) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x100000001b3L;
    }
    // 0 marks an empty slot in TermTable.
    return h == 0 ? 1 : h;
  }
}
