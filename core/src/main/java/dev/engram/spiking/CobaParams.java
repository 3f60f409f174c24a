package dev.engram.spiking;

/**
 * The conductance-based LIF model of the COBA benchmark (Vogels &amp; Abbott 2005; Brette et al. 2007, benchmark 1;
 * the parameters of Brian2's COBA benchmark script), as data:
 *
 * <pre>
 *   dv/dt  = (ge*(eExc - v) + gi*(eInh - v) - (v - eLeak) + iMv) / tauMem     (unless refractory)
 *   dge/dt = -ge / tauExc        dgi/dt = -gi / tauInh                           (ge, gi dimensionless)
 *   spike when v > vThresh and not refractory; then v = vReset for refractoryMs
 *   excitatory spike: ge += wExc on each target; inhibitory spike: gi += wInh
 * </pre>
 *
 * integrated with the named rule {@link Update#FORWARD_EULER} (Brian2's {@code method='euler'}), in double
 * precision. Connectivity: every (pre, post) pair independently with probability {@code connectProbability},
 * self-pairs included (as Brian2's {@code connect(p=...)}). Initial v uniform in [vReset, vThresh].
 */
public record CobaParams(int neurons, int excitatory, double connectProbability, double tauMemMs, double tauExcMs,
                         double tauInhMs, double vThreshMv, double vResetMv, double eLeakMv, double eExcMv, double eInhMv,
                         double iMv, double wExc, double wInh, double refractoryMs, double dtMs) {

  public enum Update { FORWARD_EULER }

  public CobaParams {
    Check.intRange("CobaParams.neurons", neurons, 1, 1_000_000);
    Check.intRange("CobaParams.excitatory", excitatory, 0, neurons);
    Check.range("CobaParams.connectProbability", connectProbability, 0, 1);
    Check.positive("CobaParams.tauMemMs", tauMemMs);
    Check.positive("CobaParams.tauExcMs", tauExcMs);
    Check.positive("CobaParams.tauInhMs", tauInhMs);
    Check.finite("CobaParams.vThreshMv", vThreshMv);
    Check.finite("CobaParams.vResetMv", vResetMv);
    if (!(vResetMv < vThreshMv)) throw new IllegalArgumentException("CobaParams.vResetMv must be below vThreshMv, got " + vResetMv + " >= " + vThreshMv);
    Check.finite("CobaParams.eLeakMv", eLeakMv);
    Check.finite("CobaParams.eExcMv", eExcMv);
    Check.finite("CobaParams.eInhMv", eInhMv);
    Check.finite("CobaParams.iMv", iMv);
    Check.nonNegative("CobaParams.wExc", wExc);
    Check.nonNegative("CobaParams.wInh", wInh);
    Check.nonNegative("CobaParams.refractoryMs", refractoryMs);
    Check.range("CobaParams.dtMs", dtMs, 0.001, 1);
    if ((long) neurons * neurons * connectProbability > 200_000_000L)
      throw new IllegalArgumentException("CobaParams: " + neurons + " neurons at p=" + connectProbability + " exceed 2e8 expected synapses");
  }

  /** The benchmark as Brian2 runs it (tests/brian2/coba.py). */
  public static CobaParams brian2Benchmark() {
    return new CobaParams(4000, 3200, 0.02, 20, 5, 10, -50, -60, -60, 0, -80, 20, 0.6, 6.7, 5, 0.1);
  }
}
