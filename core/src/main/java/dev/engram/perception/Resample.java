package dev.engram.perception;

/**
 * One-dimensional resampling shared by images (each row, then each column) and audio. Shrinking takes
 * the mean of the input over the span each output sample covers (a box filter: no aliasing of fine
 * detail into coarse samples); growing interpolates linearly between sample centres. Both keep a
 * constant signal constant, which the tests check.
 */
final class Resample {
  private Resample() {}

  /**
   * Resamples {@code n} values of {@code src} (starting at {@code srcOff}, {@code srcStride} apart) into
   * {@code m} values of {@code dst} (starting at {@code dstOff}, {@code dstStride} apart).
   */
  static void line(float[] src, int srcOff, int srcStride, int n, float[] dst, int dstOff, int dstStride, int m) {
    double step = n / (double) m;
    for (int i = 0; i < m; i++) {
      double v;
      if (step > 1) {
        double from = i * step;
        double to = from + step;
        double sum = 0;
        int last = Math.min((int) Math.ceil(to), n);
        for (int j = (int) from; j < last; j++) {
          double overlap = Math.min(to, j + 1) - Math.max(from, j);
          if (overlap > 0) sum += src[srcOff + j * srcStride] * overlap;
        }
        v = sum / step;
      } else {
        // Sample centres: output i sits at input coordinate (i + 0.5) * step - 0.5, clamped to the ends.
        double t = Math.max(0, Math.min(n - 1, (i + 0.5) * step - 0.5));
        int j = (int) t;
        double f = t - j;
        double a = src[srcOff + j * srcStride];
        v = j + 1 < n ? a * (1 - f) + src[srcOff + (j + 1) * srcStride] * f : a;
      }
      dst[dstOff + i * dstStride] = (float) v;
    }
  }
}
