package dev.engram.spiking;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that defines a brain, as validated data: size ({@code scale} times Cortex's region sizes), seed,
 * clock step, the regions and their neuron models, the inhibitory model, the E/I split, projections,
 * connectivity, plasticity, neuromodulators, homeostasis and assemblies. Two brains built from equal configs
 * are identical spike for spike. Concepts live in the region named {@code conceptRegion}.
 */
public record BrainConfig(double scale, long seed, double dtMs, List<RegionSpec> regions, AlifParams inhibitory,
                          double excitatoryFraction, List<Projection> projections, String conceptRegion,
                          ConnectivityParams connectivity, StdpParams stdp, ModulatorParams modulators,
                          HomeostasisParams homeostasis, AssemblyParams assemblies) {

  /** Smallest scaled region: it must hold at least a couple of inhibitory cells. */
  public static final int MIN_REGION_NEURONS = 10;
  public static final int MAX_NEURONS = 50_000_000;

  public BrainConfig {
    Check.range("BrainConfig.scale", scale, 1e-6, 25);
    Check.range("BrainConfig.dtMs", dtMs, 0.01, 5);
    if (regions == null || regions.isEmpty()) throw new IllegalArgumentException("BrainConfig.regions must not be empty");
    if (regions.size() > 64) throw new IllegalArgumentException("BrainConfig.regions: at most 64, got " + regions.size());
    regions = List.copyOf(regions);
    projections = List.copyOf(projections == null ? List.of() : projections);
    if (inhibitory == null) throw new IllegalArgumentException("BrainConfig.inhibitory must not be null");
    Check.range("BrainConfig.excitatoryFraction", excitatoryFraction, 0.05, 0.95);
    if (connectivity == null || stdp == null || modulators == null || homeostasis == null || assemblies == null)
      throw new IllegalArgumentException("BrainConfig: connectivity, stdp, modulators, homeostasis and assemblies must not be null");
    long total = 0;
    for (int i = 0; i < regions.size(); i++) {
      RegionSpec r = regions.get(i);
      for (int j = 0; j < i; j++)
        if (regions.get(j).name().equals(r.name())) throw new IllegalArgumentException("BrainConfig.regions: duplicate region name " + r.name());
      long n = Math.round(r.fullScaleNeurons() * scale);
      if (n < MIN_REGION_NEURONS)
        throw new IllegalArgumentException("BrainConfig.scale " + scale + " leaves region " + r.name() + " with " + n + " neurons; at least " + MIN_REGION_NEURONS + " needed");
      total += n;
    }
    if (total > MAX_NEURONS) throw new IllegalArgumentException("BrainConfig.scale " + scale + " gives " + total + " neurons, more than " + MAX_NEURONS);
    double[] out = new double[regions.size()];
    for (Projection p : projections) {
      int from = indexOf(regions, p.from()), to = indexOf(regions, p.to());
      if (from < 0) throw new IllegalArgumentException("BrainConfig.projections: unknown region " + p.from());
      if (to < 0) throw new IllegalArgumentException("BrainConfig.projections: unknown region " + p.to());
      out[from] += p.share();
    }
    for (int i = 0; i < out.length; i++)
      if (out[i] > 1 + 1e-9) throw new IllegalArgumentException("BrainConfig.projections: shares out of " + regions.get(i).name() + " sum to " + out[i] + " > 1");
    int c = indexOf(regions, conceptRegion);
    if (c < 0) throw new IllegalArgumentException("BrainConfig.conceptRegion: unknown region " + conceptRegion);
    long cn = Math.round(regions.get(c).fullScaleNeurons() * scale);
    long ce = Math.round(cn * excitatoryFraction);
    if (assemblies.size() > ce) throw new IllegalArgumentException("BrainConfig.assemblies.size " + assemblies.size() + " exceeds the " + ce + " excitatory neurons of " + conceptRegion);
  }

  static int indexOf(List<RegionSpec> regions, String name) {
    for (int i = 0; i < regions.size(); i++) if (regions.get(i).name().equals(name)) return i;
    return -1;
  }

  /** Cortex's ten regions and their full-scale sizes (2,000,000 neurons at scale 1). */
  public static List<RegionSpec> cortexRegions() {
    List<RegionSpec> r = new ArrayList<>();
    r.add(new RegionSpec("visual", 200_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("auditory", 200_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("association", 500_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("predictive", 200_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("hippocampus", 300_000, AlifParams.excitatory(15)));
    // Working-memory attractors: Cortex's "NMDA-like slow decay" becomes a longer membrane time constant.
    r.add(new RegionSpec("prefrontal", 200_000, AlifParams.excitatory(30)));
    r.add(new RegionSpec("amygdala", 100_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("motor", 100_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("brainstem", 50_000, AlifParams.excitatory(20)));
    r.add(new RegionSpec("cerebellum", 150_000, AlifParams.excitatory(10)));
    return r;
  }

  /** The long-range wiring (shares of each excitatory neuron's non-local synapses); see docs/SPIKING.md. */
  public static List<Projection> cortexProjections() {
    List<Projection> p = new ArrayList<>();
    p.add(new Projection("visual", "association", 0.7));
    p.add(new Projection("visual", "predictive", 0.3));
    p.add(new Projection("auditory", "association", 0.7));
    p.add(new Projection("auditory", "predictive", 0.3));
    p.add(new Projection("association", "hippocampus", 0.3));
    p.add(new Projection("association", "prefrontal", 0.3));
    p.add(new Projection("association", "predictive", 0.2));
    p.add(new Projection("association", "amygdala", 0.1));
    p.add(new Projection("association", "motor", 0.1));
    p.add(new Projection("predictive", "visual", 0.4));
    p.add(new Projection("predictive", "auditory", 0.4));
    p.add(new Projection("predictive", "association", 0.2));
    p.add(new Projection("hippocampus", "association", 0.6));
    p.add(new Projection("hippocampus", "prefrontal", 0.4));
    p.add(new Projection("prefrontal", "association", 0.5));
    p.add(new Projection("prefrontal", "motor", 0.3));
    p.add(new Projection("prefrontal", "hippocampus", 0.2));
    p.add(new Projection("amygdala", "prefrontal", 0.4));
    p.add(new Projection("amygdala", "hippocampus", 0.4));
    p.add(new Projection("amygdala", "brainstem", 0.2));
    p.add(new Projection("motor", "cerebellum", 0.6));
    p.add(new Projection("motor", "brainstem", 0.4));
    p.add(new Projection("brainstem", "association", 0.4));
    p.add(new Projection("brainstem", "prefrontal", 0.2));
    p.add(new Projection("brainstem", "hippocampus", 0.2));
    p.add(new Projection("brainstem", "amygdala", 0.2));
    p.add(new Projection("cerebellum", "motor", 0.7));
    p.add(new Projection("cerebellum", "prefrontal", 0.3));
    return p;
  }

  /** Cortex's architecture at {@code scale} (0.01 = 20K neurons ... 1.0 = 2M) with dt = 1 ms. */
  public static BrainConfig cortex(double scale, long seed) {
    return new BrainConfig(scale, seed, 1.0, cortexRegions(), AlifParams.fastSpiking(), 0.8, cortexProjections(),
        "association", ConnectivityParams.cortex(), StdpParams.defaults(), ModulatorParams.defaults(),
        HomeostasisParams.defaults(), AssemblyParams.forScale(scale));
  }

  public BrainConfig withConnectivity(ConnectivityParams c) {
    return new BrainConfig(scale, seed, dtMs, regions, inhibitory, excitatoryFraction, projections, conceptRegion, c, stdp, modulators, homeostasis, assemblies);
  }

  public BrainConfig withAssemblies(AssemblyParams a) {
    return new BrainConfig(scale, seed, dtMs, regions, inhibitory, excitatoryFraction, projections, conceptRegion, connectivity, stdp, modulators, homeostasis, a);
  }

  public BrainConfig withSeed(long s) {
    return new BrainConfig(scale, s, dtMs, regions, inhibitory, excitatoryFraction, projections, conceptRegion, connectivity, stdp, modulators, homeostasis, assemblies);
  }

  public BrainConfig withStdp(StdpParams s) {
    return new BrainConfig(scale, seed, dtMs, regions, inhibitory, excitatoryFraction, projections, conceptRegion, connectivity, s, modulators, homeostasis, assemblies);
  }

  public BrainConfig withModulators(ModulatorParams m) {
    return new BrainConfig(scale, seed, dtMs, regions, inhibitory, excitatoryFraction, projections, conceptRegion, connectivity, stdp, m, homeostasis, assemblies);
  }

  public BrainConfig withDt(double dt) {
    return new BrainConfig(scale, seed, dt, regions, inhibitory, excitatoryFraction, projections, conceptRegion, connectivity, stdp, modulators, homeostasis, assemblies);
  }
}
