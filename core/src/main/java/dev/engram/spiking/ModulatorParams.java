package dev.engram.spiking;

/**
 * Neuromodulator baselines, relaxation time constants (dopamine is phasic: its own, short one), and effect sizes. Effects are linear in the
 * departure from baseline, so at baseline the network runs exactly as its other parameters say:
 *
 * <pre>
 *   recurrent random excitation x (1 - achRecurrentSuppression*(ACh-base)) x (1 + neGain*(NE-base))   (floored at 0)
 *   learned excitation          x (1 + neGain*(NE-base))
 *   injected drive              x (1 + achInputBoost*(ACh-base))
 *   threshold                   + serotoninThresholdMv*(5HT-base)
 *   weight change               = learningRate * DA * eligibility
 * </pre>
 */
public record ModulatorParams(double baseDopamine, double baseAcetylcholine, double baseNorepinephrine, double baseSerotonin,
                              double tauMs, double dopamineTauMs, double achRecurrentSuppression, double achInputBoost, double neGain,
                              double serotoninThresholdMv, double imprintDopamine, double replayDopamine) {
  public ModulatorParams {
    Check.range("ModulatorParams.baseDopamine", baseDopamine, 0, 1);
    Check.range("ModulatorParams.baseAcetylcholine", baseAcetylcholine, 0, 1);
    Check.range("ModulatorParams.baseNorepinephrine", baseNorepinephrine, 0, 1);
    Check.range("ModulatorParams.baseSerotonin", baseSerotonin, 0, 1);
    Check.positive("ModulatorParams.tauMs", tauMs);
    Check.positive("ModulatorParams.dopamineTauMs", dopamineTauMs);
    Check.nonNegative("ModulatorParams.achRecurrentSuppression", achRecurrentSuppression);
    Check.nonNegative("ModulatorParams.achInputBoost", achInputBoost);
    Check.nonNegative("ModulatorParams.neGain", neGain);
    Check.finite("ModulatorParams.serotoninThresholdMv", serotoninThresholdMv);
    Check.range("ModulatorParams.imprintDopamine", imprintDopamine, 0, 1);
    Check.range("ModulatorParams.replayDopamine", replayDopamine, 0, 1);
  }

  public static ModulatorParams defaults() {
    return new ModulatorParams(0.01, 0.2, 0.2, 0.2, 500, 20, 1.0, 1.0, 1.0, 8.0, 1.0, 0.5);
  }

  double base(Modulator m) {
    return switch (m) {
      case DOPAMINE -> baseDopamine;
      case ACETYLCHOLINE -> baseAcetylcholine;
      case NOREPINEPHRINE -> baseNorepinephrine;
      case SEROTONIN -> baseSerotonin;
    };
  }
}
