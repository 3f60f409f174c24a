package dev.engram.neuron;

/**
 * A transformer's weights, quantised: every matrix of the {@link Layout} as per-row symmetric int8
 * ({@code w[r][c] ~= q[r][c] * scale[r]}, {@code scale[r] = max_c |w[r][c]| / 127}), every vector as
 * float. One {@code byte[]} per matrix, row-major, so a row's dot product streams one contiguous
 * slice; the gary-neuron geometry is ~7 MB of int8 plus ~60 KB of scales.
 *
 * <p>File format ({@code engram-neuron}, little-endian): magic {@code "EGNM"}, name, version; {@code
 * string model}, seven {@code i32} of the {@link ModelConfig} (vocab, context, dim, heads, layers,
 * ffn, classes), {@code f32 temperature} (softmax temperature that calibrates the classifier); then
 * each tensor in layout order: a matrix as {@code rows x f32} scales followed by {@code rows*cols}
 * int8, a vector as {@code rows x f32}; CRC-32 last.
 */
public final class Int8Model {
  public static final int MAGIC = 0x4D4E4745; // "EGNM" little-endian
  public static final String FORMAT = "engram-neuron";
  public static final int VERSION = 1;

  public final String name;
  public final ModelConfig config;
  public final Layout layout;
  public final float temperature;
  /** Per tensor: int8 weights (matrices) or null (vectors). */
  final byte[][] q;
  /** Per tensor: per-row scales (matrices) or null. */
  final float[][] scale;
  /** Per tensor: float values (vectors) or null. */
  final float[][] vec;

  private Int8Model(String name, ModelConfig config, float temperature) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("model name is required");
    }
    if (!(temperature > 0f) || temperature > 100f) {
      throw new IllegalArgumentException("temperature must be in (0, 100], got " + temperature);
    }
    this.name = name;
    this.config = config;
    this.layout = new Layout(config);
    this.temperature = temperature;
    int n = layout.count();
    q = new byte[n][];
    scale = new float[n][];
    vec = new float[n][];
  }

  /** Quantises float parameters laid out by {@link Layout} (one flat array). */
  public static Int8Model quantize(String name, ModelConfig config, float[] params, float temperature) {
    Int8Model m = new Int8Model(name, config, temperature);
    Layout l = m.layout;
    if (params == null || params.length != l.total) {
      throw new IllegalArgumentException(
          "expected " + l.total + " parameters, got " + (params == null ? "none" : params.length));
    }
    for (int t = 0; t < l.count(); t++) {
      int off = l.offset[t];
      if (!l.isMatrix(t)) {
        m.vec[t] = new float[l.rows[t]];
        System.arraycopy(params, off, m.vec[t], 0, l.rows[t]);
        continue;
      }
      int rows = l.rows[t];
      int cols = l.cols[t];
      byte[] qt = new byte[rows * cols];
      float[] st = new float[rows];
      for (int r = 0; r < rows; r++) {
        float max = 0f;
        for (int c = 0; c < cols; c++) {
          max = Math.max(max, Math.abs(params[off + r * cols + c]));
        }
        if (max == 0f) {
          continue;
        }
        float s = max / 127f;
        st[r] = s;
        for (int c = 0; c < cols; c++) {
          int v = FloatMath.round(params[off + r * cols + c] / s);
          qt[r * cols + c] = (byte) Math.max(-127, Math.min(127, v));
        }
      }
      m.q[t] = qt;
      m.scale[t] = st;
    }
    return m;
  }

  /** The weights this model stands for, as one flat float array in layout order. */
  public float[] dequantize() {
    float[] p = new float[layout.total];
    for (int t = 0; t < layout.count(); t++) {
      System.arraycopy(tensor(t), 0, p, layout.offset[t], layout.size(t));
    }
    return p;
  }

  /** Tensor {@code t} as floats ({@code q * scale} for a matrix). */
  public float[] tensor(int t) {
    if (!layout.isMatrix(t)) {
      return vec[t].clone();
    }
    int cols = layout.cols[t];
    float[] w = new float[layout.size(t)];
    for (int i = 0; i < w.length; i++) {
      w[i] = q[t][i] * scale[t][i / cols];
    }
    return w;
  }

  /** Bytes of int8 weights plus float scales and vectors: what the model costs in memory. */
  public long weightBytes() {
    long b = 0;
    for (int t = 0; t < layout.count(); t++) {
      b += layout.isMatrix(t) ? layout.size(t) + 4L * layout.rows[t] : 4L * layout.rows[t];
    }
    return b;
  }

  public byte[] toBytes() {
    BinaryWriter w = new BinaryWriter();
    w.header(MAGIC, FORMAT, VERSION);
    w.string(name);
    ModelConfig c = config;
    w.i32(c.vocab());
    w.i32(c.context());
    w.i32(c.dim());
    w.i32(c.heads());
    w.i32(c.layers());
    w.i32(c.ffn());
    w.i32(c.classes());
    w.f32(temperature);
    for (int t = 0; t < layout.count(); t++) {
      if (layout.isMatrix(t)) {
        for (float s : scale[t]) {
          w.f32(s);
        }
        w.bytes(q[t], 0, q[t].length);
      } else {
        for (float v : vec[t]) {
          w.f32(v);
        }
      }
    }
    return w.finish();
  }

  public static Int8Model fromBytes(byte[] bytes) {
    BinaryReader r = new BinaryReader(bytes, MAGIC, FORMAT, 1, VERSION);
    String name = r.string();
    ModelConfig c = new ModelConfig(r.i32(), r.i32(), r.i32(), r.i32(), r.i32(), r.i32(), r.i32());
    float temperature = r.f32();
    Int8Model m = new Int8Model(name, c, temperature);
    Layout l = m.layout;
    for (int t = 0; t < l.count(); t++) {
      if (l.isMatrix(t)) {
        float[] s = new float[l.rows[t]];
        for (int i = 0; i < s.length; i++) {
          s[i] = r.f32();
          if (!(s[i] >= 0f) || Float.isInfinite(s[i])) {
            throw new IllegalArgumentException("tensor " + l.names[t] + " row " + i + " has an invalid scale " + s[i]);
          }
        }
        byte[] qt = new byte[l.size(t)];
        r.bytes(qt, 0, qt.length);
        m.scale[t] = s;
        m.q[t] = qt;
      } else {
        float[] v = new float[l.rows[t]];
        for (int i = 0; i < v.length; i++) {
          v[i] = r.f32();
        }
        m.vec[t] = v;
      }
    }
    r.expectEnd();
    return m;
  }
}
