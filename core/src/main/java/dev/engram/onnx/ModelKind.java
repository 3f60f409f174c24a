package dev.engram.onnx;

/** What an encoder model reads: text, an image or a sound. */
public enum ModelKind {
  TEXT,
  IMAGE,
  AUDIO;

  /** The name used in a model file ({@code text}, {@code image}, {@code audio}). */
  public String key() {
    return switch (this) {
      case TEXT -> "text";
      case IMAGE -> "image";
      case AUDIO -> "audio";
    };
  }
}
