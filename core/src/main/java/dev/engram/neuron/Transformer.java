package dev.engram.neuron;

/**
 * Inference over an {@link Int8Model}, one position at a time with a KV cache.
 *
 * <p>Two modes over the same weights. {@link Mode#INT8}: each matrix-vector product quantises its
 * input vector per call to symmetric int8 ({@code xs = max|x| / 127}), multiplies int8 by int8 into an
 * int32 accumulator, and scales once per output ({@code acc * scale[r] * xs}); everything else
 * (LayerNorm, attention, softmax, residuals) is float32. {@link Mode#FLOAT_REFERENCE}: the same
 * graph with the dequantised weights and float activations, the yardstick the int8 path is tested
 * against. Both modes are deterministic and use only exactly specified float operations (see
 * {@link FloatMath}), so the JVM and the wasm build give the same bits.
 *
 * <p>Memory: the KV cache is two {@code float[layers][context * dim]} arrays (gary-neuron geometry:
 * 8 MB); scratch vectors are allocated once. Not thread-safe: one instance per caller.
 */
public final class Transformer {
  /** Which arithmetic the matrix products use. */
  public enum Mode {
    INT8,
    FLOAT_REFERENCE
  }

  private static final float LN_EPS = 1e-5f;

  private final Int8Model model;
  private final Layout layout;
  private final ModelConfig c;
  private final Mode mode;
  private final float[][] deq;
  private final float[][] keys;
  private final float[][] values;
  private int length;

  private final float[] x;
  private final float[] h;
  private final float[] qkv;
  private final float[] att;
  private final float[] tmp;
  private final float[] ff;
  private final float[] scores;
  private final byte[] xq;

  public Transformer(Int8Model model, Mode mode) {
    this.model = model;
    this.layout = model.layout;
    this.c = model.config;
    this.mode = mode;
    int n = layout.count();
    deq = new float[n][];
    if (mode == Mode.FLOAT_REFERENCE) {
      for (int t = 0; t < n; t++) {
        if (layout.isMatrix(t)) {
          deq[t] = model.tensor(t);
        }
      }
    }
    int d = c.dim();
    keys = new float[c.layers()][c.context() * d];
    values = new float[c.layers()][c.context() * d];
    x = new float[d];
    h = new float[d];
    qkv = new float[3 * d];
    att = new float[d];
    tmp = new float[d];
    ff = new float[c.ffn()];
    scores = new float[c.context()];
    xq = new byte[Math.max(d, c.ffn())];
  }

  public ModelConfig config() {
    return c;
  }

  public Int8Model model() {
    return model;
  }

  /** Forgets the sequence; the next {@link #append} is position 0. */
  public void reset() {
    length = 0;
  }

  /** Positions held in the KV cache. */
  public int length() {
    return length;
  }

  /** Runs one more position (overlap channel 0); afterwards the logits read at this position. */
  public void append(int token) {
    append(token, 0);
  }

  /**
   * Runs one more position whose input is token {@code token} plus the overlap-channel embedding
   * {@code overlap} (0..{@link Layout#OVERLAP_KINDS}-1).
   */
  public void append(int token, int overlap) {
    if (overlap < 0 || overlap >= Layout.OVERLAP_KINDS) {
      throw new IllegalArgumentException("overlap " + overlap + " must be 0.." + (Layout.OVERLAP_KINDS - 1));
    }
    if (token < 0 || token >= c.vocab()) {
      throw new IllegalArgumentException("token " + token + " is outside the vocabulary 0.." + (c.vocab() - 1));
    }
    if (length >= c.context()) {
      throw new IllegalArgumentException("sequence is full: the context holds " + c.context() + " positions");
    }
    int d = c.dim();
    int p = length;
    embedRow(Layout.TOK, token, x);
    embedRow(Layout.POS, p, tmp);
    for (int i = 0; i < d; i++) {
      x[i] += tmp[i];
    }
    embedRow(Layout.OVERLAP, overlap, tmp);
    for (int i = 0; i < d; i++) {
      x[i] += tmp[i];
    }
    int hd = c.headDim();
    float inv = 1f / (float) Math.sqrt(hd);
    for (int l = 0; l < c.layers(); l++) {
      layerNorm(x, layout.layer(l, Layout.LN1_G), h);
      matmul(layout.layer(l, Layout.QKV), h, d, qkv);
      float[] kc = keys[l];
      float[] vc = values[l];
      System.arraycopy(qkv, d, kc, p * d, d);
      System.arraycopy(qkv, 2 * d, vc, p * d, d);
      for (int head = 0; head < c.heads(); head++) {
        int ho = head * hd;
        for (int s = 0; s <= p; s++) {
          float dot = 0f;
          int ko = s * d + ho;
          for (int i = 0; i < hd; i++) {
            dot += qkv[ho + i] * kc[ko + i];
          }
          scores[s] = dot * inv;
        }
        FloatMath.softmax(scores, 0, p + 1, 1f);
        for (int i = 0; i < hd; i++) {
          att[ho + i] = 0f;
        }
        for (int s = 0; s <= p; s++) {
          float w = scores[s];
          int vo = s * d + ho;
          for (int i = 0; i < hd; i++) {
            att[ho + i] += w * vc[vo + i];
          }
        }
      }
      matmul(layout.layer(l, Layout.OUT), att, d, tmp);
      for (int i = 0; i < d; i++) {
        x[i] += tmp[i];
      }
      layerNorm(x, layout.layer(l, Layout.LN2_G), h);
      matmul(layout.layer(l, Layout.UP), h, d, ff);
      for (int i = 0; i < ff.length; i++) {
        if (ff[i] < 0f) {
          ff[i] = 0f;
        }
      }
      matmul(layout.layer(l, Layout.DOWN), ff, c.ffn(), tmp);
      for (int i = 0; i < d; i++) {
        x[i] += tmp[i];
      }
    }
    length = p + 1;
  }

