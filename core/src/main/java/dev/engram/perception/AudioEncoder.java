package dev.engram.perception;

/**
 * Turns a sound into a fixed-length vector whose dot product with another encoding measures how alike
 * the two sounds are. The same contract as the text {@link dev.engram.semantic.Encoder}: unit length (or
 * all zeros for silence), same samples give the same vector on every runtime. Implementations resample
 * to the rate they need themselves ({@link AudioClip#resampled}).
 */
public interface AudioEncoder {
  /** Length of every vector this encoder returns. */
  int dimension();

  /** The unit-length encoding of {@code clip}. */
  float[] encode(AudioClip clip);
}
