package dev.engram.spiking;

/**
 * An inter-region projection: {@code share} of the long-range synapses of each excitatory neuron in
 * {@code from} lands uniformly on neurons of {@code to}. Shares out of one region must sum to at most 1;
 * whatever is left stays local.
 */
public record Projection(String from, String to, double share) {
  public Projection {
    if (from == null || to == null) throw new IllegalArgumentException("Projection.from/to must not be null");
    Check.range("Projection.share (" + from + "->" + to + ")", share, 0, 1);
  }
}
