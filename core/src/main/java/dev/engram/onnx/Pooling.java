package dev.engram.onnx;

/**
 * How a model's output tensor becomes one unit-length vector. Sentence encoders (MiniLM) return one row per
 * token, {@code [1, tokens, d]}, and are averaged over the real (unmasked) tokens; BERT-style classifiers
 * take the first ([CLS]) row; CLIP's projection heads already return {@code [1, d]}; a Whisper encoder
 * returns {@code [1, frames, d]} and is averaged over time. Sums run in double so the JVM and wasm agree to
 * the last bit on the same model output; the result is L2-normalised (all zeros when its norm is zero).
 */
public enum Pooling {
  /** Average of the rows of {@code [1, n, d]} whose mask is non-zero (all rows without a mask). */
  MEAN,
  /** The first row of {@code [1, n, d]}. */
  CLS,
  /** The output is already one vector: {@code [d]}, {@code [1, d]} or any shape whose leading sizes are 1. */
  NONE;

  /** The name used in a model file ({@code mean}, {@code cls}, {@code none}). */
  public String key() {
    return switch (this) {
      case MEAN -> "mean";
      case CLS -> "cls";
      case NONE -> "none";
    };
  }

  /** The pooling named {@code key}, or an error listing the choices. */
  public static Pooling of(String key) {
    return switch (key) {
      case "mean" -> MEAN;
      case "cls" -> CLS;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("pooling must be mean, cls or none, got '" + key + "'");
    };
  }

  /** Length of the vector {@link #pool} makes from an output of {@code shape}. */
  public int dimension(long[] shape) {
    checkShape(shape);
    return (int) shape[shape.length - 1];
  }

  /**
   * The unit-length vector of {@code output} (row-major, of {@code shape}); {@code mask} (one entry per row,
   * non-zero for a real token) or null to use every row.
   */
  public float[] pool(float[] output, long[] shape, int[] mask) {
    checkShape(shape);
    long size = 1;
    for (long s : shape) size *= s;
    if (output == null || output.length != size) {
      throw new IllegalArgumentException(
          "model output has " + (output == null ? 0 : output.length) + " values, its shape " + shapeText(shape) + " says " + size);
    }
    int d = (int) shape[shape.length - 1];
    double[] sum = new double[d];
    if (this == NONE) {
      for (int j = 0; j < d; j++) sum[j] = output[j];
    } else {
      int rows = (int) shape[1];
      if (mask != null && mask.length != rows) {
        throw new IllegalArgumentException("mask has " + mask.length + " entries for " + rows + " output rows");
      }
      int used = this == CLS ? Math.min(rows, 1) : rows;
      int count = 0;
      for (int r = 0; r < used; r++) {
        if (this == MEAN && mask != null && mask[r] == 0) continue;
        count++;
        for (int j = 0, base = r * d; j < d; j++) sum[j] += output[base + j];
      }
      if (count > 1) for (int j = 0; j < d; j++) sum[j] /= count;
    }
    return unit(sum);
  }

  /** {@code v} scaled to length 1 as floats; all zeros when its length is zero. */
  static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) norm += x * x;
    float[] out = new float[v.length];
    if (!(norm > 0) || !Double.isFinite(norm)) return out;
    double inv = 1 / Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] * inv);
    return out;
  }

  private void checkShape(long[] shape) {
    if (shape == null || shape.length == 0) throw new IllegalArgumentException("model output has no shape");
    for (long s : shape) {
      if (s < 1 || s > Integer.MAX_VALUE) throw new IllegalArgumentException("model output shape " + shapeText(shape) + " has an empty or unknown size");
    }
    if (this == NONE) {
      for (int i = 0; i < shape.length - 1; i++) {
        if (shape[i] != 1) {
          throw new IllegalArgumentException("pooling none needs one vector ([d] or [1, d]), the model returns " + shapeText(shape)
              + "; use pooling = mean or cls for one row per token or frame");
        }
      }
    } else if (shape.length != 3 || shape[0] != 1) {
      throw new IllegalArgumentException("pooling " + key() + " needs an output of shape [1, rows, d], the model returns " + shapeText(shape)
          + (shape.length == 2 ? "; use pooling = none for one vector" : ""));
    }
  }

  /** {@code [1, 7, 384]}. */
  public static String shapeText(long[] shape) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) b.append(", ");
      b.append(shape[i]);
    }
    return b.append(']').toString();
  }
}
