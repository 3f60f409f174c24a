package dev.engram.spiking;

/** The four neuromodulators, each a scalar level in [0, 1] that relaxes to its baseline. */
public enum Modulator {
  /** Dopamine (reward): the third factor of STDP; no dopamine, no weight change. */
  DOPAMINE,
  /** Acetylcholine (attention): boosts injected (afferent) drive and damps the random recurrent pathways, so recall stays on learned synapses (focused). */
  ACETYLCHOLINE,
  /** Norepinephrine (arousal): multiplies all excitatory gain, so activity spreads further (broad). */
  NOREPINEPHRINE,
  /** Serotonin (mood): raises the firing threshold, lowering activity. */
  SEROTONIN
}
