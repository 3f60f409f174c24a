package dev.engram.spiking;

/** How recall sets the modulators for its duration (restored afterwards). */
public enum RecallMode {
  /** Leave the modulators as they are. */
  NEUTRAL,
  /** High acetylcholine: afferent drive up, random recurrent pathways damped: fewer, more specific concepts. */
  FOCUSED,
  /** High norepinephrine: all excitatory gain up: activity spreads to more concepts. */
  BROAD
}
