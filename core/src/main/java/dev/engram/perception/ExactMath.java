package dev.engram.perception;

/**
 * The few transcendental functions the built-in encoders need, computed from IEEE-754 {@code + - * /} only,
 * each correctly rounded on every conforming runtime, so an encoding is bit-identical on the JVM and in
 * TeaVM's wasm (whose {@code Math.log}, {@code Math.sin} may differ from the JVM's in the last bit, and a
 * last bit is enough to move a spike across a step once the vector is latency-coded). Accuracy is within a
 * few ulp; the point is agreement, not the last digit.
 */
final class ExactMath {
  private ExactMath() {}

  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double SQRT2 = 1.4142135623730951;
  static final double PI = 3.141592653589793;

  /** Natural logarithm of {@code x > 0}: x = m 2^k with m in [sqrt(1/2), sqrt(2)), ln m by the atanh series. */
  static double ln(double x) {
    if (!(x > 0)) throw new IllegalArgumentException("ln needs a positive argument, got " + x);
    if (x == Double.POSITIVE_INFINITY) return x;
    int k = 0;
    if (x < Double.MIN_NORMAL) {
      x *= 18014398509481984.0; // 2^54: lifts a subnormal into the normal range
      k = -54;
    }
    long bits = Double.doubleToLongBits(x);
    k += (int) ((bits >>> 52) & 0x7FF) - 1023;
    double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
    if (m > SQRT2) {
      m *= 0.5;
      k++;
    }
    double s = (m - 1) / (m + 1); // |s| <= 0.1716, so s^27 is below 2^-68
    double s2 = s * s;
    double term = s;
    double sum = 0;
    for (int i = 1; i <= 27; i += 2) {
      sum += term / i;
      term *= s2;
    }
    return k * LN2_HI + (k * LN2_LO + 2 * sum);
  }

  /**
   * {@code cos} and {@code sin} of {@code 2 pi k / n} for {@code n} divisible by 8, into {@code out[0]},
   * {@code out[1]}: the angle is reduced to [0, pi/4] with exact integer arithmetic, then Taylor series.
   */
  static void turn(int k, int n, double[] out) {
    int r = Math.floorMod(k, n);
    int quarter = n / 4;
    int q = r / quarter;
    int t = r - q * quarter; // angle 2 pi t / n in [0, pi/2)
    boolean swap = 2 * t > quarter;
    if (swap) t = quarter - t; // now in [0, pi/4]
    double a = 2 * PI * t / n;
    double a2 = a * a;
    double c = 1;
    double s = a;
    double tc = 1;
    double ts = a;
    for (int i = 1; i <= 10; i++) {
      tc = -tc * a2 / ((2 * i - 1) * (2 * i));
      ts = -ts * a2 / ((2 * i) * (2 * i + 1));
      c += tc;
      s += ts;
    }
    if (swap) {
      double x = c;
      c = s;
      s = x;
    }
    // Rotate by q quarter turns: (c, s) -> (-s, c).
    for (int i = 0; i < q; i++) {
      double x = c;
      c = -s;
      s = x;
    }
    out[0] = c;
    out[1] = s;
  }

  /** SplitMix64's finaliser, for the encoders' fixed projections. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A fixed random projection matrix, {@code rows x cols} row-major, entries +-1/sqrt(rows) from
   * {@code seed}: a Johnson-Lindenstrauss sketch (Achlioptas' sign matrix) that keeps cosines between
   * feature vectors up to about 1/sqrt(rows) and spreads every feature over every output dimension.
   */
  static float[] signMatrix(long seed, int rows, int cols) {
    float[] m = new float[rows * cols];
    float scale = (float) (1 / Math.sqrt(rows));
    for (int i = 0; i < m.length; i++) {
      long h = mix(seed + 0x9E3779B97F4A7C15L * (i + 1));
      m[i] = (h & 1) == 0 ? scale : -scale;
    }
    return m;
  }

  /** {@code matrix (rows x f.length) * f}, normalised to unit length; all zeros when the product is zero. */
  static float[] project(float[] matrix, int rows, float[] f) {
    int cols = f.length;
    float[] out = new float[rows];
    double norm = 0;
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int base = r * cols;
      for (int c = 0; c < cols; c++) sum += (double) matrix[base + c] * f[c];
      out[r] = (float) sum;
      norm += sum * sum;
    }
    if (norm == 0) return out;
    double inv = 1 / Math.sqrt(norm);
    for (int r = 0; r < rows; r++) out[r] = (float) (out[r] * inv);
    return out;
  }

  /** Scales {@code f[from, to)} to unit length times {@code weight} (left at zero when it is all zeros). */
  static void block(float[] f, int from, int to, double weight) {
    double norm = 0;
    for (int i = from; i < to; i++) norm += (double) f[i] * f[i];
    if (norm == 0) return;
    double k = weight / Math.sqrt(norm);
    for (int i = from; i < to; i++) f[i] = (float) (f[i] * k);
  }
}
