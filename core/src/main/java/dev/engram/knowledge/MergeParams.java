package dev.engram.knowledge;

/**
 * How graph and spiking recall are weighed in the merged ranking.
 *
 * <p>The graph side scores by rank, {@code g = (n - rank) / n} over its n associations (1.0 for the
 * first), so graph recall's own order is kept when spiking adds nothing; the spiking side is its
 * activation over the strongest activation that beat its control ({@code s} in (0, 1]). Merged score:
 * {@code graphWeight * g + spikingWeight * s} for concepts on both sides (the spiking part only when
 * it beat its control); {@code graphWeight * g} for graph-only; and {@code emergentWeight * s} for
 * spiking-only, so an emergent concept must be strongly active to outrank learned chains.
 *
 * <p>{@code emergentAlpha}: a spiking-only concept is tagged emergent (or predicted) only when its
 * activation beat the control runs at this significance ({@link SpikingRecall.SpikingActivation#pValue}
 * at most alpha); otherwise it is dropped, however active. 0.05 needs at least 19 control runs.
 */
public record MergeParams(double graphWeight, double spikingWeight, double emergentWeight, int maxResults,
    double emergentAlpha) {

  public static final MergeParams DEFAULT = new MergeParams(1.0, 0.5, 0.4, 20, 0.05);

  public MergeParams(double graphWeight, double spikingWeight, double emergentWeight, int maxResults) {
    this(graphWeight, spikingWeight, emergentWeight, maxResults, 0.05);
  }

  public MergeParams {
    if (!(graphWeight > 0) || !(spikingWeight >= 0) || !(emergentWeight >= 0)) {
      throw new IllegalArgumentException("weights: graph must be > 0, spiking and emergent >= 0; got "
          + graphWeight + ", " + spikingWeight + ", " + emergentWeight);
    }
    if (!(emergentAlpha > 0 && emergentAlpha < 1)) {
      throw new IllegalArgumentException("emergentAlpha must be in (0, 1), got " + emergentAlpha);
    }
    if (maxResults < 1 || maxResults > 1000) {
      throw new IllegalArgumentException("maxResults must be in 1..1000, got " + maxResults);
    }
  }
}
