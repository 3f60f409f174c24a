package dev.engram.neuron;

/**
 * Inputs and exact outputs shared by the JVM tests and the wasm build: a model whose weights come from
 * a fixed integer generator (no {@code java.util.Random}, no float parsing), run on fixed tokens. Both
 * runtimes must return the same float bits; any difference means a non-deterministic float path.
 */
public final class GoldenVectors {
  /** Float bits of {@link #routerLogitBits()} as computed on the JVM (Temurin 25). */
  public static final int[] EXPECTED = {
    1041937128, 1041189904, -1092382748, 1048157217, 1042201020, 1040628252, -1092017778, 1048638579
  };

  private GoldenVectors() {}

  public static ModelConfig config() {
    return new ModelConfig(300, 32, 32, 4, 2, 64, 4);
  }

  /** Deterministic weights in [-0.5, 0.5) from a 32-bit xorshift. */
  public static Int8Model model() {
    ModelConfig c = config();
    Layout l = new Layout(c);
    float[] p = new float[l.total];
    int s = 0x2545F491;
    for (int i = 0; i < p.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      p[i] = ((s >>> 8) - (1 << 23)) / (float) (1 << 24);
    }
    return Int8Model.quantize("golden", c, p, 1f);
  }

  public static int[] tokens() {
    int[] t = new int[24];
    for (int i = 0; i < t.length; i++) {
      t[i] = (i * 37 + 11) % 300;
    }
    return t;
  }

  /** Raw bits of the int8 classifier logits, then of the float-reference ones (8 ints). */
  public static int[] routerLogitBits() {
    Int8Model m = model();
    float[] a = new Transformer(m, Transformer.Mode.INT8).classify(tokens());
    float[] b = new Transformer(m, Transformer.Mode.FLOAT_REFERENCE).classify(tokens());
    int[] bits = new int[a.length + b.length];
    for (int i = 0; i < a.length; i++) {
      bits[i] = Float.floatToRawIntBits(a[i]);
      bits[a.length + i] = Float.floatToRawIntBits(b[i]);
    }
    return bits;
  }
}
