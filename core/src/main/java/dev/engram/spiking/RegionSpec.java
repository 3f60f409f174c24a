package dev.engram.spiking;

/**
 * One brain region: its name, its size in Cortex at full scale, its role, and its excitatory neuron model.
 * The region's inhibitory cells use {@link BrainConfig#inhibitory()}.
 */
public record RegionSpec(String name, int fullScaleNeurons, AlifParams excitatory) {
  public RegionSpec {
    if (name == null || name.isEmpty() || name.length() > 64) throw new IllegalArgumentException("RegionSpec.name must be 1..64 characters, got " + name);
    Check.intRange("RegionSpec.fullScaleNeurons (" + name + ")", fullScaleNeurons, 1, 100_000_000);
    if (excitatory == null) throw new IllegalArgumentException("RegionSpec.excitatory (" + name + ") must not be null");
  }
}
