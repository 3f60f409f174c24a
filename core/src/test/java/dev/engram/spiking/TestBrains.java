package dev.engram.spiking;

/** Small configurations shared by the spiking tests. */
final class TestBrains {
  private TestBrains() {}

  /** 400 neurons, no random synapses, no noise, no baseline dopamine: only what a test does happens. */
  static BrainConfig silent() {
    BrainConfig base = BrainConfig.cortex(0.0002, Seeds.SEED);
    ModulatorParams m = base.modulators();
    return base.withConnectivity(new ConnectivityParams(0, 0.8, 0.1, 5, 0, 0))
        .withModulators(new ModulatorParams(0, m.baseAcetylcholine(), m.baseNorepinephrine(), m.baseSerotonin(), m.tauMs(), m.dopamineTauMs(),
            m.achRecurrentSuppression(), m.achInputBoost(), m.neGain(), m.serotoninThresholdMv(), m.imprintDopamine(), m.replayDopamine()))
        .withAssemblies(new AssemblyParams(10, 10, 5, 50, 6, 5, 30, 0.05, 1000, 0.0));
  }

  /** 4,000 neurons with Cortex's default connectivity (1,000 synapses each) and noise. */
  static BrainConfig small(long seed) {
    BrainConfig base = BrainConfig.cortex(0.002, seed);
    return base.withAssemblies(new AssemblyParams(10, 10, 5, 50, 6, 5, 30, 0.05, 1000, 0.0));
  }
}
