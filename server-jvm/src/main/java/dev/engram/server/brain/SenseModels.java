package dev.engram.server.brain;

import dev.engram.onnx.runtime.OnnxModel;
import dev.engram.perception.AudioEncoder;
import dev.engram.perception.ColourLayoutEncoder;
import dev.engram.perception.ImageEncoder;
import dev.engram.perception.SpectralShapeEncoder;
import dev.engram.spiking.LatencyParams;
import dev.engram.spiking.Senses;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The brain's eyes and ears as a host configures them: an ONNX model description for images
 * ({@code --image-model} or ENGRAM_IMAGE_MODEL) and one for sounds ({@code --audio-model} or
 * ENGRAM_AUDIO_MODEL), each falling back to the built-in encoder that needs no file. A picocli mixin, so
 * {@code serve} and the {@code brain} verbs take the same options with the same help. A model that cannot
 * be loaded, or one described as the wrong kind, is an {@link IllegalArgumentException} naming the file;
 * nothing falls back silently once a model was asked for.
 */
public final class SenseModels {
  @Option(names = "--image-model", paramLabel = "FILE",
      description = "ONNX image model description watch encodes with (or set ENGRAM_IMAGE_MODEL; default: built-in, no file)")
  String imageModel;

  @Option(names = "--audio-model", paramLabel = "FILE",
      description = "ONNX audio model description listen encodes with (or set ENGRAM_AUDIO_MODEL; default: built-in, no file)")
  String audioModel;

  /** Gives {@code host} the configured senses; leaves its built-in ones when no model is configured. */
  public void applyTo(BrainHost host) {
    String image = chosen(imageModel, "ENGRAM_IMAGE_MODEL");
    String audio = chosen(audioModel, "ENGRAM_AUDIO_MODEL");
    if (image == null && audio == null) {
      return;
    }
    ImageEncoder images = image == null ? new ColourLayoutEncoder() : OnnxModel.load(Path.of(image)).image();
    AudioEncoder sounds = audio == null ? new SpectralShapeEncoder() : OnnxModel.load(Path.of(audio)).audio();
    // The models stay open as long as the process: the host uses them on every watch and listen.
    host.setSenses(new Senses(images, sounds, LatencyParams.defaults()));
  }

  private static String chosen(String option, String variable) {
    String v = option != null ? option : System.getenv(variable);
    return v == null || v.isBlank() ? null : v;
  }
}
