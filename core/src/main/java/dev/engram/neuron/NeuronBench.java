package dev.engram.neuron;

import dev.engram.Engram;

/**
 * Benchmarks of the neuron package, written so any host (JVM main, wasm bridge) can run them: decode
 * throughput of a geometry with random int8 weights, and dispatch latency (recall + route + value) of
 * the shipped router over a small memory. Each returns one JSON line with the workload and figures.
 *
 * <pre>java -cp core/target/classes dev.engram.neuron.NeuronBench</pre>
 */
public final class NeuronBench {
  private NeuronBench() {}

  /** Tokens per second appending {@code tokens} positions (KV cache on) with random int8 weights. */
  public static String tokensPerSecond(ModelConfig c, Transformer.Mode mode, int tokens) {
    if (tokens < 1 || tokens > c.context()) {
      throw new IllegalArgumentException("tokens must be 1.." + c.context());
    }
    Layout l = new Layout(c);
    float[] p = new float[l.total];
    int s = 12345;
    for (int i = 0; i < p.length; i++) {
      s = s * 1103515245 + 12345;
      p[i] = ((s >>> 9) - (1 << 22)) / (float) (1 << 22) * 0.05f;
      if (l.isGain(tensorOf(l, i))) {
        p[i] = 1f;
      }
    }
    Transformer t = new Transformer(Int8Model.quantize("bench", c, p, 1f), mode);
    // warm-up, then timed runs; the best run is reported (least disturbed by other load)
    double best = Double.MAX_VALUE;
    for (int run = 0; run < 4; run++) {
      long t0 = System.nanoTime();
      t.reset();
      for (int i = 0; i < tokens; i++) {
        t.append((i * 31 + 7) % c.vocab());
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return "{\"bench\":\"neuron.tokens\",\"mode\":\"" + mode + "\",\"params\":" + l.total + ",\"dim\":" + c.dim()
        + ",\"layers\":" + c.layers() + ",\"heads\":" + c.heads() + ",\"context\":" + c.context() + ",\"vocab\":"
        + c.vocab() + ",\"tokens\":" + tokens + ",\"tokens_per_s\":" + round(tokens / best) + "}";
  }

  private static int tensorOf(Layout l, int index) {
    int t = 0;
    while (t + 1 < l.count() && l.offset[t + 1] <= index) {
      t++;
    }
    return t;
  }

  /** p50 and p99 of {@link Dispatcher#decide} over a 200-fact scope, ANSWER/FETCH/ESCALATE messages. */
  public static String dispatchLatency(Dispatcher d, int rounds) {
    Engram e = new Engram();
    String[] subjects = {"wifi", "gym", "dentist", "car", "sister", "dog", "server", "office", "bank", "train"};
    for (int i = 0; i < 200; i++) {
      e.observe("bench", "the " + subjects[i % subjects.length] + " note " + i + " is value" + i + ".");
    }
    e.observe("bench", "The wifi password is tulip42.");
    String[] msgs = {
      "what's the wifi password?", "is the gym open right now?", "how old is my sister?", "write a poem about my dog",
      "when is the dentist appointment?", "what's the weather in oslo today?"
    };
    long[] ns = new long[rounds * msgs.length];
    int k = 0;
    for (int warm = 0; warm < 20; warm++) {
      d.decide(e, "bench", msgs[warm % msgs.length]);
    }
    for (int r = 0; r < rounds; r++) {
      for (String m : msgs) {
        long t0 = System.nanoTime();
        d.decide(e, "bench", m);
        ns[k++] = System.nanoTime() - t0;
      }
    }
    java.util.Arrays.sort(ns);
    return "{\"bench\":\"neuron.dispatch\",\"facts\":201,\"calls\":" + ns.length + ",\"p50_ms\":"
        + round(ns[ns.length / 2] / 1e6) + ",\"p99_ms\":" + round(ns[ns.length * 99 / 100] / 1e6) + "}";
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  public static void main(String[] args) {
    ModelConfig g = ModelConfig.garyNeuron();
    System.out.println(tokensPerSecond(g, Transformer.Mode.INT8, 128));
    System.out.println(tokensPerSecond(g, Transformer.Mode.FLOAT_REFERENCE, 128));
    Dispatcher d = Dispatcher.shipped();
    System.out.println(tokensPerSecond(d.router().transformer().config(), Transformer.Mode.INT8, 64));
    System.out.println(dispatchLatency(d, 200));
  }
}
