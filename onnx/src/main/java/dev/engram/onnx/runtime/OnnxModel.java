package dev.engram.onnx.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.engram.onnx.ModelConfig;
import dev.engram.onnx.ModelKind;
import dev.engram.onnx.ModelSpec;
import dev.engram.onnx.Pooling;
import dev.engram.onnx.TextSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One encoder model loaded into ONNX Runtime and checked against its description before first use: the
 * file exists and is an ONNX model, every input the description feeds exists with the element type and rank
 * it will get (fixed sizes must match too), every input the model requires is fed, the output exists and
 * its last size agrees with {@code dimension}. Each mistake is an {@link IllegalArgumentException} that
 * names the file and what the model declares instead.
 *
 * <p>{@link #text()}, {@link #image()} and {@link #audio()} give core's encoder contract over it. A session
 * is safe to run from several threads; close the model to free the native memory.
 */
public final class OnnxModel implements AutoCloseable {
  private final ModelSpec spec;
  private final Path file;
  private final Path folder;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String output;
  private final int dimension;

  private OnnxModel(ModelSpec spec, Path folder) {
    this.spec = spec;
    this.folder = folder;
    this.file = folder.resolve(spec.model());
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("model file " + file + " does not exist");
    this.env = OrtEnvironment.getEnvironment();
    OrtSession s;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      s = env.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new IllegalArgumentException(file + " is not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
    }
    this.session = s;
    try {
      checkInputs();
      this.output = spec.output().isEmpty() ? session.getOutputNames().iterator().next() : spec.output();
      this.dimension = checkOutput();
    } catch (IllegalArgumentException | OrtException e) {
      close();
      if (e instanceof IllegalArgumentException iae) throw iae;
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Loads the model a description file names; the {@code model} and {@code text.vocab} paths are relative to its folder. */
  public static OnnxModel load(Path description) {
    String text;
    try {
      text = Files.readString(description);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("model description " + description + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model description " + description + ": " + e.getMessage(), e);
    }
    ModelSpec spec;
    try {
      spec = ModelConfig.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(description + ": " + e.getMessage(), e);
    }
    Path parent = description.toAbsolutePath().getParent();
    return new OnnxModel(spec, parent);
  }

  /** Loads {@code spec}'s model, its relative paths resolved against {@code folder}. */
  public static OnnxModel load(ModelSpec spec, Path folder) {
    if (spec == null) throw new IllegalArgumentException("model description is missing");
    return new OnnxModel(spec, folder.toAbsolutePath());
  }

  public ModelSpec spec() {
    return spec;
  }

  /** Length of the vectors this model's encoder returns. */
  public int dimension() {
    return dimension;
  }

  /** The text encoder over this model (its vocabulary is read now). */
  public OnnxTextEncoder text() {
    requireKind(ModelKind.TEXT);
    Path vocab = folder.resolve(spec.text().vocab());
    try {
      return new OnnxTextEncoder(this, Files.readString(vocab));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("vocabulary " + vocab + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read vocabulary " + vocab + ": " + e.getMessage(), e);
    }
  }

  /** The image encoder over this model. */
  public OnnxImageEncoder image() {
    requireKind(ModelKind.IMAGE);
    return new OnnxImageEncoder(this);
  }

  /** The audio encoder over this model. */
  public OnnxAudioEncoder audio() {
    requireKind(ModelKind.AUDIO);
    return new OnnxAudioEncoder(this);
  }

  private void requireKind(ModelKind kind) {
    if (spec.kind() != kind) {
      throw new IllegalArgumentException(file + " is described as " + article(spec.kind()) + " model, not " + article(kind) + " model");
    }
  }

  private static String article(ModelKind kind) {
    return (kind == ModelKind.IMAGE ? "an " : "a ") + kind.key();
  }

  /** Runs the model on {@code inputs} (closed here) and pools the output; {@code mask} as {@link Pooling#pool}. */
  float[] run(Map<String, OnnxTensor> inputs, int[] mask) {
    try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
      OnnxValue value = result.get(output).orElseThrow(() -> new IllegalStateException(file + " returned no '" + output + "'"));
      if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
        throw new IllegalStateException(file + ": output '" + output + "' is not a float tensor");
      }
      long[] shape = tensor.getInfo().getShape();
      var buffer = tensor.getFloatBuffer();
      float[] data = new float[buffer.remaining()];
      buffer.get(data);
      float[] v = spec.pooling().pool(data, shape, mask);
      if (v.length != dimension) {
        throw new IllegalStateException(file + " returned vectors of " + v.length + " values, its description says " + dimension);
      }
      return v;
    } catch (OrtException e) {
      throw new IllegalStateException(file + " failed to run: " + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : inputs.values()) t.close();
    }
  }

  /** Runs the model on one float input (the description's input name) of {@code shape}, unmasked. */
  float[] runFloats(float[] values, long[] shape) {
    OnnxTensor input;
    try {
      input = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(values), shape);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot build the input tensor: " + e.getMessage(), e);
    }
    return run(Map.of(spec.input(), input), null);
  }

  OrtEnvironment env() {
    return env;
  }

  /** What each input this description feeds must be: element type and shape (-1 where it varies). */
  private record Fed(String name, OnnxJavaType type, long[] shape) {}

  private List<Fed> fed() {
    List<Fed> fed = new ArrayList<>();
    switch (spec.kind()) {
      case TEXT -> {
        TextSpec t = spec.text();
        OnnxJavaType ids = t.int32() ? OnnxJavaType.INT32 : OnnxJavaType.INT64;
        long n = t.pad() ? t.maxLength() : -1;
        fed.add(new Fed(t.inputIds(), ids, new long[] {1, n}));
        if (!t.attentionMask().isEmpty()) fed.add(new Fed(t.attentionMask(), ids, new long[] {1, n}));
        if (!t.tokenTypeIds().isEmpty()) fed.add(new Fed(t.tokenTypeIds(), ids, new long[] {1, n}));
      }
      case IMAGE -> fed.add(new Fed(spec.input(), OnnxJavaType.FLOAT, spec.inputShape(0)));
      case AUDIO -> fed.add(new Fed(spec.input(), OnnxJavaType.FLOAT, spec.inputShape(spec.audio().frames() > 0 ? spec.audio().frames() : -1)));
    }
    return fed;
  }

  private void checkInputs() throws OrtException {
    Map<String, NodeInfo> declared = session.getInputInfo();
    List<Fed> fed = fed();
    for (Fed f : fed) {
      NodeInfo info = declared.get(f.name());
      if (info == null) {
        throw new IllegalArgumentException(file + " has no input '" + f.name() + "'; its inputs are " + declared.keySet()
            + " (set the input names in the model description)");
      }
      if (!(info.getInfo() instanceof TensorInfo t)) throw new IllegalArgumentException(file + ": input '" + f.name() + "' is not a tensor");
      if (t.type != f.type()) {
        throw new IllegalArgumentException(file + ": input '" + f.name() + "' takes " + t.type + ", engram feeds " + f.type()
            + (spec.kind() == ModelKind.TEXT ? " (set text.ids = " + (t.type == OnnxJavaType.INT32 ? "int32" : "int64") + ")" : ""));
      }
      long[] want = t.getShape();
      boolean ok = want.length == f.shape().length;
      for (int i = 0; ok && i < want.length; i++) {
        ok = want[i] < 0 || f.shape()[i] < 0 || want[i] == f.shape()[i];
      }
      if (!ok) {
        throw new IllegalArgumentException(file + ": input '" + f.name() + "' has shape " + Pooling.shapeText(want) + ", engram feeds "
            + Pooling.shapeText(f.shape()) + " (-1 varies)" + hint(f));
      }
    }
    for (String name : declared.keySet()) {
      boolean isFed = false;
      for (Fed f : fed) isFed |= f.name().equals(name);
      if (!isFed) {
        throw new IllegalArgumentException(file + " needs input '" + name + "', which the model description does not feed; it feeds "
            + fed.stream().map(Fed::name).toList());
      }
    }
  }

  private String hint(Fed f) {
    return switch (spec.kind()) {
      case TEXT -> "; a fixed sequence length needs text.pad = true and text.max_length equal to it";
      case IMAGE -> "; set image.crop to the model's picture size";
      case AUDIO -> "; set audio.n_mels and audio.frames to the model's";
    };
  }

  private int checkOutput() throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    NodeInfo info = outputs.get(output);
    if (info == null) throw new IllegalArgumentException(file + " has no output '" + output + "'; its outputs are " + outputs.keySet());
    if (!(info.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException(file + ": output '" + output + "' is not a float tensor");
    }
    long[] shape = t.getShape();
    int rank = spec.pooling() == Pooling.NONE ? -1 : 3;
    if (rank > 0 && shape.length != rank) {
      throw new IllegalArgumentException(file + ": output '" + output + "' has shape " + Pooling.shapeText(shape) + ", pooling "
          + spec.pooling().key() + " needs [1, rows, d]" + (shape.length == 2 ? "; use pooling = none" : ""));
    }
    long last = shape.length == 0 ? -1 : shape[shape.length - 1];
    if (last > 0 && spec.dimension() > 0 && last != spec.dimension()) {
      throw new IllegalArgumentException(file + ": output '" + output + "' has " + last + " values per vector, the description says dimension = "
          + spec.dimension());
    }
    if (last > 0) return (int) last;
    if (spec.dimension() > 0) return spec.dimension();
    throw new IllegalArgumentException(file + ": output '" + output + "' does not declare its vector length; set dimension in the description");
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return spec.kind().key() + " model " + file + " (" + dimension + "-d)";
  }
}
