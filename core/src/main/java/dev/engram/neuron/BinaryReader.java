package dev.engram.neuron;

import dev.engram.codec.Crc32;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reader for the formats of this package. The constructor verifies the trailing CRC-32
 * and the header (magic, name, version range) before anything else is read, so a damaged, foreign,
 * too old or too new file fails with a message that says which, never with garbage.
 */
public final class BinaryReader {
  private final byte[] buf;
  private final int end;
  private int pos;
  private final int version;

  public BinaryReader(byte[] bytes, int magic, String name, int minVersion, int maxVersion) {
    if (bytes == null) {
      throw new IllegalArgumentException(name + ": no bytes");
    }
    if (bytes.length < 16) {
      throw new IllegalArgumentException(name + ": file too short (" + bytes.length + " bytes)");
    }
    this.buf = bytes;
    this.end = bytes.length - 4;
    if (i32At(0) != magic) {
      throw new IllegalArgumentException(name + ": wrong magic number, not a " + name + " file");
    }
    int stored = i32At(end);
    if (stored != Crc32.of(bytes, 0, end)) {
      throw new IllegalArgumentException(name + ": checksum failed (file damaged or truncated)");
    }
    pos = 4;
    String found = string();
    if (!found.equals(name)) {
      throw new IllegalArgumentException("expected a " + name + " file, found " + found);
    }
    version = i32();
    if (version < minVersion) {
      throw new IllegalArgumentException(
          name + ": version " + version + " is too old (this reader accepts " + minVersion + ".." + maxVersion + ")");
    }
    if (version > maxVersion) {
      throw new IllegalArgumentException(
          name + ": version " + version + " is too new (this reader accepts " + minVersion + ".." + maxVersion + ")");
    }
  }

  public int version() {
    return version;
  }

  private int i32At(int p) {
    return (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8 | (buf[p + 2] & 0xFF) << 16 | (buf[p + 3] & 0xFF) << 24;
  }

  private void need(int n) {
    if (n < 0 || pos + n > end) {
      throw new IllegalArgumentException("file ends early at byte " + pos + " (needs " + n + " more)");
    }
  }

  public int u8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public int i32() {
    need(4);
    int v = i32At(pos);
    pos += 4;
    return v;
  }

  public float f32() {
    return Float.intBitsToFloat(i32());
  }

  public void bytes(byte[] dst, int off, int len) {
    need(len);
    System.arraycopy(buf, pos, dst, off, len);
    pos += len;
  }

  public String string() {
    int n = i32();
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Fails unless every byte before the checksum was consumed: trailing bytes mean a format mismatch. */
  public void expectEnd() {
    if (pos != end) {
      throw new IllegalArgumentException((end - pos) + " unexpected bytes before the checksum");
    }
  }
}
