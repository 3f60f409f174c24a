package dev.engram.neuron;

/**
 * CRC-32 (IEEE 802.3, the zip polynomial), written here because {@code java.util.zip} is not part of
 * what the wasm build may use. Table-driven, one byte per step: a few hundred MB/s, far more than the
 * few MB the formats in this package ever checksum.
 */
public final class Crc32 {
  private static final int[] TABLE = new int[256];

  static {
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      }
      TABLE[n] = c;
    }
  }

  private Crc32() {}

  /** CRC-32 of {@code bytes[from, to)}. */
  public static int of(byte[] bytes, int from, int to) {
    int c = 0xFFFFFFFF;
    for (int i = from; i < to; i++) {
      c = TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
