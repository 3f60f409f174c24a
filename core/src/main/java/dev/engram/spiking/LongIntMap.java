package dev.engram.spiking;

/**
 * Open-addressing map from long keys to non-negative int values (linear probing, power-of-two capacity, load
 * <= 1/2). Flat arrays instead of {@code HashMap<Long,Integer>}: no boxing, ~16 bytes per entry at worst.
 * Absent keys return -1. No removal: the overlay rebuilds the map when it prunes.
 */
final class LongIntMap {
  private long[] keys;
  private int[] vals;
  private int count, mask;

  LongIntMap(int expected) {
    int cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys = new long[cap];
    vals = new int[cap];
    java.util.Arrays.fill(vals, -1);
    mask = cap - 1;
  }

  int get(long k) {
    int i = (int) Det.mix(k) & mask;
    while (true) {
      int v = vals[i];
      if (v < 0) return -1;
      if (keys[i] == k) return v;
      i = (i + 1) & mask;
    }
  }

  void put(long k, int v) {
    if ((count + 1) * 2 > keys.length) resize();
    int i = (int) Det.mix(k) & mask;
    while (vals[i] >= 0) {
      if (keys[i] == k) {
        vals[i] = v;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    vals[i] = v;
    count++;
  }

  private void resize() {
    long[] ok = keys;
    int[] ov = vals;
    keys = new long[ok.length * 2];
    vals = new int[ok.length * 2];
    java.util.Arrays.fill(vals, -1);
    mask = keys.length - 1;
    count = 0;
    for (int i = 0; i < ok.length; i++) if (ov[i] >= 0) put(ok[i], ov[i]);
  }
}
