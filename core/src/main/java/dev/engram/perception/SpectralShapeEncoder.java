package dev.engram.perception;

/**
 * The built-in audio encoder: no model file, 128 numbers that describe a sound's spectral shape and how it
 * moves. Two recordings of the same whistled note come out close and a low hum comes out far from a hiss;
 * a spoken "yes" and "no" by one voice may come out closer than "yes" by two voices, because nothing here
 * knows words: it captures timbre, pitch region and the loudness/brightness envelope, not meaning (an ONNX
 * model such as a Whisper encoder behind the same {@link AudioEncoder} contract does that).
 *
 * <p>Recipe. The clip is resampled to 16 kHz and cut into 512-sample frames (32 ms, Hann window) every 256
 * samples; a radix-2 FFT gives each frame's power spectrum, pooled by 32 triangular filters spaced evenly
 * on the mel scale from 60 to 7,600 Hz, then {@code ln(power + 1e-10)}. The features, 82 in all:
 * <ul>
 *   <li>spectral envelope: each band's mean over frames, minus the mean over bands (loudness-invariant): 32,
 *       scaled to unit length (the shape is the sound's signature);
 *   <li>spectral motion: each band's standard deviation over frames, in nats x 0.1: 32;
 *   <li>loudness envelope: the clip split into 8 equal spans, the mean log power of each minus the overall
 *       mean, in nats x 0.1: 8;
 *   <li>brightness/pitch envelope: the mean band of each span weighted by log power above the clip's quietest
 *       cell (a spectral centroid), minus its mean over spans, in bands x 2/32: 8; plus the overall centroid
 *       and spread in bands / 32: 2.
 * </ul>
 * Log powers are floored 30 dB below the loudest cell first, so bands a clean recording leaves empty do not
 * swing by tens of nats when the same sound comes with a little hiss. Only the envelope is normalised; the
 * other blocks keep fixed scales, so a steady tone's flat motion and loudness stay near zero instead of a
 * little noise being blown up to full weight.
 * A fixed seeded +-1 matrix projects them to 128 dimensions, normalised to unit length. Silence (all samples
 * zero, or an empty clip) gives all zeros, as the contract says. The logarithm, the mel scale and the FFT's
 * twiddles come from {@link ExactMath} (basic operations only), so the JVM and wasm give the same bits.
 * Cost: one 512-point FFT and a 32 x 257 filter pass per 16 ms of audio.
 */
public final class SpectralShapeEncoder implements AudioEncoder {
  /** Output length. */
  public static final int DIMENSION = 128;
  /** The projection seed of {@link #SpectralShapeEncoder()}. */
  public static final long DEFAULT_SEED = 0xA0D10L;

  static final int RATE = 16_000;
  static final int N = 512;
  static final int HOP = 256;
  static final int BANDS = 32;
  static final int SPANS = 8;
  static final double F_MIN = 60;
  static final double F_MAX = 7600;
  static final int FEATURES = 2 * BANDS + 2 * SPANS + 2;
  /** Log-power range kept below the loudest band of the clip, in nats (ln 10^3: 30 dB). */
  static final double DYNAMIC_RANGE = 6.91;

  private final float[] projection;
  private final double[] cos = new double[N / 2];
  private final double[] sin = new double[N / 2];
  private final double[] window = new double[N];
  /** filters[m * bins + k]: weight of FFT bin k in band m. */
  private final double[] filters;
  private final int bins = N / 2 + 1;

  /** The encoder every host uses by default. */
  public SpectralShapeEncoder() {
    this(DEFAULT_SEED);
  }

  /** An encoder whose projection is drawn from {@code seed}. */
  public SpectralShapeEncoder(long seed) {
    projection = ExactMath.signMatrix(seed, DIMENSION, FEATURES);
    double[] cs = new double[2];
    for (int k = 0; k < N / 2; k++) {
      ExactMath.turn(k, N, cs);
      cos[k] = cs[0];
      sin[k] = cs[1];
    }
    for (int i = 0; i < N; i++) {
      ExactMath.turn(i, N, cs);
      window[i] = 0.5 - 0.5 * cs[0];
    }
    filters = new double[BANDS * bins];
    double lo = mel(F_MIN);
    double hi = mel(F_MAX);
    double step = (hi - lo) / (BANDS + 1);
    for (int k = 0; k < bins; k++) {
      double m = mel((double) k * RATE / N);
      for (int b = 0; b < BANDS; b++) {
        double left = lo + b * step;
        double w = Math.min((m - left) / step, (left + 2 * step - m) / step);
        if (w > 0) filters[b * bins + k] = w;
      }
    }
  }

  /** HTK's mel scale, 1127 ln(1 + hz / 700). */
  static double mel(double hz) {
    return 1127.0 * ExactMath.ln(1 + hz / 700);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] encode(AudioClip clip) {
    if (clip == null) throw new IllegalArgumentException("audio clip is missing");
    float[] f = features(clip);
    return f == null ? new float[DIMENSION] : ExactMath.project(projection, DIMENSION, f);
  }

