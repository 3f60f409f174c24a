package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.neuron.train.FloatModel;
import dev.engram.neuron.train.TrainConfig;
import dev.engram.neuron.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  static final ModelConfig TINY = new ModelConfig(300, 16, 16, 2, 1, 32, 4);

  /** Synthetic task: the label is the class of the first token, which the last position must attend to. */
  static int[][] data(Random rnd, int n, int[] labels) {
    int[][] d = new int[n][];
    for (int i = 0; i < n; i++) {
      int len = 2 + rnd.nextInt(TINY.context() - 2);
      d[i] = new int[len];
      for (int k = 0; k < len; k++) {
        d[i][k] = 4 + rnd.nextInt(200);
      }
      labels[i] = rnd.nextInt(4);
      d[i][0] = labels[i];
    }
    return d;
  }

  static float meanLoss(FloatModel m, int[][] d, int[] labels) {
    float s = 0f;
    for (int i = 0; i < d.length; i++) {
      s += m.lossAndGrad(d[i], labels[i]);
    }
    return s / d.length;
  }

  @Test
  void tinyRunLowersLoss() {
    Random rnd = new Random(TestSeed.SEED);
    int[] labels = new int[256];
    int[][] d = data(rnd, 256, labels);
    FloatModel m = new FloatModel(TINY, FloatModel.init(TINY, TestSeed.SEED));
    float before = meanLoss(m, d, labels);
    Trainer t = new Trainer(m, new TrainConfig(TestSeed.SEED, 150, 8, 0.01f, 10, 0.01f, 1f, 50, 0), d, labels);
    while (!t.done()) {
      t.trainStep();
    }
    float after = meanLoss(m, d, labels);
    assertTrue(after < 0.5f * before, "loss " + before + " -> " + after + "; " + TestSeed.rerun("TrainingTest"));
  }

  /** The analytic gradient predicts the loss change along itself (central difference). */
  @Test
  void gradientMatchesFiniteDifference() {
    Random rnd = new Random(TestSeed.SEED);
    FloatModel m = new FloatModel(TINY, FloatModel.init(TINY, rnd.nextLong()));
    for (int i = 0; i < m.params.length; i++) {
      m.params[i] += (float) rnd.nextGaussian() * 0.05f;
    }
    int[] tokens = {1, 7, 9, 30, 2, 5, 99};
    m.lossAndGrad(tokens, 2);
    float[] g = m.grad.clone();
    double norm = 0;
    for (float v : g) {
      norm += (double) v * v;
    }
    norm = Math.sqrt(norm);
    float eps = 1e-2f;
    float[] p0 = m.params.clone();
    for (int i = 0; i < p0.length; i++) {
      m.params[i] = p0[i] + (float) (eps * g[i] / norm);
    }
    float up = m.lossAndGrad(tokens, 2);
    for (int i = 0; i < p0.length; i++) {
      m.params[i] = p0[i] - (float) (eps * g[i] / norm);
    }
    float down = m.lossAndGrad(tokens, 2);
    double numeric = (up - down) / (2 * eps);
    assertEquals(norm, numeric, 0.05 * norm, TestSeed.rerun("TrainingTest"));
  }

  /** The trainer's forward pass and the inference engine's float reference are the same function. */
  @Test
  void trainerForwardMatchesFloatReference() {
    Random rnd = new Random(TestSeed.SEED);
    Int8Model q = Int8Model.quantize("t", TINY, FloatModel.init(TINY, rnd.nextLong()), 1f);
    FloatModel m = new FloatModel(TINY, q.dequantize());
    Transformer ref = new Transformer(q, Transformer.Mode.FLOAT_REFERENCE);
    for (int n = 0; n < 10; n++) {
      int[] tokens = new int[1 + rnd.nextInt(TINY.context())];
      for (int k = 0; k < tokens.length; k++) {
        tokens[k] = rnd.nextInt(TINY.vocab());
      }
      assertArrayEquals(m.forward(tokens), ref.classify(tokens), 1e-5f, TestSeed.rerun("TrainingTest"));
    }
  }

  @Test
  void checkpointResumesExactly(@TempDir Path dir) throws Exception {
    Random rnd = new Random(TestSeed.SEED);
    int[] labels = new int[64];
    int[][] d = data(rnd, 64, labels);
    TrainConfig tc = new TrainConfig(5, 20, 4, 0.01f, 2, 0.01f, 1f, 10, 0);
    FloatModel a = new FloatModel(TINY, FloatModel.init(TINY, 5));
    Trainer ta = new Trainer(a, tc, d, labels);
    for (int i = 0; i < 10; i++) {
      ta.trainStep();
    }
    Path ckpt = dir.resolve("c.ckpt");
    ta.save(ckpt);
    FloatModel b = new FloatModel(TINY, FloatModel.init(TINY, 99));
    Trainer tb = new Trainer(b, tc, d, labels);
    tb.load(ckpt);
    while (!ta.done()) {
      ta.trainStep();
      tb.trainStep();
    }
    assertArrayEquals(a.params, b.params, 0f);
    byte[] bytes = Files.readAllBytes(ckpt);
    bytes[40] ^= 1;
    Files.write(ckpt, bytes);
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> tb.load(ckpt))
        .getMessage().contains("checksum failed"));
  }
}
