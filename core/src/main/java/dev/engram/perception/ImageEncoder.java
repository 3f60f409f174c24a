package dev.engram.perception;

/**
 * Turns an image into a fixed-length vector whose dot product with another encoding measures how alike
 * the two pictures are. The same contract as the text {@link dev.engram.semantic.Encoder}: unit length
 * (or all zeros when nothing can be read), same pixels give the same vector on every runtime.
 */
public interface ImageEncoder {
  /** Length of every vector this encoder returns. */
  int dimension();

  /** The unit-length encoding of {@code image}. */
  float[] encode(Pixels image);
}
