package dev.engram.onnx.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Three tiny encoder models with seeded weights, written as ONNX by {@link Onnx}, each with its model
 * description and (for text) vocabulary, plus a plain-Java forward pass of each to check ONNX Runtime
 * against. Shapes are small so the tests take milliseconds; the graphs use the ops real exports use
 * (Gather, Cast, Unsqueeze, Mul, Add, MatMul, Tanh, Flatten, Transpose).
 *
 * <ul>
 *   <li>text: {@code tanh(((E[ids] + T[types]) * mask) W)}, {@code [1, seq, 16]}, mean-pooled by engram;
 *   <li>image: {@code tanh(flatten(x) W1 + b1) W2} over a {@code [1, 3, 8, 8]} picture, {@code [1, 12]};
 *   <li>audio: {@code tanh(transpose(x) W + b)} over a {@code [1, 8, 40]} log-mel, {@code [1, 40, 10]},
 *       mean-pooled over time by engram.
 * </ul>
 */
final class TinyModels {
  /** The fixtures' one seed: the models are data, the same on every run. */
  static final long SEED = 11L;

  static final String VOCAB = String.join("\n",
      "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "deploy", "region", "is", "us", "-", "west", "2", ".", "un", "##aff", "##able",
      "cafe", "naive", "?", "'", "s", "cat", "sat", "on", "mat", "a", "dog", "##s", "where", "what", "server", "runs", "in",
      "你", "好", "hello", ",", "world", "!") + "\n";
  static final int TEXT_D = 16;
  static final int IMAGE_SIDE = 8;
  static final int IMAGE_HIDDEN = 16;
  static final int IMAGE_D = 12;
  static final int MELS = 8;
  static final int FRAMES = 40;
  static final int AUDIO_D = 10;

  final int vocabSize = VOCAB.split("\n").length;
  final float[] embed;
  final float[] types;
  final float[] textW;
  final float[] imageW1;
  final float[] imageB1;
  final float[] imageW2;
  final float[] audioW;
  final float[] audioB;

  TinyModels() {
    Random r = new Random(SEED);
    embed = gaussian(r, vocabSize * TEXT_D);
    types = gaussian(r, 2 * TEXT_D);
    textW = gaussian(r, TEXT_D * TEXT_D);
    imageW1 = gaussian(r, 3 * IMAGE_SIDE * IMAGE_SIDE * IMAGE_HIDDEN);
    imageB1 = gaussian(r, IMAGE_HIDDEN);
    imageW2 = gaussian(r, IMAGE_HIDDEN * IMAGE_D);
    audioW = gaussian(r, MELS * AUDIO_D);
    audioB = gaussian(r, AUDIO_D);
  }

