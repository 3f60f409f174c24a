package dev.engram.codec;

/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial 0xEDB88320). Written out rather than taken from
 * java.util.zip so the wasm build carries no zip classes and both runtimes share one implementation.
 *
 * <p>Slicing-by-8: {@code TABLE[k * 256 + b]} is the CRC of byte {@code b} followed by {@code k} zero
 * bytes, so eight bytes are folded in with eight independent lookups instead of eight dependent
 * steps. Costs an 8 KiB table (built on first use, 2,048 entries). Checksumming is part of every load
 * (in wasm, 23 ms of a 140 ms load of a 21 MB snapshot, measured with a profile), so it is worth it.
 */
public final class Crc32 {
  private static final int[] TABLE = new int[8 * 256];

  static {
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      }
      TABLE[n] = c;
    }
    for (int n = 0; n < 256; n++) {
      int c = TABLE[n];
      for (int k = 1; k < 8; k++) {
        c = TABLE[c & 0xFF] ^ (c >>> 8);
        TABLE[k * 256 + n] = c;
      }
    }
  }

  private Crc32() {}

  public static int of(byte[] data, int from, int to) {
    int[] t = TABLE;
    int c = 0xFFFFFFFF;
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      int a = c ^ ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | data[i + 3] << 24);
      int b = (data[i + 4] & 0xFF) | (data[i + 5] & 0xFF) << 8 | (data[i + 6] & 0xFF) << 16 | data[i + 7] << 24;
      c = t[1792 + (a & 0xFF)] ^ t[1536 + ((a >>> 8) & 0xFF)] ^ t[1280 + ((a >>> 16) & 0xFF)] ^ t[1024 + (a >>> 24)]
          ^ t[768 + (b & 0xFF)] ^ t[512 + ((b >>> 8) & 0xFF)] ^ t[256 + ((b >>> 16) & 0xFF)] ^ t[b >>> 24];
    }
    for (; i < to; i++) {
      c = t[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
