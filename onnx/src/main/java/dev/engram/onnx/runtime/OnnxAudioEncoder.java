package dev.engram.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.engram.perception.AudioClip;
import dev.engram.perception.AudioEncoder;
import dev.engram.perception.LogMel;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * An audio encoder over an ONNX speech or sound model (a Whisper encoder export): core's log-mel
 * spectrogram in as {@code [1, nMels, frames]}, the output pooled as the description says (a Whisper
 * encoder's {@code [1, frames/2, d]} averaged over time).
 */
public final class OnnxAudioEncoder implements AudioEncoder, AutoCloseable {
  private final OnnxModel model;

  OnnxAudioEncoder(OnnxModel model) {
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
  public float[] encode(AudioClip clip) {
    if (clip == null) throw new IllegalArgumentException("audio clip is missing");
    LogMel mel = model.spec().audio();
    int frames = mel.framesFor(clip);
    float[] features = mel.compute(clip);
    try {
      OnnxTensor input = OnnxTensor.createTensor(model.env(), FloatBuffer.wrap(features), model.spec().inputShape(frames));
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
