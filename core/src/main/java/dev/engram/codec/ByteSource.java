package dev.engram.codec;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote; any read past the end is a {@link SnapshotException}, never garbage. */
final class ByteSource {
  private final byte[] buf;
  private final int end;
  private int pos;

  ByteSource(byte[] buf, int from, int end) {
    this.buf = buf;
    this.pos = from;
    this.end = end;
  }

  int position() {
    return pos;
  }

  private void need(int n) {
    if (n < 0 || end - pos < n) {
      throw new SnapshotException("snapshot is truncated (needed " + n + " more bytes at offset " + pos + ")");
    }
  }

  int u8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  int i32() {
    need(4);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  long i64() {
    long lo = i32() & 0xFFFFFFFFL;
    long hi = i32() & 0xFFFFFFFFL;
    return lo | (hi << 32);
  }

  float f32() {
    return Float.intBitsToFloat(i32());
  }

  int varint() {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new SnapshotException("malformed varint at offset " + pos);
  }

  /** A varint that must be a count or index in 0..max. */
  int count(int max, String what) {
    int v = varint();
    if (v < 0 || v > max) {
      throw new SnapshotException(what + " " + v + " out of range 0.." + max + " at offset " + pos);
    }
    return v;
  }

  String string() {
    int n = count(end - pos, "string length");
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }
}
