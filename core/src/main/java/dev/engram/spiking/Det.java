package dev.engram.spiking;

/**
 * Deterministic arithmetic helpers: SplitMix64 hashing for all randomness, and an {@code exp} built only from
 * IEEE-754 +, -, *, / (each correctly rounded on every conforming runtime), so decay factors, and therefore
 * spikes, are bit-identical on the JVM and in TeaVM's wasm. {@link Math#exp} is allowed to differ in the last
 * bit between implementations, which would eventually flip a spike.
 *
 * <p>Randomness is stateless: a value is {@code hash(seed, a, b)}, so a synapse, a noise sample or an initial
 * voltage can be regenerated from its coordinates at any time and there is no generator state to save.
 */
public final class Det {
  private Det() {}

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A well-mixed hash of three coordinates. */
  public static long hash(long seed, long a, long b) {
    return mix(mix(mix(seed + GOLDEN) + a * GOLDEN) + b);
  }

  /** Uniform integer in [0, n) from the high 32 bits of {@code h} (Lemire's multiply-shift, no modulo bias worth noting for n much smaller than 2^32). */
  public static int below(long h, int n) {
    return (int) (((h >>> 32) * (long) n) >>> 32);
  }

  /** Uniform float in [0, 1) from 24 bits of {@code h}. */
  public static float unit(long h) {
    return (h >>> 40) * 0x1.0p-24f;
  }

  private static final double LN2 = 0.6931471805599453;
  // Cody-Waite split of ln 2 (fdlibm's constants): k * LN2_HI is exact for the k used here, so the reduced
  // argument keeps its precision even for large |x|.
  private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;

  /**
   * e^x using range reduction x = k ln2 + r (|r| at most ln2/2) and a 22-term Taylor series in r, evaluated with
   * basic operations only. Within 4 ulp of {@link Math#exp} over [-700, 700] (tested); the point is not accuracy but that every
   * runtime gets the same bits.
   */
  public static double exp(double x) {
    if (x != x) return x;
    if (x > 700) return Double.POSITIVE_INFINITY;
    if (x < -700) return 0.0;
    double kd = x / LN2;
    int k = (int) (kd >= 0 ? kd + 0.5 : kd - 0.5);
    double r = (x - k * LN2_HI) - k * LN2_LO;
    double term = 1.0, sum = 1.0;
    for (int i = 1; i <= 22; i++) {
      term = term * r / i;
      sum += term;
    }
    double p = 1.0;
    if (k > 0) for (int i = 0; i < k; i++) p *= 2.0;
    else for (int i = 0; i < -k; i++) p *= 0.5;
    return sum * p;
  }

  /** Per-step decay factor exp(-dt/tau) as a float. */
  public static float decay(double dtMs, double tauMs) {
    return (float) exp(-dtMs / tauMs);
  }
}
