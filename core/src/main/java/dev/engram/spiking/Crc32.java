package dev.engram.spiking;

/** CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320), table-driven; ours so the format needs nothing from java.util.zip. */
final class Crc32 {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      TABLE[i] = c;
    }
  }

  private Crc32() {}

  static int of(byte[] b, int off, int len) {
    int c = 0xFFFFFFFF;
    for (int i = off; i < off + len; i++) c = TABLE[(c ^ b[i]) & 0xFF] ^ (c >>> 8);
    return ~c;
  }
}
