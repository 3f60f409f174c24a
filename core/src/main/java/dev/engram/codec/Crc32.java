package dev.engram.codec;

/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial 0xEDB88320), table-driven. Written out rather than taken
 * from java.util.zip so the wasm build carries no zip classes and both runtimes share one implementation.
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

  public static int of(byte[] data, int from, int to) {
    int c = 0xFFFFFFFF;
    for (int i = from; i < to; i++) {
      c = TABLE[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
