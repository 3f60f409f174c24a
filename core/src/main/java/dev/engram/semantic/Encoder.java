package dev.engram.semantic;

/**
 * Turns text into a fixed-length vector whose dot product with another encoding measures how alike
 * their meanings are. Encodings are unit length (or all zeros when the encoder knows none of the words),
 * so the dot product is a cosine in -1..1.
 *
 * <p>The built-in one is {@link WordEncoder}; a host may supply another (an ONNX sentence model, say)
 * as long as it keeps the contract: same text, same vector, on every runtime.
 */
public interface Encoder {
  /** Length of every vector this encoder returns. */
  int dimension();

  /** The unit-length encoding of {@code text}; all zeros when nothing in it is known. */
  float[] encode(String text);
}
