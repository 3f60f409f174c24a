package dev.engram.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.engram.perception.ImageEncoder;
import dev.engram.perception.Pixels;
import java.nio.FloatBuffer;
import java.util.Map;

/** An image encoder over an ONNX vision model (CLIP, DINOv2 exports): core's {@code ImagePrep} tensor in, one unit vector out. */
public final class OnnxImageEncoder implements ImageEncoder, AutoCloseable {
  private final OnnxModel model;

  OnnxImageEncoder(OnnxModel model) {
    this.model = model;
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
  public float[] encode(Pixels image) {
    if (image == null) throw new IllegalArgumentException("image is missing");
    float[] tensor = model.spec().image().tensor(image);
    try {
      OnnxTensor input = OnnxTensor.createTensor(model.env(), FloatBuffer.wrap(tensor), model.spec().inputShape(0));
      return model.run(Map.of(model.spec().input(), input), null);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot build the input tensor: " + e.getMessage(), e);
    }
  }

  /** Closes the model. */
  @Override
  public void close() {
    model.close();
  }
}
