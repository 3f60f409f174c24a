package dev.engram.perception;

/**
 * Mono audio as samples in -1..1 at a sample rate. Stereo sources are mixed down when decoded
 * ({@link Wav}), because every encoder we feed listens in mono.
 *
 * @param samples the samples (may be empty: silence of length zero)
 * @param sampleRate samples per second (1,000 to 384,000)
 */
public record AudioClip(float[] samples, int sampleRate) {
  public AudioClip {
    if (samples == null) throw new IllegalArgumentException("audio samples are missing");
    if (sampleRate < 1000 || sampleRate > 384_000) {
      throw new IllegalArgumentException("sample rate must be 1000..384000 Hz, got " + sampleRate);
    }
  }

  /** Length in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  /**
   * This clip at {@code rate}: each output sample is the mean of the input over the span it covers when
   * downsampling (so 44.1 kHz to 16 kHz does not alias loud high tones into speech bands), a linear
   * interpolation when upsampling.
   */
  public AudioClip resampled(int rate) {
    if (rate == sampleRate) return this;
    new AudioClip(new float[0], rate); // validates the rate before any work
    int n = (int) ((long) samples.length * rate / sampleRate);
    float[] out = new float[n];
    if (n > 0) Resample.line(samples, 0, 1, samples.length, out, 0, 1, n);
    return new AudioClip(out, rate);
  }
}
