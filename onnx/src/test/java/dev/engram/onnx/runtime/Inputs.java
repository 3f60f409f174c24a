package dev.engram.onnx.runtime;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import java.util.Random;

/** The inputs the ONNX tests encode, shared by the JVM checks and the golden file the npm tests replay. */
final class Inputs {
  private Inputs() {}

  static final String[] TEXTS = {
    "The deploy region is us-west-2.",
    "Where does the server run?",
    "Café naïve, unaffable dogs!",
    "你好 hello world",
    "the cat sat on the mat the cat sat on the mat the cat sat on the mat", // longer than text.max_length
    "",
  };

  /** A {@code width x height} picture: colour gradients plus seeded noise, so resize and crop both matter. */
  static Pixels picture(int width, int height, long seed) {
    Random r = new Random(seed);
    byte[] rgba = new byte[4 * width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = 4 * (y * width + x);
        rgba[i] = (byte) (255 * x / Math.max(1, width - 1));
        rgba[i + 1] = (byte) (255 * y / Math.max(1, height - 1));
        rgba[i + 2] = (byte) r.nextInt(256);
        rgba[i + 3] = (byte) 255;
      }
    }
    return new Pixels(width, height, rgba);
  }

  /** A rising tone with seeded noise at {@code rate}, resampled by the encoder to its own 8 kHz. */
  static AudioClip chirp(double seconds, int rate, double f0, long seed) {
    Random r = new Random(seed);
    float[] s = new float[(int) (seconds * rate)];
    double phase = 0;
    for (int i = 0; i < s.length; i++) {
      double f = f0 + 2000.0 * i / s.length;
      phase += 2 * Math.PI * f / rate;
      s[i] = (float) (0.5 * Math.sin(phase) + 0.05 * r.nextGaussian());
    }
    return new AudioClip(s, rate);
  }
}
