package dev.engram.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.engram.onnx.TextSpec;
import dev.engram.onnx.WordPiece;
import dev.engram.semantic.Encoder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * A sentence encoder over an ONNX text model (MiniLM and other BERT-family exports): core's {@link
 * WordPiece} makes the token ids, the model runs, core's pooling averages (or takes [CLS]) and normalises.
 * Texts past the model's window are encoded from their first {@code text.max_length - 2} pieces.
 */
public final class OnnxTextEncoder implements Encoder, AutoCloseable {
  private final OnnxModel model;
  private final WordPiece tokenizer;

  OnnxTextEncoder(OnnxModel model, String vocab) {
    this.model = model;
    this.tokenizer = new WordPiece(vocab, model.spec().text());
  }

  /** The tokenizer this encoder feeds the model through. */
  public WordPiece tokenizer() {
    return tokenizer;
  }

  /** The description this encoder's model was loaded from. */
  public dev.engram.onnx.ModelSpec spec() {
    return model.spec();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] encode(String text) {
    if (text == null) throw new IllegalArgumentException("text is missing");
    TextSpec t = model.spec().text();
    int[] ids = tokenizer.ids(text);
    int[] mask = tokenizer.mask(ids);
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put(t.inputIds(), tensor(ids, shape, t.int32()));
      if (!t.attentionMask().isEmpty()) inputs.put(t.attentionMask(), tensor(mask, shape, t.int32()));
      if (!t.tokenTypeIds().isEmpty()) inputs.put(t.tokenTypeIds(), tensor(new int[ids.length], shape, t.int32()));
    } catch (OrtException e) {
      for (OnnxTensor x : inputs.values()) x.close();
      throw new IllegalStateException("cannot build the input tensors: " + e.getMessage(), e);
    }
    return model.run(inputs, mask);
  }

  private OnnxTensor tensor(int[] values, long[] shape, boolean int32) throws OrtException {
    if (int32) return OnnxTensor.createTensor(model.env(), IntBuffer.wrap(values), shape);
    long[] wide = new long[values.length];
    for (int i = 0; i < values.length; i++) wide[i] = values[i];
    return OnnxTensor.createTensor(model.env(), LongBuffer.wrap(wide), shape);
  }

  /** Closes the model. */
  @Override
  public void close() {
    model.close();
  }
}
