package dev.engram.knowledge;

/**
 * How graph and spiking recall are weighed in the merged ranking.
 *
 * <p>Each side is first normalised to its own strongest result (1.0), so their scales never need to
 * agree. Merged score: {@code graphWeight * g + spikingWeight * s} for concepts on both sides, where a
 * spiking score only counts when it beat its control; {@code graphWeight * g} for graph-only; and
 * {@code emergentWeight * s} for spiking-only, so an emergent concept must be strongly active to
 * outrank learned chains.
 */
public record MergeParams(double graphWeight, double spikingWeight, double emergentWeight, int maxResults) {

  public static final MergeParams DEFAULT = new MergeParams(1.0, 0.5, 0.4, 20);

  public MergeParams {
    if (!(graphWeight > 0) || !(spikingWeight >= 0) || !(emergentWeight >= 0)) {
      throw new IllegalArgumentException("weights: graph must be > 0, spiking and emergent >= 0; got "
          + graphWeight + ", " + spikingWeight + ", " + emergentWeight);
    }
    if (maxResults < 1 || maxResults > 1000) {
      throw new IllegalArgumentException("maxResults must be in 1..1000, got " + maxResults);
    }
  }
}
