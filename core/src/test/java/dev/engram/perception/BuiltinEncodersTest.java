package dev.engram.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The built-in image and audio encoders: deterministic, unit length, close for variants, far for different things. */
class BuiltinEncodersTest {
  private static final long SEED = Long.getLong("engram.seed", 20261123L);
  private static final String RERUN = " [seed " + SEED + "; rerun: mvn -q -B -pl core -am test -Dtest=BuiltinEncodersTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=" + SEED + "]";

  static double cosine(float[] a, float[] b) {
    double d = 0;
    double x = 0;
    double y = 0;
    for (int i = 0; i < a.length; i++) {
      d += (double) a[i] * b[i];
      x += (double) a[i] * a[i];
      y += (double) b[i] * b[i];
    }
    return d / Math.sqrt(x * y);
  }

  private static void assertUnit(float[] v) {
    double n = 0;
    for (float x : v) n += (double) x * x;
    assertEquals(1.0, n, 1e-5, "not unit length");
  }

  @Test
  void samePictureSameVectorAndVariantsStayCloserThanOtherPictures() {
    ColourLayoutEncoder e = new ColourLayoutEncoder();
    assertEquals(128, e.dimension());
    float[] disc = e.encode(Stimuli.redDisc(0, 0));
    assertArrayEquals(disc, new ColourLayoutEncoder().encode(Stimuli.redDisc(0, 0)), "a second encoder, same pixels");
    assertUnit(disc);
    float[] stripes = e.encode(Stimuli.blueStripes(0));
    double apart = cosine(disc, stripes);
    Random random = new Random(SEED);
    for (int i = 0; i < 5; i++) {
      int dx = random.nextInt(7) - 3;
      int dy = random.nextInt(7) - 3;
      long noise = random.nextLong();
      double discVariant = cosine(disc, e.encode(Stimuli.noisy(Stimuli.redDisc(dx, dy), 40, noise)));
      double stripeVariant = cosine(stripes, e.encode(Stimuli.noisy(Stimuli.blueStripes(dx), 40, noise)));
      assertTrue(discVariant > 0.85 && discVariant > apart + 0.5, "disc variant " + discVariant + " vs apart " + apart + RERUN);
      assertTrue(stripeVariant > 0.8 && stripeVariant > apart + 0.5, "stripes variant " + stripeVariant + " vs apart " + apart + RERUN);
    }
    // A different projection seed is a different (incompatible) space.
    assertNotEquals(disc[0], new ColourLayoutEncoder(1).encode(Stimuli.redDisc(0, 0))[0]);
    // Any size works, down to one pixel; a uniform picture still encodes (its colour is information).
    assertUnit(e.encode(new Pixels(1, 1, new byte[] {0, 0, 0, (byte) 255})));
    assertUnit(e.encode(new Pixels(3, 700, new byte[4 * 3 * 700])));
  }

  @Test
  void sameSoundSameVectorAndVariantsStayCloserThanOtherSounds() {
    SpectralShapeEncoder e = new SpectralShapeEncoder();
    assertEquals(128, e.dimension());
    float[] low = e.encode(Stimuli.tone(220, 1));
    assertArrayEquals(low, new SpectralShapeEncoder().encode(Stimuli.tone(220, 1)));
    assertUnit(low);
    float[] chirp = e.encode(Stimuli.chirp(1500, 3000, 1));
    double apart = cosine(low, chirp);
    Random random = new Random(SEED);
    for (int i = 0; i < 4; i++) {
      long noise = random.nextLong();
      double gain = 0.5 + random.nextDouble();
      double lowVariant = cosine(low, e.encode(Stimuli.noisy(Stimuli.tone(220, gain), 0.02, noise)));
      double chirpVariant = cosine(chirp, e.encode(Stimuli.noisy(Stimuli.chirp(1500, 3000, gain), 0.02, noise)));
      assertTrue(lowVariant > 0.8 && lowVariant > apart + 0.5, "tone variant " + lowVariant + " vs apart " + apart + RERUN);
      assertTrue(chirpVariant > 0.8 && chirpVariant > apart + 0.5, "chirp variant " + chirpVariant + " vs apart " + apart + RERUN);
    }
    // Loudness alone does not change the sound: half as loud is nearly the same vector.
    assertTrue(cosine(low, e.encode(Stimuli.tone(220, 0.5))) > 0.99);
    // Another rate is resampled first: a 44.1 kHz recording of the same tone lands close.
    float[] s = new float[22050];
    for (int i = 0; i < s.length; i++) s[i] = (float) (0.4 * (Math.sin(2 * Math.PI * 220 * i / 44100.0)
        + 0.5 * Math.sin(4 * Math.PI * 220 * i / 44100.0) + 0.25 * Math.sin(6 * Math.PI * 220 * i / 44100.0)));
    assertTrue(cosine(low, e.encode(new AudioClip(s, 44100))) > 0.9);
  }

  @Test
  void silenceIsAllZerosAndBadInputIsRefused() {
    SpectralShapeEncoder a = new SpectralShapeEncoder();
    assertArrayEquals(new float[128], a.encode(new AudioClip(new float[0], 16000)));
    assertArrayEquals(new float[128], a.encode(new AudioClip(new float[8000], 16000)));
    assertUnit(a.encode(new AudioClip(new float[] {0.5f}, 16000))); // one sample is still a sound
    assertThrows(IllegalArgumentException.class, () -> a.encode(null));
    assertThrows(IllegalArgumentException.class, () -> new ColourLayoutEncoder().encode(null));
  }

  @Test
  void exactMathAgreesWithTheJdkToAFewUlp() {
    for (double x : new double[] {1e-300, 1e-10, 0.001, 0.5, 0.7071, 1, 1.5, 2, 10, 12345.678, 1e300, Double.MIN_VALUE}) {
      assertEquals(Math.log(x), ExactMath.ln(x), Math.abs(Math.log(x)) * 1e-15 + 1e-15, "ln " + x);
    }
    double[] cs = new double[2];
    for (int k = -3; k < 520; k++) {
      ExactMath.turn(k, 512, cs);
      assertEquals(Math.cos(2 * Math.PI * k / 512), cs[0], 1e-15, "cos " + k);
      assertEquals(Math.sin(2 * Math.PI * k / 512), cs[1], 1e-15, "sin " + k);
    }
    assertThrows(IllegalArgumentException.class, () -> ExactMath.ln(0));
  }
}
