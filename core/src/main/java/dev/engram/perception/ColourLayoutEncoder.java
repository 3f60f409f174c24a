package dev.engram.perception;

/**
 * The built-in image encoder: no model file, 128 numbers that say which colours sit where and what kind of
 * edges the picture has. Two photographs of the same red ball on grass come out close; a red ball and a
 * red apple in the same place come out close too, because nothing here knows what an object <i>is</i>:
 * it captures colour, layout and texture, not meaning (an ONNX model such as CLIP or DINOv2 behind the same
 * {@link ImageEncoder} contract does that).
 *
 * <p>Recipe. The picture is squashed (aspect ratio ignored, so nothing is cropped away) to a 16 x 16
 * thumbnail with {@link Resample}'s box filter and turned into opponent colours per pixel: lightness
 * {@code L = (r + g + b) / 3}, red-green {@code A = r - g}, yellow-blue {@code B = (r + g) / 2 - b}
 * (r, g, b in 0..1). The features, 215 in all:
 * <ul>
 *   <li>layout: the 8 x 8 means of L (minus the picture's mean lightness), A and B: 3 x 64;
 *   <li>colour statistics: mean L - 0.5, mean A, mean B and the standard deviation of each: 6, weighted 4;
 *   <li>edges: central-difference gradients of L on the 16 x 16 thumbnail, their magnitude summed per
 *       quadrant into 4 unsigned orientation bins (horizontal, 45 degrees, vertical, 135 degrees; chosen by
 *       comparing |gx| and |gy| with tan 22.5 degrees, no trigonometry), plus the mean magnitude: 17,
 *       weighted 4 per pixel-mean.
 * </ul>
 * A fixed seeded +-1 matrix ({@link ExactMath#signMatrix}) projects them to 128 dimensions, normalised to
 * unit length, so every output dimension mixes every feature (what latency coding wants: no dimension is
 * structurally zero). Every step uses {@code + - * /} and {@code sqrt} only, so the JVM and wasm give the
 * same bits. Cost: one pass over the pixels per channel plus a 128 x 215 product.
 */
public final class ColourLayoutEncoder implements ImageEncoder {
  /** Output length. */
  public static final int DIMENSION = 128;
  /** The projection seed of {@link #ColourLayoutEncoder()}; another seed gives an incompatible space. */
  public static final long DEFAULT_SEED = 0x1A6E5EEDL;

  static final int SIDE = 16;
  static final int GRID = 8;
  static final int FEATURES = 3 * GRID * GRID + 6 + 17;
  private static final double TAN_22_5 = 0.41421356237309503;

  private final float[] projection;

  /** The encoder every host uses by default (fixed seed, so vectors stored by one host match another's). */
  public ColourLayoutEncoder() {
    this(DEFAULT_SEED);
  }

  /** An encoder whose projection is drawn from {@code seed}. */
  public ColourLayoutEncoder(long seed) {
    projection = ExactMath.signMatrix(seed, DIMENSION, FEATURES);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] encode(Pixels image) {
    if (image == null) throw new IllegalArgumentException("image is missing");
    return ExactMath.project(projection, DIMENSION, features(image));
  }

  /** The 215 features before projection (package-private for tests). */
  static float[] features(Pixels image) {
    int w = image.width();
    int h = image.height();
    int n = SIDE * SIDE;
    float[][] thumb = new float[3][n];
    float[] plane = new float[w * h];
    float[] rows = new float[SIDE * h];
    byte[] rgba = image.rgba();
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < w * h; i++) plane[i] = (rgba[4 * i + c] & 0xFF) / 255f;
      for (int y = 0; y < h; y++) Resample.line(plane, y * w, 1, w, rows, y * SIDE, 1, SIDE);
      for (int x = 0; x < SIDE; x++) Resample.line(rows, x, SIDE, h, thumb[c], x, SIDE, SIDE);
    }
    float[] l = new float[n];
    float[] a = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      float r = thumb[0][i];
      float g = thumb[1][i];
      float bl = thumb[2][i];
      l[i] = (r + g + bl) / 3f;
      a[i] = r - g;
      b[i] = (r + g) / 2f - bl;
    }
    float[] f = new float[FEATURES];
    double[] mean = new double[3];
    double[] sq = new double[3];
    float[][] planes = {l, a, b};
    for (int p = 0; p < 3; p++) {
      for (int i = 0; i < n; i++) {
        mean[p] += planes[p][i];
        sq[p] += (double) planes[p][i] * planes[p][i];
      }
      mean[p] /= n;
    }
    int k = 0;
    int cell = SIDE / GRID;
    for (int p = 0; p < 3; p++) {
      for (int gy = 0; gy < GRID; gy++) {
        for (int gx = 0; gx < GRID; gx++) {
          double s = 0;
          for (int dy = 0; dy < cell; dy++) {
            for (int dx = 0; dx < cell; dx++) s += planes[p][(gy * cell + dy) * SIDE + gx * cell + dx];
          }
          s /= cell * cell;
          f[k++] = (float) (p == 0 ? s - mean[0] : s);
        }
      }
    }
    for (int p = 0; p < 3; p++) f[k++] = (float) (4 * (p == 0 ? mean[0] - 0.5 : mean[p]));
    for (int p = 0; p < 3; p++) f[k++] = (float) (4 * Math.sqrt(Math.max(0, sq[p] / n - mean[p] * mean[p])));
    // Edges: 4 quadrants x 4 orientations, then the mean magnitude.
    double total = 0;
    int inner = 0;
    int edgeBase = k;
    for (int y = 1; y < SIDE - 1; y++) {
      for (int x = 1; x < SIDE - 1; x++) {
        double gx = l[y * SIDE + x + 1] - l[y * SIDE + x - 1];
        double gy = l[(y + 1) * SIDE + x] - l[(y - 1) * SIDE + x];
        double mag = Math.sqrt(gx * gx + gy * gy);
        double ax = Math.abs(gx);
        double ay = Math.abs(gy);
        int bin;
        if (ay <= TAN_22_5 * ax) bin = 0; // gradient along x: a vertical edge
        else if (ax <= TAN_22_5 * ay) bin = 2;
        else bin = (gx > 0) == (gy > 0) ? 1 : 3;
        int quadrant = (y < SIDE / 2 ? 0 : 2) + (x < SIDE / 2 ? 0 : 1);
        f[edgeBase + quadrant * 4 + bin] += (float) mag;
        total += mag;
        inner++;
      }
    }
    int perQuadrant = inner / 4;
    for (int i = 0; i < 16; i++) f[edgeBase + i] = f[edgeBase + i] * 4f / perQuadrant;
    f[edgeBase + 16] = (float) (4 * total / inner);
    return f;
  }
}
