package dev.engram.perception;

/**
 * The log-mel spectrogram speech and audio encoders read: short-time power spectra (periodic Hann
 * window, centred frames with reflected padding, as {@code torch.stft(center=True)}), pooled by
 * triangular mel filters (Slaney's mel scale, area-normalised, as librosa's default and Whisper), then
 * {@code log10}. With {@code whisperScale} the result is clamped to 8 below its maximum and mapped by
 * {@code (x + 4) / 4}, Whisper's own normalisation. The output is {@code [nMels][frames]} row-major.
 *
 * <p>The spectrum is a direct DFT over a table of {@code nFft} twiddles rather than an FFT, because
 * Whisper's 400-point frame is not a power of two: 30 s of audio is about 2.4e8 multiply-adds, a few
 * hundred milliseconds, small next to running the encoder it feeds.
 *
 * @param sampleRate rate the clip is resampled to first (8,000..96,000)
 * @param nFft frame length in samples, even (16..8192)
 * @param hop samples between frame starts (1..nFft)
 * @param nMels mel bands (1..512)
 * @param fMin lowest filter edge in Hz (>= 0)
 * @param fMax highest filter edge in Hz (above fMin, at most half the sample rate)
 * @param frames pad or trim the clip to exactly this many frames (Whisper: 3000 = 30 s); 0 keeps the
 *     clip's own length, {@code 1 + samples / hop} frames
 * @param whisperScale apply Whisper's clamp and rescale after the log
 */
public record LogMel(int sampleRate, int nFft, int hop, int nMels, double fMin, double fMax, int frames, boolean whisperScale) {
  /** Whisper's encoder input: 16 kHz, 25 ms frames every 10 ms, 80 bands, 30 s. */
  public static final LogMel WHISPER = new LogMel(16_000, 400, 160, 80, 0, 8000, 3000, true);

  public LogMel {
    if (sampleRate < 8000 || sampleRate > 96_000) throw new IllegalArgumentException("sampleRate must be 8000..96000, got " + sampleRate);
    if (nFft < 16 || nFft > 8192 || nFft % 2 != 0) throw new IllegalArgumentException("nFft must be even and 16..8192, got " + nFft);
    if (hop < 1 || hop > nFft) throw new IllegalArgumentException("hop must be 1..nFft (" + nFft + "), got " + hop);
    if (nMels < 1 || nMels > 512) throw new IllegalArgumentException("nMels must be 1..512, got " + nMels);
    if (!(fMin >= 0)) throw new IllegalArgumentException("fMin must be >= 0, got " + fMin);
    if (!(fMax > fMin) || fMax > sampleRate / 2.0) {
      throw new IllegalArgumentException("fMax must be above fMin and at most " + (sampleRate / 2) + " Hz, got " + fMax);
    }
    if (frames < 0 || frames > 1_000_000) throw new IllegalArgumentException("frames must be 0..1000000, got " + frames);
  }

  /** Frames {@link #compute} returns for {@code clip}. */
  public int framesFor(AudioClip clip) {
    if (frames > 0) return frames;
    long n = (long) clip.samples().length * sampleRate / clip.sampleRate();
    return (int) (1 + n / hop);
  }

  /** The {@code [nMels][frames]} log-mel spectrogram of {@code clip}. */
  public float[] compute(AudioClip clip) {
    float[] x = clip.resampled(sampleRate).samples();
    int count = framesFor(clip);
    if (frames > 0) x = java.util.Arrays.copyOf(x, frames * hop); // zero-padded or trimmed to length
    int half = nFft / 2;
    float[] padded = new float[x.length + nFft];
    System.arraycopy(x, 0, padded, half, x.length);
    for (int i = 1; i <= half; i++) { // reflect at both ends where the clip is long enough
      if (i < x.length) {
        padded[half - i] = x[i];
        padded[half + x.length - 1 + i] = x[x.length - 1 - i];
      }
    }
    int bins = half + 1;
    double[] cos = new double[nFft];
    double[] sin = new double[nFft];
    double[] window = new double[nFft];
    for (int n = 0; n < nFft; n++) {
      double a = 2 * Math.PI * n / nFft;
      cos[n] = Math.cos(a);
      sin[n] = Math.sin(a);
      window[n] = 0.5 - 0.5 * Math.cos(a);
    }
    float[][] filters = filters(bins);
    float[] out = new float[nMels * count];
    double[] frame = new double[nFft];
    double[] power = new double[bins];
    double max = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < count; f++) {
      int start = f * hop;
      for (int n = 0; n < nFft; n++) frame[n] = start + n < padded.length ? padded[start + n] * window[n] : 0;
      for (int k = 0; k < bins; k++) {
        double re = 0;
        double im = 0;
        int idx = 0; // (k * n) mod nFft, advanced by k each step
        for (int n = 0; n < nFft; n++) {
          re += frame[n] * cos[idx];
          im -= frame[n] * sin[idx];
          idx += k;
          if (idx >= nFft) idx -= nFft;
        }
        power[k] = re * re + im * im;
      }
      for (int m = 0; m < nMels; m++) {
        double e = 0;
        float[] filter = filters[m];
        for (int k = 0; k < bins; k++) e += filter[k] * power[k];
        double log = Math.log10(Math.max(e, 1e-10));
        out[m * count + f] = (float) log;
        if (log > max) max = log;
      }
    }
    if (whisperScale) {
      float floor = (float) (max - 8.0);
      for (int i = 0; i < out.length; i++) out[i] = (Math.max(out[i], floor) + 4f) / 4f;
    }
    return out;
  }

  /** Triangular filters on Slaney's mel scale, each normalised to unit area in Hz. */
  private float[][] filters(int bins) {
    double lo = hzToMel(fMin);
    double hi = hzToMel(fMax);
    double[] edges = new double[nMels + 2];
    for (int i = 0; i < edges.length; i++) edges[i] = melToHz(lo + (hi - lo) * i / (nMels + 1));
    float[][] filters = new float[nMels][bins];
    for (int m = 0; m < nMels; m++) {
      double left = edges[m];
      double centre = edges[m + 1];
      double right = edges[m + 2];
      double norm = 2.0 / (right - left);
      for (int k = 0; k < bins; k++) {
        double hz = (double) k * sampleRate / nFft;
        double w = Math.min((hz - left) / (centre - left), (right - hz) / (right - centre));
        if (w > 0) filters[m][k] = (float) (w * norm);
      }
    }
    return filters;
  }

  // Slaney: linear below 1 kHz (200/3 Hz per mel), logarithmic above (27 mels per factor 6.4).
  private static final double LOG_STEP = Math.log(6.4) / 27.0;

  static double hzToMel(double hz) {
    return hz < 1000 ? hz * 3 / 200.0 : 15 + Math.log(hz / 1000) / LOG_STEP;
  }

  static double melToHz(double mel) {
    return mel < 15 ? mel * 200 / 3.0 : 1000 * Math.exp((mel - 15) * LOG_STEP);
  }
}
