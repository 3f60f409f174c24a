package dev.engram.onnx.runtime;

import dev.engram.perception.ImageEncoder;
import dev.engram.perception.Pixels;

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
    return model.runFloats(model.spec().image().tensor(image), model.spec().inputShape(0));
  }

  /** Closes the model. */
  @Override
  public void close() {
    model.close();
  }
}
