package dev.engram.server.brain;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Wav;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Files the host tests watch and listen to: drawn here, written as PNG (javax.imageio) and WAV (core's writer). */
public final class Pictures {
  private Pictures() {}

  /** A 64 x 64 PNG: a red disc (radius 18) on white, or blue vertical stripes, shifted and with +-noise per channel. */
  public static byte[] png(boolean disc, int dx, int noise, long seed) throws IOException {
    return image("png", disc, dx, noise, seed);
  }

  /** The same picture as a JPEG (lossy: its own small distortion on top of the noise). */
  public static byte[] jpeg(boolean disc, int dx, int noise, long seed) throws IOException {
    return image("jpg", disc, dx, noise, seed);
  }

  private static byte[] image(String format, boolean disc, int dx, int noise, long seed) throws IOException {
    Random random = new Random(seed);
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int[] c;
        if (disc) {
          double ex = x + 0.5 - (32 + dx);
          double ey = y + 0.5 - 32;
          c = ex * ex + ey * ey <= 18 * 18 ? new int[] {220, 30, 30} : new int[] {255, 255, 255};
        } else {
          c = Math.floorMod(x - dx, 12) < 6 ? new int[] {30, 60, 200} : new int[] {255, 255, 255};
        }
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
          int v = noise == 0 ? c[k] : Math.max(0, Math.min(255, c[k] + random.nextInt(2 * noise + 1) - noise));
          rgb = rgb << 8 | v;
        }
        img.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) throw new IOException("no ImageIO writer for " + format);
    return out.toByteArray();
  }

  /** A 16-bit WAV, 0.5 s at 16 kHz: a 220 Hz tone with two harmonics, or a 1500 -> 3000 Hz sweep, plus white noise. */
  public static byte[] wav(boolean tone, double gain, double noise, long seed) {
    Random random = new Random(seed);
    float[] s = new float[8000];
    double phase = 0;
    for (int i = 0; i < s.length; i++) {
      double t = i / 16000.0;
      double v;
      if (tone) {
        v = 0.4 * (Math.sin(2 * Math.PI * 220 * t) + 0.5 * Math.sin(4 * Math.PI * 220 * t) + 0.25 * Math.sin(6 * Math.PI * 220 * t));
      } else {
        phase += 2 * Math.PI * (1500 + 1500.0 * i / s.length) / 16000;
        v = 0.5 * Math.sin(phase);
      }
      s[i] = (float) (gain * v + noise * random.nextGaussian());
    }
    return Wav.write16(new AudioClip(s, 16000));
  }
}