  /** Classifier logits at the last position ({@code out.length >= classes}). */
  public void classLogits(float[] out) {
    requireRun();
    if (c.classes() == 0) {
      throw new IllegalArgumentException("this model has no classification head");
    }
    layerNorm(x, layout.lnfG(), h);
    int t = layout.cls();
    matmul(t, h, c.dim(), out);
    float[] b = model.vec[t + 1];
    for (int k = 0; k < c.classes(); k++) {
      out[k] += b[k];
    }
  }

  /** Next-token logits at the last position ({@code out.length >= vocab}); the head is the tied embedding. */
  public void lmLogits(float[] out) {
    requireRun();
    layerNorm(x, layout.lnfG(), h);
    matmul(Layout.TOK, h, c.dim(), out);
  }

  private void requireRun() {
    if (length == 0) {
      throw new IllegalStateException("no position has been run yet");
    }
  }

  /**
   * Runs {@code packed} from an empty cache and returns the classifier logits. Each element packs a
   * token id (low 16 bits) and its overlap channel (the bits above), as {@link RouterInput} writes
   * them; plain token ids are packed values with channel 0.
   */
  public float[] classify(int[] packed) {
    if (packed == null || packed.length == 0) {
      throw new IllegalArgumentException("tokens must not be empty");
    }
    reset();
    for (int t : packed) {
      append(t & 0xFFFF, t >>> 16);
    }
    float[] out = new float[c.classes()];
    classLogits(out);
    return out;
  }

  /**
   * Greedy decoding: runs {@code prompt}, then appends the argmax token {@code maxNew} times (or
   * until the context is full). Returns only the new tokens.
   */
  public int[] generate(int[] prompt, int maxNew) {
    if (prompt == null || prompt.length == 0) {
      throw new IllegalArgumentException("prompt must not be empty");
    }
    if (maxNew < 0) {
      throw new IllegalArgumentException("maxNew must be >= 0, got " + maxNew);
    }
    if (prompt.length > c.context()) {
      throw new IllegalArgumentException("prompt has " + prompt.length + " tokens; the context holds " + c.context());
    }
    reset();
    for (int t : prompt) {
      append(t);
    }
    int n = Math.min(maxNew, c.context() - prompt.length + 1);
    int[] out = new int[n];
    float[] logits = new float[c.vocab()];
    for (int i = 0; i < n; i++) {
      lmLogits(logits);
      int best = 0;
      for (int v = 1; v < logits.length; v++) {
        if (logits[v] > logits[best]) {
          best = v;
        }
      }
      out[i] = best;
      if (i + 1 < n) {
        append(best);
      }
    }
    return out;
  }

  private void embedRow(int t, int row, float[] out) {
    int d = c.dim();
    byte[] q = model.q[t];
    float s = model.scale[t][row];
    int o = row * d;
    for (int i = 0; i < d; i++) {
      out[i] = q[o + i] * s;
    }
  }

  private void layerNorm(float[] in, int gainTensor, float[] out) {
    int d = c.dim();
    float[] g = model.vec[gainTensor];
    float[] b = model.vec[gainTensor + 1];
    float mean = 0f;
    for (int i = 0; i < d; i++) {
      mean += in[i];
    }
    mean /= d;
    float var = 0f;
    for (int i = 0; i < d; i++) {
      float u = in[i] - mean;
      var += u * u;
    }
    var /= d;
    float rstd = 1f / (float) Math.sqrt(var + LN_EPS);
    for (int i = 0; i < d; i++) {
      out[i] = (in[i] - mean) * rstd * g[i] + b[i];
    }
  }

  /** {@code y[r] = sum_i W_t[r][i] * in[i]} for every row of tensor {@code t}. */
  private void matmul(int t, float[] in, int n, float[] y) {
    int rows = layout.rows[t];
    if (mode == Mode.FLOAT_REFERENCE) {
      float[] w = deq[t];
      for (int r = 0; r < rows; r++) {
        float s = 0f;
        int o = r * n;
        for (int i = 0; i < n; i++) {
          s += w[o + i] * in[i];
        }
        y[r] = s;
      }
      return;
    }
    float max = 0f;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(in[i]));
    }
    if (max == 0f) {
      for (int r = 0; r < rows; r++) {
        y[r] = 0f;
      }
      return;
    }
    float xs = max / 127f;
    float inv = 127f / max;
    for (int i = 0; i < n; i++) {
      int v = FloatMath.round(in[i] * inv);
      xq[i] = (byte) (v > 127 ? 127 : (v < -127 ? -127 : v));
    }
    byte[] q = model.q[t];
    float[] sc = model.scale[t];
    for (int r = 0; r < rows; r++) {
      int acc = 0;
      int o = r * n;
      for (int i = 0; i < n; i++) {
        acc += q[o + i] * xq[i];
      }
      y[r] = acc * sc[r] * xs;
    }
  }
}
