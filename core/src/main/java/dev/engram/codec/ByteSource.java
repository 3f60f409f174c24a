package dev.engram.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote; any read past the end is a {@link SnapshotException}, never garbage.
 * The bulk readers ({@link #bytes}, {@link #longs}, {@link #lengthsToStarts}) check bounds once per
 * array and keep the position in a local, because in the wasm build a method call per byte cost more
 * than the byte itself.
 */
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
      throw truncated(n);
    }
  }

  private SnapshotException truncated(int n) {
    return new SnapshotException("snapshot is truncated (needed " + n + " more bytes at offset " + pos + ")");
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
    byte[] b = buf;
    int p = pos;
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (p >= end) {
        throw truncated(1);
      }
      int x = b[p++];
      v |= (x & 0x7F) << shift;
      if (x >= 0) {
        pos = p;
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

  /** The next {@code n} bytes as a new array (one bulk copy). */
  byte[] bytes(int n) {
    need(n);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Fills {@code out} with little-endian u32s, zero-extended. */
  void ints(long[] out) {
    if (out.length > (end - pos) >> 2) {
      throw truncated(out.length * 4);
    }
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < out.length; i++, p += 4) {
      int v = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
      out[i] = v & 0xFFFFFFFFL;
    }
    pos = p;
  }

  /** Fills {@code out} with little-endian i64s. */
  void longs(long[] out) {
    if (out.length > (end - pos) >> 3) {
      throw truncated(out.length * 8);
    }
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < out.length; i++, p += 8) {
      int lo = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
      int hi = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8 | (b[p + 6] & 0xFF) << 16 | b[p + 7] << 24;
      out[i] = (lo & 0xFFFFFFFFL) | ((long) hi << 32);
    }
    pos = p;
  }

  /**
   * Reads {@code n} varint lengths into running offsets: {@code starts[0] = 0},
   * {@code starts[i + 1] = starts[i] + length i}; the total must be exactly {@code total}.
   */
  int[] lengthsToStarts(int n, int total, String what) {
    int[] starts = new int[n + 1];
    byte[] b = buf;
    int p = pos;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      int v = 0;
      int shift = 0;
      while (true) {
        if (p >= end) {
          pos = p;
          throw truncated(1);
        }
        int x = b[p++];
        v |= (x & 0x7F) << shift;
        if (x >= 0) {
          break;
        }
        shift += 7;
        if (shift >= 35) {
          throw new SnapshotException("malformed varint at offset " + p);
        }
      }
      sum += v;
      if (v < 0 || sum < 0 || sum > total) {
        throw new SnapshotException(what + " lengths exceed their " + total + " bytes at offset " + p);
      }
      starts[i + 1] = sum;
    }
    if (sum != total) {
      throw new SnapshotException(what + " lengths add up to " + sum + ", not " + total);
    }
    pos = p;
    return starts;
  }

  /**
   * Reads one term's posting list ({@code count} varints: the first fact, then ascending deltas) into
   * {@code out[0..count)}; every fact must be in 0..facts-1 and strictly ascending.
   */
  void postings(int[] out, int count, int facts, int term) {
    byte[] b = buf;
    int p = pos;
    int fact = -1;
    for (int i = 0; i < count; i++) {
      int v = 0;
      int shift = 0;
      while (true) {
        if (p >= end) {
          pos = p;
          throw truncated(1);
        }
        int x = b[p++];
        v |= (x & 0x7F) << shift;
        if (x >= 0) {
          break;
        }
        shift += 7;
        if (shift >= 35) {
          throw new SnapshotException("malformed varint at offset " + p);
        }
      }
      // the first entry is absolute; a delta of 0 (a repeated fact) or a wrap past facts is damage
      int next = i == 0 ? v : fact + v;
      if (v < 0 || next < 0 || next >= facts || (i > 0 && v == 0)) {
        throw new SnapshotException("posting out of order or range in term " + term);
      }
      fact = next;
      out[i] = fact;
    }
    pos = p;
  }
}
