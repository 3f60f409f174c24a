package dev.engram.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.onnx.ModelConfig;
import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three encoders over the tiny models, checked against a plain-Java forward pass, and every load error. */
class OnnxEncodersTest {
  /** ONNX Runtime computes in float with its own summation order; the reference runs in double. */
  static final float TOLERANCE = 1e-5f;

  @TempDir static Path dir;
  static final TinyModels MODELS = new TinyModels();

  @BeforeAll
  static void writeModels() throws IOException {
    MODELS.writeTo(dir);
  }

  @Test
  void textEncoderMeanPoolsTheModelsHiddenStates() {
    try (OnnxTextEncoder enc = OnnxModel.load(dir.resolve("text.model")).text()) {
      assertEquals(TinyModels.TEXT_D, enc.dimension());
      for (String text : Inputs.TEXTS) {
        int[] ids = enc.tokenizer().ids(text);
        assertTrue(ids.length <= 16, "cut to text.max_length");
        double[][] h = MODELS.text(ids, enc.tokenizer().mask(ids));
        double[] mean = new double[TinyModels.TEXT_D];
        for (double[] row : h) for (int j = 0; j < mean.length; j++) mean[j] += row[j] / h.length;
        assertArrayEquals(unit(mean), enc.encode(text), TOLERANCE, text);
      }
      float[] a = enc.encode("the cat sat on the mat");
      assertArrayEquals(a, enc.encode("the cat sat on the mat"), 0f, "same text, same vector");
    }
  }

  @Test
  void imageEncoderFeedsCoresPreparedTensor() {
    try (OnnxImageEncoder enc = OnnxModel.load(dir.resolve("image.model")).image()) {
      assertEquals(TinyModels.IMAGE_D, enc.dimension());
      for (Pixels p : new Pixels[] {Inputs.picture(13, 10, 1), Inputs.picture(8, 8, 2), Inputs.picture(5, 20, 3)}) {
        float[] chw = ModelConfig.parse(TinyModels.IMAGE_DESCRIPTION).image().tensor(p);
        assertArrayEquals(unit(MODELS.image(chw)), enc.encode(p), TOLERANCE);
      }
    }
  }

  @Test
  void audioEncoderMeanPoolsOverTime() {
    try (OnnxAudioEncoder enc = OnnxModel.load(dir.resolve("audio.model")).audio()) {
      assertEquals(TinyModels.AUDIO_D, enc.dimension());
      AudioClip clip = Inputs.chirp(0.25, 16_000, 300, 4);
      float[] mel = ModelConfig.parse(TinyModels.AUDIO_DESCRIPTION).audio().compute(clip);
      double[][] h = MODELS.audio(mel);
      double[] mean = new double[TinyModels.AUDIO_D];
      for (double[] row : h) for (int j = 0; j < mean.length; j++) mean[j] += row[j] / h.length;
      assertArrayEquals(unit(mean), enc.encode(clip), TOLERANCE);
      assertArrayEquals(enc.encode(clip), enc.encode(clip), 0f);
      assertTrue(dot(enc.encode(clip), enc.encode(Inputs.chirp(0.25, 16_000, 1500, 5))) < 0.9999, "different sounds, different vectors");
    }
  }

  @Test
  void loadErrorsSayWhatIsWrong() throws IOException {
    assertError("does not exist", describe("missing.model", null));
    assertError("model file", write("nofile.model", TinyModels.IMAGE_DESCRIPTION.replace("image.onnx", "absent.onnx")));
    Files.write(dir.resolve("garbage.onnx"), "this is not a protobuf".getBytes());
    assertError("is not an ONNX model", write("garbage.model", TinyModels.IMAGE_DESCRIPTION.replace("image.onnx", "garbage.onnx")));
    assertError("has no input 'pixels'; its inputs are [pixel_values]",
        write("name.model", TinyModels.IMAGE_DESCRIPTION.replace("input = pixel_values", "input = pixels")));
    assertError("has shape [1, 3, 8, 8], engram feeds [1, 3, 6, 6]",
        write("shape.model", TinyModels.IMAGE_DESCRIPTION.replace("image.crop = 8", "image.crop = 6")));
    assertError("has shape [1, 8, 40], engram feeds [1, 8, 30]",
        write("frames.model", TinyModels.AUDIO_DESCRIPTION.replace("audio.frames = 40", "audio.frames = 30")));
    assertError("needs input 'token_type_ids', which the model description does not feed",
        write("types.model", TinyModels.TEXT_DESCRIPTION + "text.token_type_ids = none\n"));
    assertError("takes INT64, engram feeds INT32 (set text.ids = int64)", write("int32.model", TinyModels.TEXT_DESCRIPTION + "text.ids = int32\n"));
    assertError("has 12 values per vector, the description says dimension = 384", write("dim.model", TinyModels.IMAGE_DESCRIPTION + "dimension = 384\n"));
    assertError("has no output 'pooled'; its outputs are [image_embeds]",
        write("out.model", TinyModels.IMAGE_DESCRIPTION.replace("output = image_embeds", "output = pooled")));
    assertError("pooling mean needs [1, rows, d]; use pooling = none", write("pool.model", TinyModels.IMAGE_DESCRIPTION + "pooling = mean\n"));
    assertError("line 2: unknown key 'modle'", write("typo.model", "kind = text\nmodle = text.onnx\n"));
    Path vocabless = write("vocabless.model", TinyModels.TEXT_DESCRIPTION.replace("vocab.txt", "nope.txt"));
    try (OnnxModel m = OnnxModel.load(vocabless)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::text);
      assertTrue(e.getMessage().contains("vocabulary") && e.getMessage().contains("does not exist"), e.getMessage());
      IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, m::image);
      assertTrue(kind.getMessage().contains("is described as a text model, not an image model"), kind.getMessage());
    }
  }

  private static Path describe(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    if (text != null) Files.writeString(p, text);
    return p;
  }

  private static Path write(String name, String text) throws IOException {
    return describe(name, text);
  }

  private static void assertError(String expected, Path description) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      try (OnnxModel m = OnnxModel.load(description)) {
        // loading alone must fail
      }
    });
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }

  static float[] unit(double[] v) {
    double n = 0;
    for (double x : v) n += x * x;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / Math.sqrt(n));
    return out;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
