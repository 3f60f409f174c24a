package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.neuron.train.EvalSet;
import dev.engram.neuron.train.Example;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped router on the two first hand-written held-out sets. The floors sit just under the
 * per-label accuracy the shipped model measured (router.i8, seed 7, 2026-11-23: heldout.txt ANSWER 0.88,
 * STORE 0.96, FETCH 0.98, ESCALATE 0.86; heldout-sealed.txt 0.95, 0.95, 1.0, 0.85), so a regression in
 * the engine, the tokenizer or the weights fails here. They are below the target (>= 95% per
 * label): the router alone still reads some personal questions whose fact is missing as ANSWER (the
 * dispatcher leaves those to memory's abstention).
 */
class ShippedRouterTest {
  /** Per-label floors on heldout.txt (the set also used while developing the generator). */
  static final double DEV_FLOOR = Double.parseDouble(System.getProperty("router.devFloor", "0.85"));
  /** Per-label floor on heldout-sealed.txt. */
  static final double SEALED_FLOOR = Double.parseDouble(System.getProperty("router.sealedFloor", "0.84"));

  static List<Example> load(String name) throws Exception {
    try (InputStream in = ShippedRouterTest.class.getResourceAsStream(name)) {
      return EvalSet.read(in);
    }
  }

  static double[] perLabel(Router r, List<Example> set, StringBuilder misses) {
    int[] ok = new int[4];
    int[] n = new int[4];
    for (Example e : set) {
      int p = Router.argmax(r.logits(e.facts(), e.message()));
      n[e.route().ordinal()]++;
      if (p == e.route().ordinal()) {
        ok[e.route().ordinal()]++;
      } else {
        misses.append("\n  ").append(e.route()).append(" -> ").append(Route.values()[p]).append(": ").append(e.message());
      }
    }
    double[] acc = new double[5];
    int all = 0;
    int allOk = 0;
    for (int k = 0; k < 4; k++) {
      acc[k] = (double) ok[k] / n[k];
      all += n[k];
      allOk += ok[k];
    }
    acc[4] = (double) allOk / all;
    return acc;
  }

  static void check(String name, double floor) throws Exception {
    Router r = Router.shipped();
    StringBuilder misses = new StringBuilder();
    double[] acc = perLabel(r, load(name), misses);
    String report = name + ": ANSWER " + acc[0] + ", STORE " + acc[1] + ", FETCH " + acc[2] + ", ESCALATE " + acc[3]
        + ", overall " + acc[4] + misses;
    System.out.println(report);
    for (int k = 0; k < 4; k++) {
      assertTrue(acc[k] >= floor, report);
    }
  }

  @Test
  void devHeldOut() throws Exception {
    check("heldout.txt", DEV_FLOOR);
  }

  @Test
  void sealedHeldOut() throws Exception {
    check("heldout-sealed.txt", SEALED_FLOOR);
  }

  /** The shipped router's exact logit bits (the same constants the wasm build is checked against). */
  @Test
  void shippedGoldenBits() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        GoldenVectors.EXPECTED_SHIPPED, GoldenVectors.shippedRouterBits(Router.shipped()));
  }

  /** int8 and the float reference of the shipped weights pick the same route on (nearly) every case. */
  @Test
  void int8MatchesFloatReferenceOnShippedModel() throws Exception {
    Router q = Router.shipped();
    Router f = new Router(q.tokenizer(), q.transformer().model(), Transformer.Mode.FLOAT_REFERENCE);
    int agree = 0;
    int n = 0;
    float worst = 0f;
    for (String set : new String[] {"heldout.txt", "heldout-sealed.txt"}) {
      for (Example e : load(set)) {
        float[] a = q.logits(e.facts(), e.message());
        float[] b = f.logits(e.facts(), e.message());
        float scale = 0f;
        for (float v : b) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < 4; k++) {
          worst = Math.max(worst, Math.abs(a[k] - b[k]) / scale);
        }
        agree += Router.argmax(a) == Router.argmax(b) ? 1 : 0;
        n++;
      }
    }
    System.out.println("shipped int8 vs float reference: argmax agreement " + agree + "/" + n + ", worst relative logit gap " + worst);
    assertTrue(worst <= TransformerTest.INT8_TOLERANCE, "worst relative logit gap " + worst);
    assertTrue(agree >= n - 2, "argmax agreement " + agree + "/" + n);
  }
}
