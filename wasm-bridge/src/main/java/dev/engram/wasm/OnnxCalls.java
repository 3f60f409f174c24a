package dev.engram.wasm;

import dev.engram.onnx.ModelConfig;
import dev.engram.onnx.ModelKind;
import dev.engram.onnx.ModelSpec;
import dev.engram.onnx.TextSpec;
import dev.engram.onnx.WordPiece;
import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import java.util.ArrayList;
import java.util.List;

/**
 * The core half of the npm package's ONNX encoders (engram/onnx): model descriptions, tokenizers and
 * pre-processing kept here by handle, so JavaScript runs only the model (onnxruntime-web) and feeds it the
 * ids and tensors the JVM feeds its own ONNX Runtime, computed by the same code. A handle is an index into
 * {@link #models}; a closed one is refused.
 */
final class OnnxCalls {
  private record Model(ModelSpec spec, WordPiece tokenizer) {}

  private final List<Model> models = new ArrayList<>();

  int open(String description) {
    ModelSpec spec = ModelConfig.parse(description);
    models.add(new Model(spec, null));
    return models.size() - 1;
  }

  /**
   * {@code [kind, model, input, output, pooling, dimension, vocab, inputIds, attentionMask, tokenTypeIds,
   * ids, pad, nMels, crop, maxLength]}; text fields are empty for image and audio models and the other way round.
   */
  String[] describe(int handle) {
    ModelSpec s = model(handle).spec();
    TextSpec t = s.text();
    return new String[] {
      s.kind().key(), s.model(), s.input(), s.output(), s.pooling().key(), Integer.toString(s.dimension()),
      t == null ? "" : t.vocab(), t == null ? "" : t.inputIds(), t == null ? "" : t.attentionMask(),
      t == null ? "" : t.tokenTypeIds(), t == null ? "" : t.int32() ? "int32" : "int64", t != null && t.pad() ? "true" : "false",
      s.audio() == null ? "" : Integer.toString(s.audio().nMels()), s.image() == null ? "" : Integer.toString(s.image().crop()),
      t == null ? "" : Integer.toString(t.maxLength())
    };
  }

  void vocab(int handle, String vocab) {
    Model m = model(handle);
    if (m.spec().kind() != ModelKind.TEXT) throw new IllegalArgumentException("only a text model has a vocabulary");
    models.set(handle, new Model(m.spec(), new WordPiece(vocab, m.spec().text())));
  }

  /** The ids then the attention mask of {@code text}, {@code 2 * tokens} ints. */
  int[] tokens(int handle, String text) {
    Model m = model(handle);
    if (m.tokenizer() == null) throw new IllegalArgumentException("load the text model's vocabulary first");
    int[] ids = m.tokenizer().ids(text);
    int[] mask = m.tokenizer().mask(ids);
    int[] out = new int[2 * ids.length];
    System.arraycopy(ids, 0, out, 0, ids.length);
    System.arraycopy(mask, 0, out, ids.length, ids.length);
    return out;
  }

  float[] image(int handle, int width, int height, byte[] rgba) {
    ModelSpec s = model(handle).spec();
    if (s.kind() != ModelKind.IMAGE) throw new IllegalArgumentException("this is not an image model");
    return s.image().tensor(new Pixels(width, height, rgba));
  }

  float[] audio(int handle, float[] samples, int sampleRate) {
    ModelSpec s = model(handle).spec();
    if (s.kind() != ModelKind.AUDIO) throw new IllegalArgumentException("this is not an audio model");
    return s.audio().compute(new AudioClip(samples, sampleRate));
  }

  float[] pool(int handle, float[] output, int[] shape, int[] mask) {
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) dims[i] = shape[i];
    return model(handle).spec().pooling().pool(output, dims, mask.length == 0 ? null : mask);
  }

  void close(int handle) {
    model(handle);
    models.set(handle, null);
  }

  private Model model(int handle) {
    Model m = handle >= 0 && handle < models.size() ? models.get(handle) : null;
    if (m == null) throw new IllegalArgumentException("no open ONNX model with handle " + handle);
    return m;
  }
}
