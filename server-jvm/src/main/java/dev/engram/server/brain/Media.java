package dev.engram.server.brain;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import dev.engram.perception.Wav;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes what the JVM hosts are handed to watch and listen to: PNG, JPEG, GIF or BMP through javax.imageio into
 * RGBA {@link Pixels}, and WAV through core's {@link Wav}. Sizes are checked before decoding: a file over
 * {@link #MAX_BYTES} is {@link TooLarge} (HTTP 413), a picture over {@link #MAX_SIDE} on a side or
 * {@link #MAX_PIXELS} in all, or a sound over {@link #MAX_SECONDS}, is refused as bad input (400), so a small file
 * that claims a huge picture cannot make the server allocate gigabytes.
 */
public final class Media {
  private Media() {}

  /** Largest image or WAV file accepted: 16 MiB. */
  public static final int MAX_BYTES = 16 << 20;
  /** Largest side of a picture. */
  public static final int MAX_SIDE = 8192;
  /** Most pixels in a picture (about 16.8 megapixels: 64 MiB as RGBA). */
  public static final long MAX_PIXELS = 4096L * 4096;
  /** Longest sound. */
  public static final double MAX_SECONDS = 60;

  /** A file over {@link #MAX_BYTES}. */
  public static final class TooLarge extends IllegalArgumentException {
    TooLarge(String message) {
      super(message);
    }
  }

  static void checkSize(byte[] bytes, String what) {
    if (bytes == null || bytes.length == 0) throw new IllegalArgumentException(what + " is empty: send the file's bytes as the body");
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge(what + " is " + bytes.length + " bytes; the limit is " + MAX_BYTES + " (16 MiB)");
    }
  }

  /** The picture in {@code bytes} (a PNG, JPEG, GIF or BMP file) as RGBA pixels. */
  public static Pixels image(byte[] bytes) {
    checkSize(bytes, "the image");
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IllegalArgumentException("not an image this server can read (PNG, JPEG, GIF or BMP)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
          throw new IllegalArgumentException("the image is " + w + "x" + h + "; the limit is " + MAX_SIDE + " on a side and "
              + MAX_PIXELS + " pixels in all");
        }
        BufferedImage img = reader.read(0);
        byte[] rgba = new byte[4 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
          img.getRGB(0, y, w, 1, row, 0, w);
          for (int x = 0; x < w; x++) {
            int argb = row[x];
            int p = 4 * (y * w + x);
            rgba[p] = (byte) (argb >> 16);
            rgba[p + 1] = (byte) (argb >> 8);
            rgba[p + 2] = (byte) argb;
            rgba[p + 3] = (byte) (argb >>> 24);
          }
        }
        return new Pixels(w, h, rgba);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) throw iae;
      throw new IllegalArgumentException("the image could not be decoded: " + e.getMessage(), e);
    }
  }

  /** The sound in {@code bytes} (a WAV file), mono. */
  public static AudioClip wav(byte[] bytes) {
    checkSize(bytes, "the WAV file");
    AudioClip clip = Wav.read(bytes);
    if (clip.seconds() > MAX_SECONDS) {
      throw new IllegalArgumentException("the sound is " + Math.round(clip.seconds() * 10) / 10.0 + " s long; the limit is "
          + (int) MAX_SECONDS + " s");
    }
    return clip;
  }
}
