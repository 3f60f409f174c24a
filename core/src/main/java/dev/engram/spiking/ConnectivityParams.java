package dev.engram.spiking;

/**
 * The fixed random connectome, regenerated on the fly (never stored): each neuron has
 * {@code synapsesPerNeuron} outgoing synapses drawn with replacement; an excitatory neuron sends
 * {@code localFraction} of them into its own region and the rest along its region's {@link Projection}s;
 * inhibitory neurons are local only. Synapses are delta jumps of {@code wExcMv} or
 * {@code -inhibitoryRatio * wExcMv} (Brunel's g), delivered one step later.
 *
 * <p>Background drive stands for the unmodelled rest of the brain: each step every neuron receives
 * {@code noiseMeanMvPerMs * dt} plus approximately Gaussian noise with s.d. {@code noiseSdMv * sqrt(dt)} (an
 * Irwin–Hall sum of four 16-bit uniforms from one hash).
 */
public record ConnectivityParams(int synapsesPerNeuron, double localFraction, double wExcMv, double inhibitoryRatio,
                                 double noiseMeanMvPerMs, double noiseSdMv) {
  public ConnectivityParams {
    Check.intRange("ConnectivityParams.synapsesPerNeuron", synapsesPerNeuron, 0, 100_000);
    Check.range("ConnectivityParams.localFraction", localFraction, 0, 1);
    Check.nonNegative("ConnectivityParams.wExcMv", wExcMv);
    Check.nonNegative("ConnectivityParams.inhibitoryRatio", inhibitoryRatio);
    Check.finite("ConnectivityParams.noiseMeanMvPerMs", noiseMeanMvPerMs);
    Check.nonNegative("ConnectivityParams.noiseSdMv", noiseSdMv);
  }

  /** Cortex's ~1,000 synapses per neuron, balanced so that recurrent input is net inhibitory (g = 5). */
  public static ConnectivityParams cortex() {
    return new ConnectivityParams(1000, 0.8, 0.1, 6.0, 0.35, 0.6);
  }
}
