package dev.engram.spiking;

import dev.engram.perception.AudioClip;
import dev.engram.perception.AudioEncoder;
import dev.engram.perception.ColourLayoutEncoder;
import dev.engram.perception.ImageEncoder;
import dev.engram.perception.Pixels;
import dev.engram.perception.SpectralShapeEncoder;

/**
 * The brain's eyes and ears: an image encoder feeding the {@value #VISUAL} region and an audio encoder feeding
 * the {@value #AUDITORY} region through {@link Brain#perceive}. The default pair needs no model file
 * ({@link ColourLayoutEncoder}, {@link SpectralShapeEncoder}); a host may pass ONNX-backed encoders instead, as
 * long as their vectors fit the region (one group of cells per dimension). Every host (JVM server, CLI, wasm)
 * builds its senses the same way, so the same picture gives the same spikes everywhere.
 */
public final class Senses {
  /** Region images are shown to. */
  public static final String VISUAL = "visual";
  /** Region sounds are played to. */
  public static final String AUDITORY = "auditory";

  private final ImageEncoder images;
  private final AudioEncoder sounds;
  private final LatencyParams params;

  /** The built-in encoders and {@link LatencyParams#defaults()}. */
  public Senses() {
    this(new ColourLayoutEncoder(), new SpectralShapeEncoder(), LatencyParams.defaults());
  }

  public Senses(ImageEncoder images, AudioEncoder sounds, LatencyParams params) {
    if (images == null || sounds == null) throw new IllegalArgumentException("both an image and an audio encoder are required");
    if (params == null) throw new IllegalArgumentException("latency parameters must not be null");
    this.images = images;
    this.sounds = sounds;
    this.params = params;
  }

  public ImageEncoder imageEncoder() {
    return images;
  }

  public AudioEncoder audioEncoder() {
    return sounds;
  }

  public LatencyParams params() {
    return params;
  }

  /** Encodes {@code image} and shows it to the visual region; binds it to {@code label} when one is given. */
  public Percept watch(Brain brain, Pixels image, String label) {
    if (brain == null) throw new IllegalArgumentException("brain must not be null");
    if (image == null) throw new IllegalArgumentException("image is missing");
    return brain.perceive(VISUAL, images.encode(image), label, params);
  }

  /** Encodes {@code clip} and plays it to the auditory region; binds it to {@code label} when one is given. */
  public Percept listen(Brain brain, AudioClip clip, String label) {
    if (brain == null) throw new IllegalArgumentException("brain must not be null");
    if (clip == null) throw new IllegalArgumentException("audio clip is missing");
    return brain.perceive(AUDITORY, sounds.encode(clip), label, params);
  }
}