  /** The 82 features before projection, or null for silence (package-private for tests). */
  float[] features(AudioClip clip) {
    float[] x = clip.resampled(RATE).samples();
    boolean any = false;
    for (float v : x) {
      if (v != 0) {
        any = true;
        break;
      }
    }
    if (!any) return null;
    int frames = x.length <= N ? 1 : 1 + (x.length - N + HOP - 1) / HOP;
    double[] logs = new double[frames * BANDS];
    double[] re = new double[N];
    double[] im = new double[N];
    for (int f = 0; f < frames; f++) {
      int start = f * HOP;
      for (int i = 0; i < N; i++) {
        re[i] = start + i < x.length ? x[start + i] * window[i] : 0;
        im[i] = 0;
      }
      fft(re, im);
      for (int b = 0; b < BANDS; b++) {
        double e = 0;
        for (int k = 0; k < bins; k++) {
          double w = filters[b * bins + k];
          if (w != 0) e += w * (re[k] * re[k] + im[k] * im[k]);
        }
        logs[f * BANDS + b] = ExactMath.ln(e + 1e-10);
      }
    }
    // A floor DYNAMIC_RANGE below the loudest cell: bands a clean recording leaves empty would otherwise sit
    // at ln(1e-10) and swing by tens of nats when the same sound arrives with a little hiss.
    double top = Double.NEGATIVE_INFINITY;
    for (double v : logs) top = Math.max(top, v);
    for (int i = 0; i < logs.length; i++) logs[i] = Math.max(logs[i], top - DYNAMIC_RANGE);
    float[] out = new float[FEATURES];
    double all = 0;
    for (double v : logs) all += v;
    all /= logs.length;
    double[] bandMean = new double[BANDS];
    for (int b = 0; b < BANDS; b++) {
      double s = 0;
      for (int f = 0; f < frames; f++) s += logs[f * BANDS + b];
      bandMean[b] = s / frames;
      out[b] = (float) (bandMean[b] - all);
    }
    for (int b = 0; b < BANDS; b++) {
      double s = 0;
      for (int f = 0; f < frames; f++) {
        double d = logs[f * BANDS + b] - bandMean[b];
        s += d * d;
      }
      out[BANDS + b] = (float) Math.sqrt(s / frames);
    }
    // Per span: mean log power and centroid (in bands) of the linear power above the clip's floor.
    double[] spanLevel = new double[SPANS];
    double[] spanCentroid = new double[SPANS];
    double centroidAll = 0;
    double weightAll = 0;
    double spreadAll = 0;
    double floor = Double.POSITIVE_INFINITY;
    for (double v : logs) floor = Math.min(floor, v);
    for (int s = 0; s < SPANS; s++) {
      int from = s * frames / SPANS;
      int to = Math.max(from + 1, (s + 1) * frames / SPANS);
      double level = 0;
      double c = 0;
      double wsum = 0;
      for (int f = from; f < Math.min(to, frames); f++) {
        for (int b = 0; b < BANDS; b++) {
          double v = logs[f * BANDS + b];
          level += v;
          double w = v - floor; // log power above the quietest cell: a level-invariant weight
          c += w * b;
          wsum += w;
        }
      }
      int cells = (Math.min(to, frames) - from) * BANDS;
      spanLevel[s] = level / cells;
      spanCentroid[s] = wsum > 0 ? c / wsum : (BANDS - 1) / 2.0;
      centroidAll += c;
      weightAll += wsum;
    }
    double centroid = weightAll > 0 ? centroidAll / weightAll : (BANDS - 1) / 2.0;
    if (weightAll > 0) {
      for (int f = 0; f < frames; f++) {
        for (int b = 0; b < BANDS; b++) {
          double w = logs[f * BANDS + b] - floor;
          spreadAll += w * (b - centroid) * (b - centroid);
        }
      }
      spreadAll = Math.sqrt(spreadAll / weightAll);
    }
    double meanCentroid = 0;
    for (double c : spanCentroid) meanCentroid += c;
    meanCentroid /= SPANS;
    int base = 2 * BANDS;
    for (int s = 0; s < SPANS; s++) {
      out[base + s] = (float) (spanLevel[s] - all);
      out[base + SPANS + s] = (float) (spanCentroid[s] - meanCentroid);
    }
    out[base + 2 * SPANS] = (float) (centroid / BANDS);
    out[base + 2 * SPANS + 1] = (float) (spreadAll / BANDS);
    // The envelope is scaled to unit length: its shape is the sound's signature. The other blocks keep fixed
    // scales, so a steady tone's flat motion and loudness blocks stay near zero instead of having a little
    // hiss blown up to full weight.
    ExactMath.block(out, 0, BANDS, 1.0);
    for (int i = BANDS; i < base + SPANS; i++) out[i] *= 0.1f;
    for (int i = base + SPANS; i < base + 2 * SPANS; i++) out[i] *= 2f / BANDS;
    return out;
  }

  /** In-place iterative radix-2 FFT of length {@link #N} (bit reversal, then butterflies in a fixed order). */
  private void fft(double[] re, double[] im) {
    for (int i = 1, j = 0; i < N; i++) {
      int bit = N >> 1;
      for (; (j & bit) != 0; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= N; len <<= 1) {
      int half = len >> 1;
      int stride = N / len;
      for (int i = 0; i < N; i += len) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * stride];
          double wi = -sin[k * stride];
          int a = i + k;
          int b = a + half;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }
}
