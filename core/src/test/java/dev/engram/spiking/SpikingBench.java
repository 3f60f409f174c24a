package dev.engram.spiking;

/**
 * Timing harness (not a test): build time, ms per 1 ms step, activity and heap for Cortex's brain at the given
 * scales, and the COBA network's run time. One JSON object per line. Run niced, one at a time:
 *
 * <pre>
 * mvn -q -B -pl core -am test-compile
 * nice java -Xmx6g -cp core/target/classes:core/target/test-classes dev.engram.spiking.SpikingBench 0.01 0.1
 * </pre>
 */
public final class SpikingBench {
  private SpikingBench() {}

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  public static void main(String[] args) {
    String[] scales = args.length == 0 ? new String[] {"0.01", "0.1"} : args;
    for (String s : scales) {
      if (s.equals("coba")) {
        coba();
        continue;
      }
      // "SCALE:active" runs the stronger drive of docs/SPIKING.md (noise 0.35 mV/ms, s.d. 0.8, g = 8), which keeps
      // the full-scale brain active where the default drive lets it fall silent.
      boolean active = s.endsWith(":active");
      double scale = Double.parseDouble(active ? s.substring(0, s.length() - 7) : s);
      BrainConfig config = BrainConfig.cortex(scale, 42);
      if (active) config = config.withConnectivity(new ConnectivityParams(1000, 0.8, 0.1, 8.0, 0.35, 0.8));
      long heap0 = usedHeap();
      long t0 = System.nanoTime();
      Brain b = new Brain(config);
      long t1 = System.nanoTime();
      long heap = usedHeap() - heap0;
      int warm = scale >= 0.5 ? (active ? 100 : 20) : 200, steps = scale >= 0.5 ? 20 : scale >= 0.1 ? 100 : 500;
      b.step(warm);
      long before = 0;
      for (int r = 0; r < b.regionCount(); r++) before += b.totalSpikes(r);
      long t2 = System.nanoTime();
      b.step(steps);
      long t3 = System.nanoTime();
      long spikes = -before;
      for (int r = 0; r < b.regionCount(); r++) spikes += b.totalSpikes(r);
      double hz = spikes * 1000.0 / ((double) b.neuronCount() * steps * b.config().dtMs());
      long events = spikes * b.config().connectivity().synapsesPerNeuron();
      System.out.println("{\"bench\":\"spiking-step\",\"scale\":" + scale + ",\"drive\":\"" + (active ? "active" : "default") + "\",\"neurons\":" + b.neuronCount()
          + ",\"synapses_procedural\":" + (long) b.neuronCount() * b.config().connectivity().synapsesPerNeuron()
          + ",\"build_ms\":" + round((t1 - t0) / 1e6) + ",\"heap_mb\":" + round(heap / 1048576.0)
          + ",\"steps\":" + steps + ",\"ms_per_step\":" + round((t3 - t2) / 1e6 / steps)
          + ",\"mean_rate_hz\":" + round(hz) + ",\"synaptic_events_per_s\":" + round(events / ((t3 - t2) / 1e9)) + "}");
    }
  }

  static void coba() {
    long t0 = System.nanoTime();
    CobaNetwork net = new CobaNetwork(CobaParams.brian2Benchmark(), 1);
    long t1 = System.nanoTime();
    CobaNetwork.Result warm = net.run(200); // JIT warm-up on the same network
    long t2 = System.nanoTime();
    CobaNetwork.Result r = net.run(1000);
    long t3 = System.nanoTime();
    double events = (double) r.spikes() * r.synapses() / 4000.0;
    System.out.println("{\"bench\":\"coba\",\"build_ms\":" + round((t1 - t0) / 1e6) + ",\"warmup_ms\":" + round((t2 - t1) / 1e6)
        + ",\"run_1s_ms\":" + round((t3 - t2) / 1e6) + ",\"rate_hz\":" + round(r.rateHz()) + ",\"cv_isi\":" + round(r.cvIsi())
        + ",\"synaptic_events_per_s\":" + round(events / ((t3 - t2) / 1e9)) + ",\"warmup_rate_hz\":" + round(warm.rateHz()) + "}");
  }

  static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
