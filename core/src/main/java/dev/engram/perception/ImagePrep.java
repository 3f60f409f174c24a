package dev.engram.perception;

/**
 * How an image model wants its input: scale the picture so its shorter side is {@code resize} pixels,
 * cut the centred {@code crop} x {@code crop} square, and normalise each channel as
 * {@code (value / 255 - mean) / std}. The result is a float tensor in channel-first (CHW) order, the
 * layout CLIP, DINOv2 and most vision exports take as {@code [1, 3, crop, crop]}.
 *
 * <p>Resizing is {@link Resample}'s box filter when shrinking and linear when growing, row pass then
 * column pass. Model cards ask for bicubic (PIL); the embeddings differ slightly from a Python
 * pipeline's, but the JVM and every wasm host compute exactly the same tensor, which is what matters
 * for recall against vectors this engine stored itself.
 *
 * @param resize length of the shorter side after scaling (1..4096)
 * @param crop side of the centred square cut from the scaled picture (1..resize)
 * @param mean per-channel mean, red green blue (3 values)
 * @param std per-channel standard deviation, red green blue (3 positive values)
 */
public record ImagePrep(int resize, int crop, float[] mean, float[] std) {
  /** CLIP ViT-B/32 and its kin: 224, centre 224, OpenAI's channel statistics. */
  public static final ImagePrep CLIP =
      new ImagePrep(224, 224, new float[] {0.48145466f, 0.4578275f, 0.40821073f}, new float[] {0.26862954f, 0.26130258f, 0.27577711f});

  /** ImageNet-trained models such as DINOv2: 256, centre 224, ImageNet channel statistics. */
  public static final ImagePrep IMAGENET =
      new ImagePrep(256, 224, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  public ImagePrep {
    if (resize < 1 || resize > 4096) throw new IllegalArgumentException("resize must be 1..4096, got " + resize);
    if (crop < 1 || crop > resize) throw new IllegalArgumentException("crop must be 1..resize (" + resize + "), got " + crop);
    if (mean == null || mean.length != 3) throw new IllegalArgumentException("mean needs 3 values (red, green, blue)");
    if (std == null || std.length != 3) throw new IllegalArgumentException("std needs 3 values (red, green, blue)");
    for (int c = 0; c < 3; c++) {
      if (!Float.isFinite(mean[c])) throw new IllegalArgumentException("mean[" + c + "] must be finite, got " + mean[c]);
      if (!(std[c] > 0) || !Float.isFinite(std[c])) throw new IllegalArgumentException("std[" + c + "] must be > 0, got " + std[c]);
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Number of floats {@link #tensor} returns: {@code 3 * crop * crop}. */
  public int tensorLength() {
    return 3 * crop * crop;
  }

  /** The normalised CHW tensor of {@code image}. */
  public float[] tensor(Pixels image) {
    int w = image.width();
    int h = image.height();
    // Scaled size: shorter side = resize, the other in proportion (at least crop, so the crop fits).
    int sw;
    int sh;
    if (w <= h) {
      sw = resize;
      sh = Math.max(crop, (int) Math.round((double) h * resize / w));
    } else {
      sh = resize;
      sw = Math.max(crop, (int) Math.round((double) w * resize / h));
    }
    int left = (sw - crop) / 2;
    int top = (sh - crop) / 2;
    float[] out = new float[tensorLength()];
    float[] plane = new float[w * h];
    float[] rows = new float[sw * h];
    float[] scaled = new float[sw * sh];
    for (int c = 0; c < 3; c++) {
      for (int i = 0, n = w * h; i < n; i++) plane[i] = image.rgba()[4 * i + c] & 0xFF;
      for (int y = 0; y < h; y++) Resample.line(plane, y * w, 1, w, rows, y * sw, 1, sw);
      for (int x = 0; x < sw; x++) Resample.line(rows, x, sw, h, scaled, x, sw, sh);
      float m = mean[c];
      float s = std[c];
      int base = c * crop * crop;
      for (int y = 0; y < crop; y++) {
        for (int x = 0; x < crop; x++) {
          out[base + y * crop + x] = (scaled[(top + y) * sw + left + x] / 255f - m) / s;
        }
      }
    }
    return out;
  }
}
