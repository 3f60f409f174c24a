package dev.engram.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.perception.ImagePrep;
import dev.engram.perception.LogMel;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
  @Test
  void textDefaultsFollowMiniLmExports() {
    ModelSpec s = ModelConfig.parse("# all-MiniLM-L6-v2\nkind = text\nmodel = model.onnx\ntext.vocab = vocab.txt\ntext.max_length = 256\n");
    assertEquals(ModelKind.TEXT, s.kind());
    assertEquals(Pooling.MEAN, s.pooling());
    assertEquals("", s.output());
    TextSpec t = s.text();
    assertEquals("vocab.txt", t.vocab());
    assertTrue(t.lowercase() && t.stripAccents() && !t.pad() && !t.int32());
    assertEquals(256, t.maxLength());
    assertEquals("input_ids", t.inputIds());
    assertEquals("attention_mask", t.attentionMask());
    assertEquals("token_type_ids", t.tokenTypeIds());
  }

  @Test
  void optionalTextInputsCanBeSwitchedOff() {
    ModelSpec s = ModelConfig.parse("\uFEFFkind=text\r\nmodel=m.onnx\r\ntext.vocab=v.txt\r\ntext.token_type_ids = none\r\ntext.ids = int32\r\npooling = cls");
    assertEquals("", s.text().tokenTypeIds());
    assertTrue(s.text().int32());
    assertEquals(Pooling.CLS, s.pooling());
  }

  @Test
  void imagePresetsAndOverrides() {
    ModelSpec clip = ModelConfig.parse("kind = image\nmodel = clip.onnx\noutput = image_embeds\n");
    assertEquals(Pooling.NONE, clip.pooling());
    assertEquals("pixel_values", clip.input());
    assertEquals(ImagePrep.CLIP.resize(), clip.image().resize());
    assertArrayEquals(ImagePrep.CLIP.mean(), clip.image().mean());
    ModelSpec small = ModelConfig.parse(
        "kind = image\nmodel = m.onnx\nimage.preset = imagenet\nimage.resize = 8\nimage.crop = 6\nimage.mean = 0.5, 0.5,0.5\n");
    assertEquals(6, small.image().crop());
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, small.image().mean());
    assertArrayEquals(ImagePrep.IMAGENET.std(), small.image().std());
    assertArrayEquals(new long[] {1, 3, 6, 6}, small.inputShape(0));
  }

  @Test
  void audioIsWhisperUnlessOverridden() {
    ModelSpec w = ModelConfig.parse("kind = audio\nmodel = encoder.onnx\n");
    assertEquals(LogMel.WHISPER, w.audio());
    assertEquals("input_features", w.input());
    assertEquals(Pooling.MEAN, w.pooling());
    ModelSpec s = ModelConfig.parse("kind = audio\nmodel = e.onnx\naudio.n_mels = 16\naudio.frames = 0\naudio.whisper_scale = false\n");
    assertEquals(16, s.audio().nMels());
    assertEquals(0, s.audio().frames());
    assertArrayEquals(new long[] {1, 16, 50}, s.inputShape(50));
  }

  @Test
  void mistakesNameTheLineOrTheKey() {
    assertMessage("line 3: unknown key 'text.vocabulary'", "kind = text\nmodel = m.onnx\ntext.vocabulary = v.txt\n");
    assertMessage("line 2: expected key = value", "kind = text\nmodel m.onnx\n");
    assertMessage("line 3: 'model' is already set on line 2", "kind = text\nmodel = a\nmodel = b\n");
    assertMessage("'text.vocab' is required", "kind = text\nmodel = m.onnx\n");
    assertMessage("'model' is required", "kind = image\n");
    assertMessage("'kind' is required", "model = m.onnx\n");
    assertMessage("line 1: kind must be text, image or audio", "kind = video\nmodel = m\n");
    assertMessage("line 3: 'image.crop' does not apply to kind = text", "kind = text\nmodel = m\nimage.crop = 3\ntext.vocab = v\n");
    assertMessage("line 3: text.max_length must be a whole number", "kind = text\nmodel = m\ntext.max_length = lots\ntext.vocab = v\n");
    assertMessage("line 3: image.mean needs 3 numbers", "kind = image\nmodel = m\nimage.mean = 0.5, 0.5\n");
    assertMessage("line 3: pooling must be mean, cls or none", "kind = image\nmodel = m\npooling = max\n");
    assertMessage("crop must be 1..resize", "kind = image\nmodel = m\nimage.resize = 8\nimage.crop = 9\n");
    assertMessage("text.max_length must be 3..8192", "kind = text\nmodel = m\ntext.vocab = v\ntext.max_length = 2\n");
    assertMessage("line 3: text.pad must be true or false", "kind = text\nmodel = m\ntext.pad = yes\ntext.vocab = v\n");
  }

  private static void assertMessage(String expected, String config) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(config));
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }
}
