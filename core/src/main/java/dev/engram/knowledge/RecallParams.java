package dev.engram.knowledge;

/**
 * Parameters of BFS chain recall, validated on construction.
 *
 * @param maxHops how far from a seed the search may go (Cortex: 6)
 * @param fanOut how many of a concept's strongest edges are followed; the rest is treated as noise
 * @param hopDecay activation kept per hop, in (0, 1]
 * @param saturation edge weight w transmits w / (w + saturation): one mention 0.5 at 1.0, repetition
 *     strengthens with diminishing returns so a concept said ten times does not drown the rest
 * @param hubDamping exponent on the degree of a non-seed concept dividing what it passes on; 0 turns
 *     it off, 0.5 divides by the square root. Hubs ("system", "water") otherwise flood recall
 * @param minActivation activations below this are dropped (noise floor) and not expanded
 * @param maxResults most associations returned
 * @param relationBoost extra factor (1 + boost) on an edge whose triple's verb the question uses
 *     ("What do the millstones grind?" favours the "grind" edges over the millstones' other edges)
 * @param diversity in (0, 1]: each concept already ranked from the same seed multiplies a concept's
 *     rank score by this (order only, strengths are unchanged); 1 turns it off
 * @param intersectionBonus in [0, 4]: a concept reached from several mentions of the question gets the
 *     activation from every mention but its strongest counted (1 + bonus) times. A cross-topic question
 *     names things from different topics, and its answer is what their neighbourhoods share; 0 is a
 *     plain sum
 */
public record RecallParams(
    int maxHops, int fanOut, double hopDecay, double saturation, double hubDamping,
    double minActivation, int maxResults, double relationBoost, double diversity, double intersectionBonus) {

  public static final RecallParams DEFAULT = new RecallParams(6, 12, 0.7, 1.0, 0.5, 0.01, 20, 1.0, 0.8, 2.0);

  public RecallParams {
    if (maxHops < 1 || maxHops > 16) {
      throw new IllegalArgumentException("maxHops must be in 1..16, got " + maxHops);
    }
    if (fanOut < 1) {
      throw new IllegalArgumentException("fanOut must be >= 1, got " + fanOut);
    }
    if (!(hopDecay > 0 && hopDecay <= 1)) {
      throw new IllegalArgumentException("hopDecay must be in (0, 1], got " + hopDecay);
    }
    if (!(saturation > 0)) {
      throw new IllegalArgumentException("saturation must be > 0, got " + saturation);
    }
    if (!(hubDamping >= 0 && hubDamping <= 2)) {
      throw new IllegalArgumentException("hubDamping must be in [0, 2], got " + hubDamping);
    }
    if (!(minActivation > 0 && minActivation < 1)) {
      throw new IllegalArgumentException("minActivation must be in (0, 1), got " + minActivation);
    }
    if (!(relationBoost >= 0 && relationBoost <= 10)) {
      throw new IllegalArgumentException("relationBoost must be in [0, 10], got " + relationBoost);
    }
    if (!(diversity > 0 && diversity <= 1)) {
      throw new IllegalArgumentException("diversity must be in (0, 1], got " + diversity);
    }
    if (!(intersectionBonus >= 0 && intersectionBonus <= 4)) {
      throw new IllegalArgumentException("intersectionBonus must be in [0, 4], got " + intersectionBonus);
    }
    if (maxResults < 1 || maxResults > 1000) {
      throw new IllegalArgumentException("maxResults must be in 1..1000, got " + maxResults);
    }
  }
}
