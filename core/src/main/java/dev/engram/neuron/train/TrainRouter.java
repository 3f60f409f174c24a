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
 * {@link Settings#DEFAULT} is the recipe of the shipped model; the launcher's {@code engram train} verb
 * and this main both run {@link #train}.
 *
 * <pre>
 * java -cp core/target/classes dev.engram.neuron.train.TrainRouter OUT_DIR [HELDOUT_FILE] [key=value ...]
 * keys: seed steps batch lr train val vocab dim heads layers ffn context
 * </pre>
 */
public final class TrainRouter {
  private TrainRouter() {}

  /**
   * One training recipe.
   *
   * @param seed all randomness (corpus, initialisation, data order) flows from it
   * @param steps optimiser steps
   * @param batch sequences per step
   * @param lr peak learning rate
   * @param examples generated training sequences
   * @param validation generated validation sequences (temperature fit and int8 check)
   * @param model the transformer geometry
   */
  public record Settings(long seed, int steps, int batch, float lr, int examples, int validation, ModelConfig model) {
    /** The shipped router's recipe: about 10 minutes on one core of the 2-core build machine. */
    public static final Settings DEFAULT =
        new Settings(7, 8000, 16, 0.002f, 100_000, 2000, new ModelConfig(1024, 128, 64, 4, 2, 128, Route.values().length));

    public Settings {
      if (examples < 1 || validation < 1) {
        throw new IllegalArgumentException("examples and validation must be >= 1, got " + examples + ", " + validation);
      }
      if (model == null || model.classes() != Route.values().length) {
        throw new IllegalArgumentException("a router model needs " + Route.values().length + " classes");
      }
      // the remaining checks belong to the optimiser's own record
      trainConfig(seed, steps, batch, lr);
    }

    TrainConfig trainConfig() {
      return trainConfig(seed, steps, batch, lr);
    }

    private static TrainConfig trainConfig(long seed, int steps, int batch, float lr) {
      return new TrainConfig(seed, steps, batch, lr, Math.max(1, steps / 20), 0.01f, 1f, Math.max(1, Math.min(50, steps / 10)), 500);
    }

    /** This recipe with {@code key=value} overrides (the keys of the class doc); unknown keys fail. */
    public Settings with(java.util.Map<String, String> kv) {
      for (String k : kv.keySet()) {
        switch (k) {
          case "seed", "steps", "batch", "lr", "train", "val", "vocab", "dim", "heads", "layers", "ffn", "context" -> {}
          default -> throw new IllegalArgumentException("unknown setting " + k);
        }
      }
      try {
        ModelConfig m = new ModelConfig(
            intOf(kv, "vocab", model.vocab()), intOf(kv, "context", model.context()), intOf(kv, "dim", model.dim()),
            intOf(kv, "heads", model.heads()), intOf(kv, "layers", model.layers()), intOf(kv, "ffn", model.ffn()),
            model.classes());
        return new Settings(kv.containsKey("seed") ? Long.parseLong(kv.get("seed")) : seed, intOf(kv, "steps", steps),
            intOf(kv, "batch", batch), kv.containsKey("lr") ? Float.parseFloat(kv.get("lr")) : lr,
            intOf(kv, "train", examples), intOf(kv, "val", validation), m);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: " + e.getMessage());
      }
    }

    private static int intOf(java.util.Map<String, String> kv, String key, int fallback) {
      return kv.containsKey(key) ? Integer.parseInt(kv.get(key)) : fallback;
    }
  }

  /** What one run measured. */
  public record Result(double validationFloat, double validationInt8, float temperature, int modelBytes,
      int tokenizerBytes, double trainSeconds, double totalSeconds) {}

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
    train(Settings.DEFAULT.with(kv), outDir, heldOut, System.out::println);
  }

  /**
   * Runs one recipe, handing each progress line to {@code out}, and writes {@code router.bpe} and {@code router.i8}
   * into {@code outDir}. A {@code router.ckpt} there (written every 500 steps, deleted when the run completes)
 * is resumed: it must come from the same recipe. With
   * {@code heldOut} set, also prints the router's misses and per-label accuracy on that hand-written set.
   */
  public static Result train(Settings s, Path outDir, Path heldOut, java.util.function.Consumer<String> out) throws IOException {
    ModelConfig cfg = s.model();
    int trainN = s.examples();
    long seed = s.seed();
    Files.createDirectories(outDir);
    long t0 = System.nanoTime();

    List<Example> train = new CorpusGenerator(seed).generate(trainN);
    List<Example> val = new CorpusGenerator(seed + 1_000_000_007L).generate(s.validation());
    BpeTokenizer tok = BpeTrainer.train(CorpusGenerator.tokenizerCorpus(train.subList(0, Math.min(trainN, 20000))), cfg.vocab());
    out.accept("tokenizer: " + tok.vocabSize() + " tokens (" + tok.merges() + " merges) in " + secs(t0) + " s");

    int[][] data = new int[train.size()][];
    int[] labels = new int[train.size()];
    long tokens = 0;
    for (int i = 0; i < train.size(); i++) {
      data[i] = RouterInput.encode(tok, train.get(i).facts(), train.get(i).message(), cfg.context());
      labels[i] = train.get(i).route().ordinal();
      tokens += data[i].length;
    }
    out.accept("corpus: " + train.size() + " sequences, mean " + (tokens / train.size()) + " tokens; config " + cfg);

    FloatModel model = new FloatModel(cfg, FloatModel.init(cfg, seed));
    TrainConfig tc = s.trainConfig();
    Trainer trainer = new Trainer(model, tc, data, labels);
    Path ckpt = outDir.resolve("router.ckpt");
    if (Files.exists(ckpt)) {
      trainer.load(ckpt);
      out.accept("resumed from " + ckpt + " at step " + trainer.step());
    }
    long tTrain = System.nanoTime();
    trainer.run(out, ckpt);
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
    out.accept("validation (float): " + pct(floatCorrect, val.size()) + "; temperature " + bestT
        + " (mean NLL " + Trainer.round(bestNll / val.size(), 4) + "); expected calibration error "
        + Trainer.round(ece(valLogits, valLabels, 1f), 4) + " at T=1, " + Trainer.round(ece(valLogits, valLabels, bestT), 4)
        + " at T=" + bestT);

    Int8Model q = Int8Model.quantize("engram-router-s" + seed, cfg, model.params.clone(), bestT);
    Router router = new Router(tok, q, Transformer.Mode.INT8);
    int intCorrect = 0;
    for (Example e : val) {
      intCorrect += Router.argmax(router.logits(e.facts(), e.message())) == e.route().ordinal() ? 1 : 0;
    }
    out.accept("validation (int8):  " + pct(intCorrect, val.size()) + "  (quantisation cost "
        + (floatCorrect - intCorrect) + " of " + val.size() + " cases)");

    byte[] tokBytes = tok.toBytes();
    byte[] modelBytes = q.toBytes();
    Files.write(outDir.resolve("router.bpe"), tokBytes);
    Files.write(outDir.resolve("router.i8"), modelBytes);
    // the run is complete: its checkpoint would only make the next run in this folder resume a finished one
    Files.deleteIfExists(ckpt);
    out.accept("wrote " + outDir.resolve("router.i8") + " (" + modelBytes.length + " bytes) and router.bpe ("
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
          out.accept("  miss: " + e.route() + " -> " + Route.values()[pi] + " : " + e.message());
        }
      }
      out.accept("held-out (float): " + pct(fc, held.size()));
      out.accept(confusionTable(confusion));
    }
    return new Result(floatCorrect / (double) val.size(), intCorrect / (double) val.size(), bestT, modelBytes.length,
        tokBytes.length, trainSecs, secs(t0));
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
