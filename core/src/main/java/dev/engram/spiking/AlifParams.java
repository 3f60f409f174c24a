package dev.engram.spiking;

/**
 * The adaptive leaky integrate-and-fire model, as data. With membrane potential v, adaptation a and summed
 * synaptic input I(t) (in mV per step, delta synapses with a one-step delay):
 *
 * <pre>
 *   v(t+dt) = vRest + (v(t) - vRest) * exp(-dt/tauMem) + I(t)      (exact integration of the leak)
 *   a(t+dt) = a(t) * exp(-dt/tauAdapt)
 *   spike when v >= vThresh + a (+ the serotonin threshold offset)
 *   on spike: v = vReset, a += adaptJump, input ignored for refractoryMs
 * </pre>
 *
 * The rule is named {@link Update#ALIF_EXACT_LEAK}; decay factors come from {@link Det#exp}.
 */
public record AlifParams(double tauMemMs, double vRestMv, double vResetMv, double vThreshMv,
                         double tauAdaptMs, double adaptJumpMv, double refractoryMs) {

  /** Named update rules for this model (one today; the name travels in snapshots). */
  public enum Update { ALIF_EXACT_LEAK }

  public AlifParams {
    Check.positive("AlifParams.tauMemMs", tauMemMs);
    Check.finite("AlifParams.vRestMv", vRestMv);
    Check.finite("AlifParams.vResetMv", vResetMv);
    Check.finite("AlifParams.vThreshMv", vThreshMv);
    Check.positive("AlifParams.tauAdaptMs", tauAdaptMs);
    Check.nonNegative("AlifParams.adaptJumpMv", adaptJumpMv);
    Check.nonNegative("AlifParams.refractoryMs", refractoryMs);
    if (!(vThreshMv > vRestMv)) throw new IllegalArgumentException("AlifParams.vThreshMv must be above vRestMv, got " + vThreshMv + " <= " + vRestMv);
    if (!(vThreshMv > vResetMv)) throw new IllegalArgumentException("AlifParams.vResetMv must be below vThreshMv, got " + vResetMv + " >= " + vThreshMv);
  }

  /** Regular-spiking excitatory cell with spike-frequency adaptation. */
  public static AlifParams excitatory(double tauMemMs) {
    return new AlifParams(tauMemMs, -65, -65, -50, 200, 1.0, 2);
  }

  /** Fast-spiking interneuron: short membrane time constant, no adaptation. */
  public static AlifParams fastSpiking() {
    return new AlifParams(10, -65, -65, -50, 100, 0, 1);
  }
}
