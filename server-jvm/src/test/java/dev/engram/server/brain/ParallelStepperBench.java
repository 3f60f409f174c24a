package dev.engram.server.brain;

import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.ConnectivityParams;
import dev.engram.spiking.SerialStepper;
import java.util.Arrays;

/**
 * Timing harness (not a test): ms per 1 ms step, serial vs {@link ParallelStepper}, on the same warmed-up brain
 * state, with the activity level. Arguments: scales as in core's SpikingBench ("0.1", "1.0:active"), optionally
 * "--threads=N". One JSON object per line. Run niced, one at a time:
 *
 * <pre>
 * mvn -q -B -pl server-jvm -am test-compile
 * nice java -Xmx4g -cp core/target/classes:server-jvm/target/classes:server-jvm/target/test-classes \
 *     dev.engram.server.brain.ParallelStepperBench 0.1:active 1.0:active
 * </pre>
 *
 * Both runs start from one snapshot (loaded twice), so they step the same network through the same spikes; the
 * final snapshots are compared and the line says whether they matched.
 */
public final class ParallelStepperBench {
  private ParallelStepperBench() {}

  public static void main(String[] args) {
    int threads = Runtime.getRuntime().availableProcessors();
    String[] scales = {"0.1:active", "1.0:active"};
    int given = 0;
    String[] list = new String[args.length];
    for (String a : args) {
      if (a.startsWith("--threads=")) threads = Integer.parseInt(a.substring("--threads=".length()));
      else list[given++] = a;
    }
    if (given > 0) scales = Arrays.copyOf(list, given);
    try (ParallelStepper parallel = new ParallelStepper(threads)) {
      for (String s : scales) run(s, parallel);
    }
  }

  static void run(String s, ParallelStepper parallel) {
    // "SCALE:active": the stronger drive of docs/SPIKING.md (noise s.d. 0.8, g = 8) that keeps the full-scale
    // brain active; the default drive lets it fall silent and the step is then the neuron update alone.
    boolean active = s.endsWith(":active");
    double scale = Double.parseDouble(active ? s.substring(0, s.length() - ":active".length()) : s);
    BrainConfig config = BrainConfig.cortex(scale, 42);
    if (active) config = config.withConnectivity(new ConnectivityParams(1000, 0.8, 0.1, 8.0, 0.35, 0.8));
    int warm = scale >= 0.5 ? 100 : 200, steps = scale >= 0.5 ? 20 : 100;
    Brain seed = new Brain(config);
    seed.step(warm);
    byte[] start = BrainCodec.save(seed);
    seed = null;
    // Serial first, then parallel, then serial again: the two serial figures bracket the noise of the machine.
    double[] serial1 = time(BrainCodec.load(start), SerialStepper.INSTANCE, steps);
    Brain pb = BrainCodec.load(start);
    double[] par = time(pb, parallel, steps);
    Brain sb = BrainCodec.load(start);
    double[] serial2 = time(sb, SerialStepper.INSTANCE, steps);
    boolean same = Arrays.equals(BrainCodec.save(sb), BrainCodec.save(pb));
    double serialMs = Math.min(serial1[0], serial2[0]);
    System.out.println("{\"bench\":\"spiking-parallel-step\",\"scale\":" + scale + ",\"drive\":\"" + (active ? "active" : "default")
        + "\",\"neurons\":" + sb.neuronCount() + ",\"threads\":" + parallel.threads() + ",\"steps\":" + steps
        + ",\"serial_ms_per_step\":[" + r(serial1[0]) + "," + r(serial2[0]) + "],\"parallel_ms_per_step\":" + r(par[0])
        + ",\"speedup\":" + r(serialMs / par[0]) + ",\"mean_rate_hz\":" + r(par[1]) + ",\"identical_state\":" + same + "}");
  }

  /** Returns {ms per step, mean rate in Hz} over {@code steps} steps. */
  static double[] time(Brain b, dev.engram.spiking.Stepper stepper, int steps) {
    b.setStepper(stepper);
    long before = 0;
    for (int r = 0; r < b.regionCount(); r++) before += b.totalSpikes(r);
    long t0 = System.nanoTime();
    b.step(steps);
    long t1 = System.nanoTime();
    long spikes = -before;
    for (int r = 0; r < b.regionCount(); r++) spikes += b.totalSpikes(r);
    double hz = spikes * 1000.0 / ((double) b.neuronCount() * steps * b.config().dtMs());
    return new double[] {(t1 - t0) / 1e6 / steps, hz};
  }

  static double r(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
