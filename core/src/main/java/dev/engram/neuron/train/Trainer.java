package dev.engram.neuron.train;

import dev.engram.neuron.BinaryReader;
import dev.engram.neuron.BinaryWriter;
import dev.engram.neuron.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * AdamW over a {@link FloatModel} on a fixed list of (tokens, label) sequences, with a seeded data
 * order (a fresh Fisher-Yates shuffle per epoch from {@link TrainConfig#seed}), a progress line, and
 * checkpoints that resume exactly (parameters, both moments, step and the data cursor).
 *
 * <p>Checkpoint format ({@code engram-neuron-ckpt}): magic {@code "EGCK"}, name, version; the seven
 * config ints, {@code i32 step}, {@code i32 epoch}, {@code i32 cursor}, {@code i32 n}, then {@code n}
 * parameters, {@code n} first moments, {@code n} second moments (f32); CRC-32 last.
 */
public final class Trainer {
  public static final int CKPT_MAGIC = 0x4B434745; // "EGCK"
  public static final String CKPT_FORMAT = "engram-neuron-ckpt";

  private final FloatModel model;
  private final TrainConfig tc;
  private final int[][] data;
  private final int[] labels;
  private final float[] m;
  private final float[] v;
  private final boolean[] decays;
  private int step;
  private int epoch;
  private int cursor;
  private int[] order;

  public Trainer(FloatModel model, TrainConfig tc, int[][] data, int[] labels) {
    if (data.length == 0 || data.length != labels.length) {
      throw new IllegalArgumentException("need one label per sequence and at least one sequence");
    }
    this.model = model;
    this.tc = tc;
    this.data = data;
    this.labels = labels;
    int n = model.params.length;
    m = new float[n];
    v = new float[n];
    decays = new boolean[n];
    for (int t = 0; t < model.layout.count(); t++) {
      if (model.layout.isMatrix(t)) {
        for (int i = 0; i < model.layout.size(t); i++) {
          decays[model.layout.offset[t] + i] = true;
        }
      }
    }
    order = shuffled(0);
  }

  private int[] shuffled(int ep) {
    int[] o = new int[data.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    Random rnd = new Random(tc.seed() * 1_000_003L + ep);
    for (int i = o.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
    return o;
  }

  public int step() {
    return step;
  }

  public boolean done() {
    return step >= tc.steps();
  }

  /** One optimiser step over the next batch; returns the mean loss of that batch. */
  public float trainStep() {
    float[] g = model.grad;
    java.util.Arrays.fill(g, 0f);
    float loss = 0f;
    for (int b = 0; b < tc.batch(); b++) {
      if (cursor == order.length) {
        epoch++;
        cursor = 0;
        order = shuffled(epoch);
      }
      int i = order[cursor++];
      loss += model.lossAndGrad(data[i], labels[i]);
    }
    float scale = 1f / tc.batch();
    double norm2 = 0;
    for (int i = 0; i < g.length; i++) {
      g[i] *= scale;
      norm2 += (double) g[i] * g[i];
    }
    float norm = (float) Math.sqrt(norm2);
    float clipScale = norm > tc.clip() ? tc.clip() / norm : 1f;
    float lr = tc.lrAt(step);
    step++;
    float b1 = 0.9f;
    float b2 = 0.999f;
    float c1 = (float) (1 - Math.pow(b1, step));
    float c2 = (float) (1 - Math.pow(b2, step));
    float[] p = model.params;
    for (int i = 0; i < p.length; i++) {
      float gi = g[i] * clipScale;
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      float update = (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + 1e-8f);
      if (decays[i]) {
        p[i] -= lr * tc.weightDecay() * p[i];
      }
      p[i] -= lr * update;
    }
    return loss * scale;
  }

  /** Trains to {@link TrainConfig#steps}, handing {@code out} a progress line every few steps and checkpointing when asked. */
  public void run(java.util.function.Consumer<String> out, Path checkpoint) throws IOException {
    long start = System.nanoTime();
    int startStep = step;
    float avg = Float.NaN;
    while (!done()) {
      float loss = trainStep();
      avg = Float.isNaN(avg) ? loss : 0.95f * avg + 0.05f * loss;
      if (step % tc.logEvery() == 0 || done()) {
        double secs = (System.nanoTime() - start) / 1e9;
        double perStep = secs / (step - startStep);
        int width = 30;
        int filled = (int) ((long) width * step / tc.steps());
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < width; i++) {
          bar.append(i < filled ? '=' : ' ');
        }
        bar.append(']');
        out.accept(
            bar + " step " + step + "/" + tc.steps() + "  loss " + round(avg, 4) + "  lr " + round(tc.lrAt(step - 1), 5)
                + "  " + round(tc.batch() / perStep, 1) + " seq/s  eta " + (int) (perStep * (tc.steps() - step)) + " s");
      }
      if (checkpoint != null && tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) {
        save(checkpoint);
      }
    }
  }

  static String round(double x, int digits) {
    double p = Math.pow(10, digits);
    return Double.toString(Math.round(x * p) / p);
  }

  public void save(Path path) throws IOException {
    BinaryWriter w = new BinaryWriter();
    w.header(CKPT_MAGIC, CKPT_FORMAT, 1);
    writeConfig(w, model.c);
    w.i32(step);
    w.i32(epoch);
    w.i32(cursor);
    float[] p = model.params;
    w.i32(p.length);
    for (float x : p) {
      w.f32(x);
    }
    for (float x : m) {
      w.f32(x);
    }
    for (float x : v) {
      w.f32(x);
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, w.finish());
    Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Restores a checkpoint written by {@link #save} for the same config. */
  public void load(Path path) throws IOException {
    BinaryReader r = new BinaryReader(Files.readAllBytes(path), CKPT_MAGIC, CKPT_FORMAT, 1, 1);
    ModelConfig c = new ModelConfig(r.i32(), r.i32(), r.i32(), r.i32(), r.i32(), r.i32(), r.i32());
    if (!c.equals(model.c)) {
      throw new IllegalArgumentException("checkpoint is for " + c + ", not " + model.c);
    }
    step = r.i32();
    epoch = r.i32();
    cursor = r.i32();
    int n = r.i32();
    if (n != model.params.length) {
      throw new IllegalArgumentException("checkpoint holds " + n + " parameters, expected " + model.params.length);
    }
    for (int i = 0; i < n; i++) {
      model.params[i] = r.f32();
    }
    for (int i = 0; i < n; i++) {
      m[i] = r.f32();
    }
    for (int i = 0; i < n; i++) {
      v[i] = r.f32();
    }
    r.expectEnd();
    order = shuffled(epoch);
  }

  static void writeConfig(BinaryWriter w, ModelConfig c) {
    w.i32(c.vocab());
    w.i32(c.context());
    w.i32(c.dim());
    w.i32(c.heads());
    w.i32(c.layers());
    w.i32(c.ffn());
    w.i32(c.classes());
  }
}
