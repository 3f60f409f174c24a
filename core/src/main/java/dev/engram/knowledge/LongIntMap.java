package dev.engram.knowledge;

import java.util.Arrays;

/**
 * Open-addressing hash map from a non-negative {@code long} key to an {@code int} value.
 *
 * <p>Layout: two parallel arrays, {@code keys} (−1 marks an empty slot) and {@code values}, power-of-two
 * capacity, linear probing, grown at 50 % load. Why: the graph keys edges by (concept, concept) and
 * triples by (subject, relation, object) packed into one long; a {@code HashMap<Long,Integer>} would
 * box every probe, which costs most of the time in the wasm build. Cost: 12 bytes per slot.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(int expected) {
    int cap = 16;
    while (cap < expected * 2) {
      cap <<= 1;
    }
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(keys, -1L);
  }

  int size() {
    return size;
  }

  /** The value stored under {@code key}, or {@code missing}. */
  int get(long key, int missing) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == -1L) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (key < 0) {
      throw new IllegalArgumentException("key must be non-negative: " + key);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == -1L) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1L);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1L) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
