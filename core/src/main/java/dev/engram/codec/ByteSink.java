package dev.engram.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer with LEB128 varints. */
final class ByteSink {
  private byte[] buf = new byte[1024];
  private int size;

  int size() {
    return size;
  }

  byte[] bytes() {
    return Arrays.copyOf(buf, size);
  }

  byte[] raw() {
    return buf;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void i32(int v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
  }

  void i64(long v) {
    i32((int) v);
    i32((int) (v >>> 32));
  }

  void f32(float v) {
    i32(Float.floatToRawIntBits(v));
  }

  void varint(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varint(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  void raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }
}
