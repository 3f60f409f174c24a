package dev.engram.perception;

import java.util.Random;

/** Pictures and sounds drawn by the perception tests, and noisy variants of them. */
public final class Stimuli {
  private Stimuli() {}

  public static final int SIDE = 64;

  /** A red disc of radius 18 centred at (32 + dx, 32 + dy) on white. */
  public static Pixels redDisc(int dx, int dy) {
    byte[] rgba = new byte[4 * SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        double ex = x + 0.5 - (32 + dx);
        double ey = y + 0.5 - (32 + dy);
        boolean in = ex * ex + ey * ey <= 18 * 18;
        put(rgba, x, y, in ? 220 : 255, in ? 30 : 255, in ? 30 : 255);
      }
    }
    return new Pixels(SIDE, SIDE, rgba);
  }

  /** Blue vertical stripes 6 pixels wide on white, shifted right by {@code dx}. */
  public static Pixels blueStripes(int dx) {
    byte[] rgba = new byte[4 * SIDE * SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        boolean blue = Math.floorMod(x - dx, 12) < 6;
        put(rgba, x, y, blue ? 30 : 255, blue ? 60 : 255, blue ? 200 : 255);
      }
    }
    return new Pixels(SIDE, SIDE, rgba);
  }

  /** {@code image} with independent uniform noise of +-amplitude on every channel. */
  public static Pixels noisy(Pixels image, int amplitude, long seed) {
    Random random = new Random(seed);
    byte[] rgba = image.rgba().clone();
    for (int i = 0; i < rgba.length; i++) {
      if (i % 4 == 3) continue;
      int v = (rgba[i] & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude;
      rgba[i] = (byte) Math.max(0, Math.min(255, v));
    }
    return new Pixels(image.width(), image.height(), rgba);
  }

  private static void put(byte[] rgba, int x, int y, int r, int g, int b) {
    int p = 4 * (y * SIDE + x);
    rgba[p] = (byte) r;
    rgba[p + 1] = (byte) g;
    rgba[p + 2] = (byte) b;
    rgba[p + 3] = (byte) 255;
  }

  /** A 0.5 s tone at {@code hz} with its first three harmonics (amplitudes 1, 1/2, 1/4), 16 kHz. */
  public static AudioClip tone(double hz, double gain) {
    int rate = 16_000;
    float[] s = new float[rate / 2];
    for (int i = 0; i < s.length; i++) {
      double t = i / (double) rate;
      double v = Math.sin(2 * Math.PI * hz * t) + 0.5 * Math.sin(4 * Math.PI * hz * t) + 0.25 * Math.sin(6 * Math.PI * hz * t);
      s[i] = (float) (gain * 0.4 * v);
    }
    return new AudioClip(s, rate);
  }

  /** A 0.5 s sweep from {@code fromHz} to {@code toHz}, 16 kHz. */
  public static AudioClip chirp(double fromHz, double toHz, double gain) {
    int rate = 16_000;
    float[] s = new float[rate / 2];
    double phase = 0;
    for (int i = 0; i < s.length; i++) {
      double hz = fromHz + (toHz - fromHz) * i / s.length;
      phase += 2 * Math.PI * hz / rate;
      s[i] = (float) (gain * 0.5 * Math.sin(phase));
    }
    return new AudioClip(s, rate);
  }

  /** {@code clip} plus white noise of the given RMS. */
  public static AudioClip noisy(AudioClip clip, double rms, long seed) {
    Random random = new Random(seed);
    float[] s = clip.samples().clone();
    for (int i = 0; i < s.length; i++) s[i] += (float) (rms * random.nextGaussian());
    return new AudioClip(s, clip.sampleRate());
  }
}
