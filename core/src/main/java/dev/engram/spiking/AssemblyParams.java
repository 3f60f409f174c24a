package dev.engram.spiking;

/**
 * Concepts and how they are imprinted and recalled. A concept owns {@code size} dedicated excitatory neurons of
 * the association region. Imprinting a sequence A, B, C forces each assembly to spike {@code offsetMs} after the
 * previous one (Cortex's 5-step offset) with dopamine released, then lets the brain run {@code gapMs} so the
 * eligibility turns into weight; the learned synapses between two assemblies are created first (each neuron of
 * one projects to {@code fanout} neurons of the other, both directions, at {@link StdpParams#wInitMv}) and STDP
 * alone decides their weights. Recall injects {@code injectMv} per step into the seed assemblies for
 * {@code injectMs}, runs a fixed budget of steps with plasticity off, ranks the other concepts by spikes, and
 * restores the brain exactly. Sleep replays the stored sequences at replay dopamine, then prunes learned synapses
 * weaker than {@code pruneBelowMv}.
 *
 * <p>While an imprint (or a sleep replay) plays, learned synapses transmit at {@code encodingGain} (0 by default):
 * Hasselmo's encoding mode (high acetylcholine suppresses recurrent transmission during learning), so a
 * presentation cannot retrieve older associations and STDP sees only the presented timing. With 1, relations
 * shared by many triples re-excite their old objects at every presentation and backward links potentiate
 * through the reverberation.
 */
public record AssemblyParams(int size, int fanout, double offsetMs, double gapMs, double injectMv, double injectMs,
                             int recallSteps, double pruneBelowMv, int replayCapacity, double encodingGain) {
  public AssemblyParams {
    Check.intRange("AssemblyParams.size", size, 1, 10_000);
    Check.intRange("AssemblyParams.fanout", fanout, 1, 10_000);
    Check.positive("AssemblyParams.offsetMs", offsetMs);
    Check.nonNegative("AssemblyParams.gapMs", gapMs);
    Check.nonNegative("AssemblyParams.injectMv", injectMv);
    Check.nonNegative("AssemblyParams.injectMs", injectMs);
    Check.intRange("AssemblyParams.recallSteps", recallSteps, 1, 100_000);
    Check.nonNegative("AssemblyParams.pruneBelowMv", pruneBelowMv);
    Check.intRange("AssemblyParams.replayCapacity", replayCapacity, 0, 10_000_000);
    Check.range("AssemblyParams.encodingGain", encodingGain, 0, 1);
  }

  /** Cortex's 100-neuron assemblies at scale >= 0.1, shrunk (to at least 10) at smaller scales so concepts still fit. */
  public static AssemblyParams forScale(double scale) {
    int size = (int) Math.max(10, Math.min(100, Math.round(1000 * scale)));
    return new AssemblyParams(size, Math.min(size, 10), 5, 50, 6, 5, 30, 0.05, 100_000, 0.0);
  }
}
