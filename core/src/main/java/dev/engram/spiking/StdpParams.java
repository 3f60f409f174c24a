package dev.engram.spiking;

/**
 * Three-factor STDP on the learned (overlay) synapses. Each neuron keeps a presynaptic trace (tau
 * {@code tauPlusMs}) and a postsynaptic trace (tau {@code tauMinusMs}), both +1 per spike. A postsynaptic spike
 * adds {@code aPlus * xPre} to the eligibility of each incoming synapse (pre before post: potentiation); a
 * presynaptic spike adds {@code -aMinus * xPost} to each outgoing one (post before pre: depression). So the
 * window is {@code aPlus*exp(-dt/tauPlus)} for dt = t_post - t_pre > 0 and {@code -aMinus*exp(dt/tauMinus)} for
 * dt &lt; 0, and spikes in the same step pair with nothing. Eligibility decays with {@code tauEligMs}; every step
 * {@code w += learningRate * dt * dopamine * e}: potentiation soft-bounded (scaled by (wMax-w)/wMax, so w never
 * passes wMax), depression additive (w stops at 0). Why mixed: with both soft-bounded, uncorrelated background
 * pairings have a stable fixed point at wMax*aPlus/(aPlus+aMinus) (1.8 mV here), so every learned synapse, forward
 * or backward, drifted there while dopamine was up; with additive depression and aMinus > aPlus uncorrelated
 * pairings drive weights down, and only consistent pre-before-post timing builds them. Learned synapses are
 * excitatory.
 *
 * <p>Presynaptic resource normalisation: a neuron whose learned outgoing weights sum to more than
 * {@code outBudgetMv} delivers them scaled by {@code outBudgetMv / sum} (multiplicative, so ratios are kept).
 * Without it a hub concept (a relation shared by many triples) would drive every object it was ever paired with
 * as hard as a specific subject drives its own object.
 */
public record StdpParams(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double tauEligMs,
                         double learningRate, double wMaxMv, double wInitMv, double outBudgetMv) {
  public StdpParams {
    Check.nonNegative("StdpParams.aPlus", aPlus);
    Check.nonNegative("StdpParams.aMinus", aMinus);
    Check.positive("StdpParams.tauPlusMs", tauPlusMs);
    Check.positive("StdpParams.tauMinusMs", tauMinusMs);
    Check.positive("StdpParams.tauEligMs", tauEligMs);
    Check.nonNegative("StdpParams.learningRate", learningRate);
    Check.positive("StdpParams.wMaxMv", wMaxMv);
    Check.range("StdpParams.wInitMv", wInitMv, 0, wMaxMv);
    Check.positive("StdpParams.outBudgetMv", outBudgetMv);
  }

  public static StdpParams defaults() {
    return new StdpParams(1.0, 1.2, 20, 20, 25, 0.08, 4.0, 0.1, 24);
  }

  /** The STDP window: eligibility added by one pre/post pair {@code dtMs = t_post - t_pre} apart. */
  public double window(double dtMs) {
    if (dtMs > 0) return aPlus * Det.exp(-dtMs / tauPlusMs);
    if (dtMs < 0) return -aMinus * Det.exp(dtMs / tauMinusMs);
    return 0;
  }
}
