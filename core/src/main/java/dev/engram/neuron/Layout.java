package dev.engram.neuron;

/**
 * Names, shapes and order of every tensor of a {@link ModelConfig}; the single source of truth for
 * the weights file, the inference engine and the trainer (which keeps all parameters in one flat
 * {@code float[]} at {@link #offset}s).
 *
 * <p>Matrices are row-major {@code [rows][cols]} with one row per output, so {@code y = W x} reads
 * each row contiguously and "per-row" int8 scales are per output channel. Vectors (LayerNorm gains
 * and biases, the classifier bias) stay float.
 */
public final class Layout {
  public static final int TOK = 0;
  public static final int POS = 1;
  /** Overlap-channel embedding: one row per {@link #OVERLAP_KINDS} value (see {@link RouterInput}). */
  public static final int OVERLAP = 2;
  public static final int OVERLAP_KINDS = 3;
  private static final int HEAD = 3;
  /** Tensors per block, in order: ln1.g, ln1.b, qkv, out, ln2.g, ln2.b, up, down. */
  public static final int PER_LAYER = 8;

  public static final int LN1_G = 0;
  public static final int LN1_B = 1;
  public static final int QKV = 2;
  public static final int OUT = 3;
  public static final int LN2_G = 4;
  public static final int LN2_B = 5;
  public static final int UP = 6;
  public static final int DOWN = 7;

  public final ModelConfig config;
  public final String[] names;
  public final int[] rows;
  /** Columns; 0 marks a vector of {@code rows} floats. */
  public final int[] cols;
  public final int[] offset;
  public final int total;

  public Layout(ModelConfig c) {
    this.config = c;
    int n = HEAD + PER_LAYER * c.layers() + 2 + (c.classes() > 0 ? 2 : 0);
    names = new String[n];
    rows = new int[n];
    cols = new int[n];
    offset = new int[n];
    int t = 0;
    t = add(t, "tok", c.vocab(), c.dim());
    t = add(t, "pos", c.context(), c.dim());
    t = add(t, "overlap", OVERLAP_KINDS, c.dim());
    int d = c.dim();
    for (int l = 0; l < c.layers(); l++) {
      String p = "layer" + l + ".";
      t = add(t, p + "ln1.g", d, 0);
      t = add(t, p + "ln1.b", d, 0);
      t = add(t, p + "qkv", 3 * d, d);
      t = add(t, p + "out", d, d);
      t = add(t, p + "ln2.g", d, 0);
      t = add(t, p + "ln2.b", d, 0);
      t = add(t, p + "up", c.ffn(), d);
      t = add(t, p + "down", d, c.ffn());
    }
    t = add(t, "lnf.g", d, 0);
    t = add(t, "lnf.b", d, 0);
    if (c.classes() > 0) {
      t = add(t, "cls", c.classes(), d);
      t = add(t, "cls.b", c.classes(), 0);
    }
    long sum = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = (int) sum;
      sum += size(i);
      if (sum > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("model config has more than 2^31 parameters");
      }
    }
    total = (int) sum;
  }

  private int add(int t, String name, int r, int c) {
    names[t] = name;
    rows[t] = r;
    cols[t] = c;
    return t + 1;
  }

  public int count() {
    return names.length;
  }

  public boolean isMatrix(int t) {
    return cols[t] > 0;
  }

  public int size(int t) {
    return cols[t] > 0 ? rows[t] * cols[t] : rows[t];
  }

  /** Index of tensor {@code which} (one of LN1_G..DOWN) of block {@code layer}. */
  public int layer(int layer, int which) {
    return HEAD + layer * PER_LAYER + which;
  }

  public int lnfG() {
    return HEAD + PER_LAYER * config.layers();
  }

  public int cls() {
    return lnfG() + 2;
  }

  /** True for the tensors that start at 1 (LayerNorm gains). */
  public boolean isGain(int t) {
    return names[t].endsWith(".g");
  }
}
