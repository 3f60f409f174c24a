package dev.engram.neuron;

import dev.engram.codec.Crc32;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian writer for the formats of this package. {@link #header} writes magic, name and
 * version; {@link #finish} appends the CRC-32 of everything before it and returns the bytes.
 */
public final class BinaryWriter {
  private byte[] buf = new byte[1024];
  private int size;

  public void header(int magic, String name, int version) {
    i32(magic);
    string(name);
    i32(version);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      int cap = buf.length * 2;
      while (cap < size + extra) {
        cap *= 2;
      }
      byte[] b = new byte[cap];
      System.arraycopy(buf, 0, b, 0, size);
      buf = b;
    }
  }

  public void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  public void i32(int v) {
    ensure(4);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 24);
  }

  public void f32(float v) {
    i32(Float.floatToRawIntBits(v));
  }

  public void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    i32(b.length);
    bytes(b, 0, b.length);
  }

  public byte[] finish() {
    int crc = Crc32.of(buf, 0, size);
    i32(crc);
    byte[] out = new byte[size];
    System.arraycopy(buf, 0, out, 0, size);
    return out;
  }
}
