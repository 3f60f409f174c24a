package dev.engram.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a file shipped on the class path (model weights, the word table) whole, for the JVM hosts. */
public final class Resources {
  private Resources() {}

  /** The bytes of resource {@code name}, looked up relative to {@code anchor}; a missing one is an error that names it. */
  public static byte[] read(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the class path");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name + ": " + e.getMessage(), e);
    }
  }
}
