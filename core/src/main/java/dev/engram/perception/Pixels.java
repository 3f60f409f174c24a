package dev.engram.perception;

/**
 * An image as 8-bit RGBA pixels, row by row from the top-left corner: {@code rgba[4 * (y * width + x)]}
 * is the red of pixel (x, y). RGBA because it is what a browser's {@code ImageData} and most decoders
 * hand over, so no host copies pixels into another layout before encoding. Alpha is kept but ignored by
 * the pre-processing (images are treated as opaque).
 *
 * @param width columns (1 to {@value #MAX_SIDE})
 * @param height rows (1 to {@value #MAX_SIDE})
 * @param rgba exactly {@code 4 * width * height} bytes
 */
public record Pixels(int width, int height, byte[] rgba) {
  /** The largest side accepted; larger pictures are refused instead of being silently scaled. */
  public static final int MAX_SIDE = 16384;

  public Pixels {
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("image size must be 1.." + MAX_SIDE + " on each side, got " + width + "x" + height);
    }
    if (rgba == null) throw new IllegalArgumentException("image pixels are missing");
    if (rgba.length != 4 * width * height) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " RGBA image has " + (4 * width * height) + " bytes, got " + rgba.length);
    }
  }

  /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y), 0..255. */
  public int channel(int x, int y, int c) {
    return rgba[4 * (y * width + x) + c] & 0xFF;
  }
}
