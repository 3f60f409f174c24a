package dev.engram.neuron.train;

import dev.engram.neuron.BpeTokenizer;
import dev.engram.neuron.FloatMath;
import dev.engram.neuron.Int8Model;
import dev.engram.neuron.ModelConfig;
import dev.engram.neuron.Route;
import dev.engram.neuron.Router;
import dev.engram.neuron.RouterInput;
import dev.engram.neuron.Transformer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the shipped router end to end, reproducibly from one seed: generate the corpus, learn the BPE
 * merges, train the float model (AdamW, checkpoints), fit the calibration temperature on a
 * validation split, quantise to int8, measure what quantisation cost, and write the two resources.
 *
 * <pre>
 * java -cp core/target/classes dev.engram.neuron.train.TrainRouter OUT_DIR [HELDOUT_FILE] [key=value ...]
 * keys: seed steps batch lr train vocab dim heads layers ffn context
 * </pre>
 */
public final class TrainRouter {
  private TrainRouter() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: TrainRouter OUT_DIR [HELDOUT_FILE] [key=value ...]");
      System.exit(2);
    }
    Path outDir = Path.of(args[0]);
    Path heldOut = null;
    java.util.Map<String, String> kv = new java.util.HashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq > 0) {
        kv.put(args[i].substring(0, eq), args[i].substring(eq + 1));
      } else {
        heldOut = Path.of(args[i]);
      }
    }
    long seed = Long.parseLong(kv.getOrDefault("seed", "7"));
    int steps = Integer.parseInt(kv.getOrDefault("steps", "2500"));
    int batch = Integer.parseInt(kv.getOrDefault("batch", "16"));
    float lr = Float.parseFloat(kv.getOrDefault("lr", "0.002"));
    int trainN = Integer.parseInt(kv.getOrDefault("train", "40000"));
    int vocab = Integer.parseInt(kv.getOrDefault("vocab", "1024"));
    ModelConfig cfg = new ModelConfig(
        vocab,
        Integer.parseInt(kv.getOrDefault("context", "128")),
        Integer.parseInt(kv.getOrDefault("dim", "64")),
        Integer.parseInt(kv.getOrDefault("heads", "4")),
        Integer.parseInt(kv.getOrDefault("layers", "2")),
        Integer.parseInt(kv.getOrDefault("ffn", "128")),
        Route.values().length);
    Files.createDirectories(outDir);
    long t0 = System.nanoTime();

    List<Example> train = new CorpusGenerator(seed).generate(trainN);
    List<Example> val = new CorpusGenerator(seed + 1_000_000_007L).generate(2000);
    BpeTokenizer tok = BpeTrainer.train(CorpusGenerator.tokenizerCorpus(train.subList(0, Math.min(trainN, 20000))), vocab);
    System.out.println("tokenizer: " + tok.vocabSize() + " tokens (" + tok.merges() + " merges) in " + secs(t0) + " s");

    int[][] data = new int[train.size()][];
    int[] labels = new int[train.size()];
    long tokens = 0;
    for (int i = 0; i < train.size(); i++) {
      data[i] = RouterInput.encode(tok, train.get(i).facts(), train.get(i).message(), cfg.context());
      labels[i] = train.get(i).route().ordinal();
      tokens += data[i].length;
    }
    System.out.println("corpus: " + train.size() + " sequences, mean " + (tokens / train.size()) + " tokens; config " + cfg);

    FloatModel model = new FloatModel(cfg, FloatModel.init(cfg, seed));
    TrainConfig tc = new TrainConfig(seed, steps, batch, lr, Math.max(1, steps / 20), 0.01f, 1f, 50, 500);
    Trainer trainer = new Trainer(model, tc, data, labels);
    Path ckpt = outDir.resolve("router.ckpt");
    if (Files.exists(ckpt)) {
      trainer.load(ckpt);
      System.out.println("resumed from " + ckpt + " at step " + trainer.step());
    }
    long tTrain = System.nanoTime();
    trainer.run(System.out, ckpt);
    double trainSecs = secs(tTrain);

    // calibration: the temperature that minimises validation NLL, on a coarse-to-fine grid
    float[][] valLogits = new float[val.size()][];
    int[] valLabels = new int[val.size()];
    int floatCorrect = 0;
    for (int i = 0; i < val.size(); i++) {
      valLogits[i] = model.forward(RouterInput.encode(tok, val.get(i).facts(), val.get(i).message(), cfg.context()));
      valLabels[i] = val.get(i).route().ordinal();
      floatCorrect += Router.argmax(valLogits[i]) == valLabels[i] ? 1 : 0;
    }
    float bestT = 1f;
    double bestNll = Double.MAX_VALUE;
    for (float t = 0.25f; t <= 4f; t += 0.05f) {
      double nll = 0;
      for (int i = 0; i < val.size(); i++) {
        float[] p = valLogits[i].clone();
        FloatMath.softmax(p, 0, p.length, t);
        nll -= Math.log(Math.max(p[valLabels[i]], 1e-12f));
      }
      if (nll < bestNll) {
        bestNll = nll;
        bestT = t;
      }
    }
    System.out.println("validation (float): " + pct(floatCorrect, val.size()) + "; temperature " + bestT
        + " (mean NLL " + Trainer.round(bestNll / val.size(), 4) + "); expected calibration error "
        + Trainer.round(ece(valLogits, valLabels, 1f), 4) + " at T=1, " + Trainer.round(ece(valLogits, valLabels, bestT), 4)
        + " at T=" + bestT);

    Int8Model q = Int8Model.quantize("engram-router-s" + seed, cfg, model.params.clone(), bestT);
    Router router = new Router(tok, q, Transformer.Mode.INT8);
    int intCorrect = 0;
    for (Example e : val) {
      intCorrect += Router.argmax(router.logits(e.facts(), e.message())) == e.route().ordinal() ? 1 : 0;
    }
    System.out.println("validation (int8):  " + pct(intCorrect, val.size()) + "  (quantisation cost "
        + (floatCorrect - intCorrect) + " of " + val.size() + " cases)");

    byte[] tokBytes = tok.toBytes();
    byte[] modelBytes = q.toBytes();
    Files.write(outDir.resolve("router.bpe"), tokBytes);
    Files.write(outDir.resolve("router.i8"), modelBytes);
    System.out.println("wrote " + outDir.resolve("router.i8") + " (" + modelBytes.length + " bytes) and router.bpe ("
        + tokBytes.length + " bytes); training " + Trainer.round(trainSecs, 1) + " s, total " + secs(t0) + " s");

    if (heldOut != null) {
      List<Example> held;
      try (InputStream in = Files.newInputStream(heldOut)) {
        held = EvalSet.read(in);
      }
      int[][] confusion = new int[4][4];
      int fc = 0;
      for (Example e : held) {
        int pi = Router.argmax(router.logits(e.facts(), e.message()));
        confusion[e.route().ordinal()][pi]++;
        fc += Router.argmax(model.forward(RouterInput.encode(tok, e.facts(), e.message(), cfg.context())))
            == e.route().ordinal() ? 1 : 0;
        if (pi != e.route().ordinal()) {
          System.out.println("  miss: " + e.route() + " -> " + Route.values()[pi] + " : " + e.message());
        }
      }
      System.out.println("held-out (float): " + pct(fc, held.size()));
      System.out.println(confusionTable(confusion));
    }
  }

  /** Expected calibration error over 10 equal-width confidence bins. */
  static double ece(float[][] logits, int[] labels, float temperature) {
    double[] conf = new double[10];
    double[] hit = new double[10];
    int[] n = new int[10];
    for (int i = 0; i < logits.length; i++) {
      float[] p = logits[i].clone();
      FloatMath.softmax(p, 0, p.length, temperature);
      int k = Router.argmax(p);
      int b = Math.min(9, (int) (p[k] * 10));
      conf[b] += p[k];
      hit[b] += k == labels[i] ? 1 : 0;
      n[b]++;
    }
    double e = 0;
    for (int b = 0; b < 10; b++) {
      if (n[b] > 0) {
        e += Math.abs(hit[b] - conf[b]) / logits.length;
      }
    }
    return e;
  }

  public static String confusionTable(int[][] confusion) {
    StringBuilder b = new StringBuilder("held-out (int8) per label:\n");
    int all = 0;
    int ok = 0;
    for (Route r : Route.values()) {
      int n = 0;
      for (int v : confusion[r.ordinal()]) {
        n += v;
      }
      all += n;
      ok += confusion[r.ordinal()][r.ordinal()];
      b.append("  ").append(r).append(": ").append(pct(confusion[r.ordinal()][r.ordinal()], n)).append('\n');
    }
    b.append("  overall: ").append(pct(ok, all));
    return b.toString();
  }

  static String pct(int ok, int n) {
    return ok + "/" + n + " = " + Trainer.round(100.0 * ok / Math.max(1, n), 2) + "%";
  }

  private static double secs(long t) {
    return Math.round((System.nanoTime() - t) / 1e8) / 10.0;
  }
}
