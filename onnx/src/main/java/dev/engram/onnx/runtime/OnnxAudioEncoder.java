package dev.engram.onnx.runtime;

import dev.engram.perception.AudioClip;
import dev.engram.perception.AudioEncoder;
import dev.engram.perception.LogMel;

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
    return model.runFloats(mel.compute(clip), model.spec().inputShape(mel.framesFor(clip)));
  }

  /** Closes the model. */
  @Override
  public void close() {
    model.close();
  }
}
