package dev.engram.spiking;

/**
 * How an embedding becomes spikes in a sensory region and how a percept is bound to a concept (see
 * {@link LatencyCode} and docs/SPIKING.md, "Perception").
 *
 * @param windowMs the coding window: every dimension's spikes fall inside it
 * @param periodMs spacing of a group's spikes: a group fires at most {@code windowMs / periodMs} times (the
 *     code's levels), at most once per period (above the 2 ms refractory period of the excitatory cells)
 * @param zRange standardised values (the unit embedding times sqrt(dimension)) from -zRange to +zRange span
 *     the code from silent to firing in every slot; values beyond are clipped
 * @param readoutMs steps after the window during which concept assemblies are still counted (their input
 *     arrives a step after the sensory spikes, and assemblies keep firing a few ms)
 * @param bindMv total learned weight one assembly cell receives from one bound percept, spread over the
 *     groups that fired above the middle of the code in proportion to how far above
 * @param maxGroup most cells per dimension; fewer when the region has fewer than {@code maxGroup x dimension}
 *     excitatory cells (at least 1)
 */
public record LatencyParams(double windowMs, double periodMs, double zRange, double readoutMs, double bindMv, int maxGroup) {
  public LatencyParams {
    Check.range("LatencyParams.windowMs", windowMs, 1, 1000);
    Check.range("LatencyParams.periodMs", periodMs, 0.01, windowMs);
    Check.range("LatencyParams.zRange", zRange, 0.1, 100);
    Check.range("LatencyParams.readoutMs", readoutMs, 0, 1000);
    Check.range("LatencyParams.bindMv", bindMv, 0, 1000);
    Check.intRange("LatencyParams.maxGroup", maxGroup, 1, 10_000);
  }

  /**
   * 20 ms window, a spike every 2 ms at most (11 levels), z in +-2.5, 10 ms read-out, 10 mV per percept, 40 cells
   * per dimension at most. bindMv was chosen on the two-picture, two-sound test of docs/SPIKING.md: 3 mV left
   * the bound assemblies barely above the others, 20 mV saturated them so that any picture drove them.
   */
  public static LatencyParams defaults() {
    return new LatencyParams(20, 2, 2.5, 10, 10, 40);
  }
}
