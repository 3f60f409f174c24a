package dev.engram.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.onnx.ModelConfig;
import dev.engram.onnx.TextSpec;
import dev.engram.onnx.WordPiece;
import dev.engram.perception.Pixels;
import org.junit.jupiter.api.Test;

/** The ONNX exports (engram-onnx.wasm) on the JVM: what npm's engram/onnx reads back must be core's own results, flattened. */
class OnnxBridgeTest {
  static final String VOCAB = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\nregion\n";
  static final String TEXT = "kind = text\nmodel = m.onnx\ntext.vocab = v.txt\ntext.max_length = 6\ntext.pad = true\ntext.token_type_ids = none\n";
  static final String IMAGE = "kind = image\nmodel = i.onnx\nimage.resize = 4\nimage.crop = 4\n";

  @Test
  void describesTokenizesAndPrepares() {
    int text = OnnxBridge.onnxOpen(TEXT);
    assertArrayEquals(new String[] {"text", "m.onnx", "", "", "mean", "0", "v.txt", "input_ids", "attention_mask", "", "int64", "true", "", "", "6"},
        OnnxBridge.onnxDescribe(text));
    OnnxBridge.onnxVocab(text, VOCAB);
    TextSpec spec = ModelConfig.parse(TEXT).text();
    int[] ids = new WordPiece(VOCAB, spec).ids("The region");
    assertArrayEquals(new int[] {2, 4, 5, 3, 0, 0, 1, 1, 1, 1, 0, 0}, OnnxBridge.onnxTokens(text, "The region"));
    assertArrayEquals(new int[] {2, 4, 5, 3, 0, 0}, ids);
    assertArrayEquals(new float[] {0.6f, 0.8f}, OnnxBridge.onnxPool(text, new float[] {3, 0, 3, 8, 9, 9}, new int[] {1, 3, 2}, new int[] {1, 1, 0}), 1e-7f);

    int image = OnnxBridge.onnxOpen(IMAGE);
    byte[] rgba = new byte[4 * 5 * 4];
    for (int i = 0; i < rgba.length; i++) rgba[i] = (byte) (i * 7);
    assertArrayEquals(ModelConfig.parse(IMAGE).image().tensor(new Pixels(5, 4, rgba)), OnnxBridge.onnxImage(image, 5, 4, rgba), 0f);
    assertEquals("4", OnnxBridge.onnxDescribe(image)[13]);
  }

  @Test
  void refusesWhatDoesNotFit() {
    int image = OnnxBridge.onnxOpen(IMAGE);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxVocab(image, VOCAB)).getMessage().contains("only a text model"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxAudio(image, new float[10], 16000)).getMessage().contains("not an audio model"));
    int text = OnnxBridge.onnxOpen(TEXT);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxTokens(text, "x")).getMessage().contains("vocabulary first"));
    OnnxBridge.onnxClose(text);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxDescribe(text)).getMessage().contains("no open ONNX model"));
    assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxDescribe(-1));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnnxBridge.onnxOpen("kind = text\n")).getMessage().contains("'model' is required"));
  }
}
