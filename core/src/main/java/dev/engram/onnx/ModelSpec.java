package dev.engram.onnx;

import dev.engram.perception.ImagePrep;
import dev.engram.perception.LogMel;

/**
 * An encoder model the user points engram at: which file, what it reads, which tensors go in and out, how
 * its input is prepared and how its output becomes one unit vector. Read from a model file by {@link
 * ModelConfig}; validated here, so a host only loads what is consistent.
 *
 * <p>Inputs by kind: text feeds {@link TextSpec}'s tensors {@code [1, tokens]}; an image feeds {@code
 * input} as {@code [1, 3, crop, crop]} from {@link ImagePrep#tensor}; a sound feeds {@code input} as {@code
 * [1, nMels, frames]} from {@link LogMel#compute}.
 *
 * @param kind what the model reads
 * @param model path of the {@code .onnx} file, relative to the model description's folder unless absolute
 * @param input the image or audio input's name (unused for text, whose names are in {@link TextSpec})
 * @param output the output read, or empty for the model's first output
 * @param pooling how the output becomes one vector
 * @param dimension the vector length the model must produce, or 0 to take it from the model
 * @param text tokenizer and input names (text only, else null)
 * @param image pre-processing (image only, else null)
 * @param audio pre-processing (audio only, else null)
 */
public record ModelSpec(
    ModelKind kind,
    String model,
    String input,
    String output,
    Pooling pooling,
    int dimension,
    TextSpec text,
    ImagePrep image,
    LogMel audio) {
  public ModelSpec {
    if (kind == null) throw new IllegalArgumentException("kind must be text, image or audio");
    if (model == null || model.isEmpty()) throw new IllegalArgumentException("model must name the .onnx file");
    if (pooling == null) throw new IllegalArgumentException("pooling must be mean, cls or none");
    if (output == null) output = "";
    if (input == null) input = "";
    if (dimension < 0 || dimension > 65_536) throw new IllegalArgumentException("dimension must be 0 (from the model) or 1..65536, got " + dimension);
    if ((kind == ModelKind.TEXT) != (text != null)) throw new IllegalArgumentException("a text model and only a text model has text settings");
    if ((kind == ModelKind.IMAGE) != (image != null)) throw new IllegalArgumentException("an image model and only an image model has image settings");
    if ((kind == ModelKind.AUDIO) != (audio != null)) throw new IllegalArgumentException("an audio model and only an audio model has audio settings");
    if (kind != ModelKind.TEXT && input.isEmpty()) throw new IllegalArgumentException("input must name the model's " + kind.key() + " input");
  }

  /** The input tensor's shape for this spec, for image and audio ({@code frames} is the spectrogram's). */
  public long[] inputShape(int frames) {
    return switch (kind) {
      case IMAGE -> new long[] {1, 3, image.crop(), image.crop()};
      case AUDIO -> new long[] {1, audio.nMels(), frames};
      case TEXT -> throw new IllegalStateException("a text model has several inputs; see TextSpec");
    };
  }
}
