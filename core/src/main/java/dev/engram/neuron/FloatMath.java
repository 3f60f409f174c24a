package dev.engram.neuron;

/**
 * The few transcendental functions the engine needs, written with float {@code + - * /} and bit
 * tricks only, so the JVM and the wasm build compute them bit for bit alike ({@code Math.exp} and
 * friends may use different algorithms on each; plain IEEE-754 arithmetic, {@code sqrt} and {@code
 * floor} are exactly specified on both, and Java never fuses a multiply-add on its own).
 */
public final class FloatMath {
  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145752f;
  private static final float LN2_LO = 1.42860677e-6f;

  private FloatMath() {}

  /**
   * e^x for float x: range reduction {@code x = k ln2 + r}, |r| at most ln2/2, a degree-6 Taylor
   * polynomial for e^r (relative error under 2e-7 there) and the exponent bits for 2^k. Underflows to 0
   * below -87 and saturates at e^88.
   */
  public static float exp(float x) {
    if (x != x) {
      return x;
    }
    if (x < -87f) {
      return 0f;
    }
    if (x > 88f) {
      x = 88f;
    }
    float k = (float) Math.floor(x * LOG2E + 0.5f);
    float r = x - k * LN2_HI - k * LN2_LO;
    float p = 1f + r * (1f + r * (0.5f + r * (1f / 6f + r * (1f / 24f + r * (1f / 120f + r * (1f / 720f))))));
    return p * Float.intBitsToFloat(((int) k + 127) << 23);
  }

  /** Round half away from zero, without {@code Math.round}'s float-to-long detour. */
  public static int round(float x) {
    return x >= 0f ? (int) (x + 0.5f) : -(int) (-x + 0.5f);
  }

  /** In-place softmax of {@code v[0, n)} scaled by {@code 1/temperature}. */
  public static void softmax(float[] v, int off, int n, float temperature) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, v[off + i]);
    }
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      float e = exp((v[off + i] - max) / temperature);
      v[off + i] = e;
      sum += e;
    }
    for (int i = 0; i < n; i++) {
      v[off + i] /= sum;
    }
  }
}
