package dev.engram.perception;

/**
 * Reads a RIFF/WAVE file into a mono {@link AudioClip}: integer PCM of 8, 16, 24 or 32 bits and IEEE
 * float of 32 bits, any number of channels (averaged), {@code WAVE_FORMAT_EXTENSIBLE} headers included.
 * Anything else (compressed formats, a truncated or foreign file) is refused with a message saying what
 * was found, never half-read.
 */
public final class Wav {
  private static final int PCM = 1;
  private static final int FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private Wav() {}

  /** The clip in {@code bytes}, a whole WAV file. */
  public static AudioClip read(byte[] bytes) {
    if (bytes == null || bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
      throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
    }
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      long size = u32(bytes, pos + 4);
      int body = pos + 8;
      if (tag(bytes, pos, "fmt ")) {
        if (size < 16 || body + 16 > bytes.length) throw new IllegalArgumentException("WAV fmt chunk is truncated");
        format = u16(bytes, body);
        channels = u16(bytes, body + 2);
        rate = (int) u32(bytes, body + 4);
        bits = u16(bytes, body + 14);
        if (format == EXTENSIBLE && size >= 26 && body + 26 <= bytes.length) format = u16(bytes, body + 24);
      } else if (tag(bytes, pos, "data")) {
        if (format < 0) throw new IllegalArgumentException("WAV data chunk comes before its fmt chunk");
        long available = Math.min(size, bytes.length - body);
        return decode(bytes, body, available, format, channels, rate, bits);
      }
      pos = (int) Math.min((long) body + size + (size & 1), Integer.MAX_VALUE); // chunks are word aligned
    }
    throw new IllegalArgumentException(format < 0 ? "WAV file has no fmt chunk" : "WAV file has no data chunk");
  }

  private static AudioClip decode(byte[] b, int off, long length, int format, int channels, int rate, int bits) {
    if (channels < 1) throw new IllegalArgumentException("WAV file has " + channels + " channels");
    boolean pcm = format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    boolean flt = format == FLOAT && bits == 32;
    if (!pcm && !flt) {
      throw new IllegalArgumentException(
          "unsupported WAV encoding: format " + format + ", " + bits + " bits (supported: PCM 8/16/24/32, float 32)");
    }
    int width = bits / 8;
    long frameBytes = (long) width * channels;
    int count = (int) Math.min(length / frameBytes, Integer.MAX_VALUE - 8);
    float[] samples = new float[count];
    for (int i = 0; i < count; i++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        int p = (int) (off + i * frameBytes + (long) c * width);
        sum += flt ? Float.intBitsToFloat((int) u32(b, p)) : pcmSample(b, p, bits);
      }
      samples[i] = (float) (sum / channels);
    }
    return new AudioClip(samples, rate);
  }

  private static double pcmSample(byte[] b, int p, int bits) {
    return switch (bits) {
      case 8 -> ((b[p] & 0xFF) - 128) / 128.0; // 8-bit WAV is the one unsigned width
      case 16 -> (short) u16(b, p) / 32768.0;
      case 24 -> (((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16)) / 8388608.0;
      default -> (int) u32(b, p) / 2147483648.0;
    };
  }

  private static boolean tag(byte[] b, int p, String t) {
    if (p + 4 > b.length) return false;
    for (int i = 0; i < 4; i++) if (b[p + i] != t.charAt(i)) return false;
    return true;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int p) {
    return ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (long) (b[p + 3] & 0xFF) << 24);
  }

  /** A 16-bit mono PCM WAV file of {@code clip}: what tests and tools write. */
  public static byte[] write16(AudioClip clip) {
    float[] s = clip.samples();
    byte[] out = new byte[44 + 2 * s.length];
    put(out, 0, "RIFF");
    le32(out, 4, 36 + 2 * s.length);
    put(out, 8, "WAVE");
    put(out, 12, "fmt ");
    le32(out, 16, 16);
    le16(out, 20, PCM);
    le16(out, 22, 1);
    le32(out, 24, clip.sampleRate());
    le32(out, 28, clip.sampleRate() * 2);
    le16(out, 32, 2);
    le16(out, 34, 16);
    put(out, 36, "data");
    le32(out, 40, 2 * s.length);
    for (int i = 0; i < s.length; i++) {
      int v = (int) Math.round(Math.max(-1, Math.min(1, s[i])) * 32767);
      le16(out, 44 + 2 * i, v);
    }
    return out;
  }

  private static void put(byte[] b, int p, String t) {
    for (int i = 0; i < 4; i++) b[p + i] = (byte) t.charAt(i);
  }

  private static void le16(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >> 8);
  }

  private static void le32(byte[] b, int p, int v) {
    le16(b, p, v);
    le16(b, p + 2, v >> 16);
  }
}