  private static float[] gaussian(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * 0.3);
    return v;
  }

  byte[] textModel() {
    return new Onnx()
        .input("input_ids", Onnx.INT64, 1L, "seq")
        .input("attention_mask", Onnx.INT64, 1L, "seq")
        .input("token_type_ids", Onnx.INT64, 1L, "seq")
        .output("last_hidden_state", Onnx.FLOAT, 1L, "seq", (long) TEXT_D)
        .weights("embed", embed, vocabSize, TEXT_D)
        .weights("types", types, 2, TEXT_D)
        .weights("w", textW, TEXT_D, TEXT_D)
        .longs("axis2", 2)
        .node("Gather", new String[] {"embed", "input_ids"}, "tok", "axis", 0L)
        .node("Gather", new String[] {"types", "token_type_ids"}, "typ", "axis", 0L)
        .node("Add", new String[] {"tok", "typ"}, "sum")
        .node("Cast", new String[] {"attention_mask"}, "maskf", "to", (long) Onnx.FLOAT)
        .node("Unsqueeze", new String[] {"maskf", "axis2"}, "mask3")
        .node("Mul", new String[] {"sum", "mask3"}, "masked")
        .node("MatMul", new String[] {"masked", "w"}, "h")
        .node("Tanh", new String[] {"h"}, "last_hidden_state")
        .toBytes("tiny-text");
  }

  byte[] imageModel() {
    int in = 3 * IMAGE_SIDE * IMAGE_SIDE;
    return new Onnx()
        .input("pixel_values", Onnx.FLOAT, 1L, 3L, (long) IMAGE_SIDE, (long) IMAGE_SIDE)
        .output("image_embeds", Onnx.FLOAT, 1L, (long) IMAGE_D)
        .weights("w1", imageW1, in, IMAGE_HIDDEN)
        .weights("b1", imageB1, IMAGE_HIDDEN)
        .weights("w2", imageW2, IMAGE_HIDDEN, IMAGE_D)
        .node("Flatten", new String[] {"pixel_values"}, "flat", "axis", 1L)
        .node("MatMul", new String[] {"flat", "w1"}, "h1")
        .node("Add", new String[] {"h1", "b1"}, "h2")
        .node("Tanh", new String[] {"h2"}, "h3")
        .node("MatMul", new String[] {"h3", "w2"}, "image_embeds")
        .toBytes("tiny-image");
  }

  byte[] audioModel() {
    return new Onnx()
        .input("input_features", Onnx.FLOAT, 1L, (long) MELS, (long) FRAMES)
        .output("last_hidden_state", Onnx.FLOAT, 1L, (long) FRAMES, (long) AUDIO_D)
        .weights("w", audioW, MELS, AUDIO_D)
        .weights("b", audioB, AUDIO_D)
        .node("Transpose", new String[] {"input_features"}, "t", "perm", new long[] {0, 2, 1})
        .node("MatMul", new String[] {"t", "w"}, "h")
        .node("Add", new String[] {"h", "b"}, "h2")
        .node("Tanh", new String[] {"h2"}, "last_hidden_state")
        .toBytes("tiny-audio");
  }

  static final String TEXT_DESCRIPTION = """
      # A tiny BERT-shaped text encoder the tests build (see TinyModels).
      kind = text
      model = text.onnx
      output = last_hidden_state
      pooling = mean
      text.vocab = vocab.txt
      text.max_length = 16
      """;
  static final String IMAGE_DESCRIPTION = """
      # A tiny CLIP-shaped image encoder: 8x8 pictures, CLIP's channel statistics.
      kind = image
      model = image.onnx
      input = pixel_values
      output = image_embeds
      image.preset = clip
      image.resize = 8
      image.crop = 8
      """;
  static final String AUDIO_DESCRIPTION = """
      # A tiny Whisper-shaped audio encoder: 8 kHz, 8 mel bands, 40 frames.
      kind = audio
      model = audio.onnx
      audio.sample_rate = 8000
      audio.n_fft = 64
      audio.hop = 32
      audio.n_mels = 8
      audio.f_max = 4000
      audio.frames = 40
      """;

  /** Writes the three models, their descriptions ({@code text.model}, {@code image.model}, {@code audio.model}) and the vocabulary. */
  void writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.write(folder.resolve("text.onnx"), textModel());
    Files.write(folder.resolve("image.onnx"), imageModel());
    Files.write(folder.resolve("audio.onnx"), audioModel());
    Files.writeString(folder.resolve("vocab.txt"), VOCAB);
    Files.writeString(folder.resolve("text.model"), TEXT_DESCRIPTION);
    Files.writeString(folder.resolve("image.model"), IMAGE_DESCRIPTION);
    Files.writeString(folder.resolve("audio.model"), AUDIO_DESCRIPTION);
  }

  // Plain-Java forward passes, in double: what ONNX Runtime must compute, up to float rounding.

  /** {@code [seq][TEXT_D]} hidden states for ids and mask (token types all 0). */
  double[][] text(int[] ids, int[] mask) {
    double[][] out = new double[ids.length][TEXT_D];
    for (int t = 0; t < ids.length; t++) {
      double[] x = new double[TEXT_D];
      for (int j = 0; j < TEXT_D; j++) x[j] = (embed[ids[t] * TEXT_D + j] + types[j]) * mask[t];
      for (int k = 0; k < TEXT_D; k++) {
        double s = 0;
        for (int j = 0; j < TEXT_D; j++) s += x[j] * textW[j * TEXT_D + k];
        out[t][k] = Math.tanh(s);
      }
    }
    return out;
  }

  double[] image(float[] chw) {
    double[] h = new double[IMAGE_HIDDEN];
    for (int k = 0; k < IMAGE_HIDDEN; k++) {
      double s = imageB1[k];
      for (int i = 0; i < chw.length; i++) s += chw[i] * imageW1[i * IMAGE_HIDDEN + k];
      h[k] = Math.tanh(s);
    }
    double[] out = new double[IMAGE_D];
    for (int k = 0; k < IMAGE_D; k++) {
      for (int j = 0; j < IMAGE_HIDDEN; j++) out[k] += h[j] * imageW2[j * IMAGE_D + k];
    }
    return out;
  }

  /** {@code [FRAMES][AUDIO_D]} from a {@code [MELS][FRAMES]} log-mel. */
  double[][] audio(float[] mel) {
    double[][] out = new double[FRAMES][AUDIO_D];
    for (int f = 0; f < FRAMES; f++) {
      for (int k = 0; k < AUDIO_D; k++) {
        double s = audioB[k];
        for (int m = 0; m < MELS; m++) s += mel[m * FRAMES + f] * audioW[m * AUDIO_D + k];
        out[f][k] = Math.tanh(s);
      }
    }
    return out;
  }
}
