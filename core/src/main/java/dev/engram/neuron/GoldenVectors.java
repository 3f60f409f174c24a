package dev.engram.neuron;

/**
 * Inputs and exact outputs shared by the JVM tests and the wasm build: a model whose weights come from
 * a fixed integer generator (no {@code java.util.Random}, no float parsing), run on fixed tokens. Both
 * runtimes must return the same float bits; any difference means a non-deterministic float path.
 */
public final class GoldenVectors {
  /**
   * Float bits of {@link #routerLogitBits()}; measured identical on the JVM (Temurin 25) and in
   * wasm-gc (TeaVM 0.15.0, Node 22.23): see test resources {@code dev/engram/neuron/wasm-probe}.
   */
  public static final int[] EXPECTED = {
    1041937128, 1041189904, -1092382748, 1048157217, 1042201020, 1040628252, -1092017778, 1048638579
  };

  /**
   * Float bits of {@link #shippedRouterBits} for the shipped router (router.i8 trained with seed 7 by
   * TrainRouter's default recipe, 2026-11-23), on the JVM; the wasm build replays the same router's
   * decisions and confidence bits from the route golden file (tests module, RouteGoldenTest).
   */
  public static final int[] EXPECTED_SHIPPED = {
    1083223880, -1057822621, -1058870170, 1076005951, -1072764247, 1059136211, 1091932303, -1067987700,
    1083390030, -1057183629, -1054777533, 1082332052, -1068283472, 1093180916, -1065265838, -1090183652
  };

  private static final String[][] ROUTER_FACTS = {
    {"The wifi password is tulip42."}, {"The gym is open 6am to 10pm."}, {"My dog is called Rex."}, {}
  };
  private static final String[] ROUTER_MESSAGES = {
    "what's the wifi password?", "is the gym open right now?", "how old is my dog?", "My sister lives in Ghent."
  };

  private GoldenVectors() {}

  /** Raw bits of {@code router}'s logits on four fixed (facts, message) cases, 4 logits each. */
  public static int[] shippedRouterBits(Router router) {
    int[] out = new int[ROUTER_MESSAGES.length * 4];
    for (int i = 0; i < ROUTER_MESSAGES.length; i++) {
      float[] l = router.logits(ROUTER_FACTS[i], ROUTER_MESSAGES[i]);
      for (int k = 0; k < 4; k++) {
        out[i * 4 + k] = Float.floatToRawIntBits(l[k]);
      }
    }
    return out;
  }

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
