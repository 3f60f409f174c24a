package dev.engram.memory;

/**
 * Tunable parameters of the memory, validated on construction (an error names the bad field).
 *
 * @param answerCoverage share of a question's weight a fact must cover to answer it (0..1)
 * @param sameSlot facts whose match quality is within this of the best count as the same slot, and
 *     the newest of them answers (0..1)
 * @param halfLifeMillis plastic strength halves after this long without use (> 0)
 * @param useGain strength added each time a fact answers or is recalled (>= 0)
 * @param linkGain Hebbian weight added between facts recalled together (>= 0)
 */
public record MemoryConfig(
    double answerCoverage, double sameSlot, long halfLifeMillis, double useGain, double linkGain) {

  /** A week's half-life; coverage 0.75; the rest as documented in docs/MEMORY.md. */
  public static final MemoryConfig DEFAULT = new MemoryConfig(0.75, 0.12, 7L * 24 * 3600 * 1000, 1.0, 0.5);

  public MemoryConfig {
    if (!(answerCoverage > 0 && answerCoverage <= 1)) {
      throw new IllegalArgumentException("answerCoverage must be in (0, 1], got " + answerCoverage);
    }
    if (!(sameSlot >= 0 && sameSlot < 1)) {
      throw new IllegalArgumentException("sameSlot must be in [0, 1), got " + sameSlot);
    }
    if (halfLifeMillis <= 0) {
      throw new IllegalArgumentException("halfLifeMillis must be > 0, got " + halfLifeMillis);
    }
    if (!(useGain >= 0) || !(linkGain >= 0)) {
      throw new IllegalArgumentException("useGain and linkGain must be >= 0");
    }
  }
}
