package dev.engram.server.brain;

import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.ConnectivityParams;
import dev.engram.spiking.SerialStepper;
import java.util.Arrays;

/**
 * Timing harness (not a test): ms per 1 ms step, serial vs {@link ParallelStepper}, on the same warmed-up brain
 * state, with the activity level. Arguments: scales with an optional drive, as `engram bench spiking` runs them ("0.1", "1.0:active"), optionally
 * "--threads=N", "--rounds=R" (default 3). One JSON object per line. Run niced, one at a time:
 *
 * <pre>
 * mvn -q -B -pl server-jvm -am test-compile
 * nice java -Xmx4g -cp core/target/classes:server-jvm/target/classes:server-jvm/target/test-classes \
 *     dev.engram.server.brain.ParallelStepperBench 0.1:active 1.0:active
 * </pre>
 *
 * Every run starts from one snapshot of the warmed-up brain, so all step the same network through the same spikes;
 * each parallel run's final snapshot is compared with the serial one's and the line says whether all matched.
 */
public final class ParallelStepperBench {
  private ParallelStepperBench() {}

  public static void main(String[] args) {
    int threads = Runtime.getRuntime().availableProcessors(), rounds = 3;
    String[] scales = {"0.1:active", "1.0:active"};
    int given = 0;
    String[] list = new String[args.length];
    for (String a : args) {
      if (a.startsWith("--threads=")) threads = Integer.parseInt(a.substring("--threads=".length()));
      else if (a.startsWith("--rounds=")) rounds = Integer.parseInt(a.substring("--rounds=".length()));
      else list[given++] = a;
    }
    if (given > 0) scales = Arrays.copyOf(list, given);
    try (ParallelStepper parallel = new ParallelStepper(threads)) {
      for (String s : scales) run(s, parallel, rounds);
    }
  }

  static void run(String s, ParallelStepper parallel, int rounds) {
    if (rounds < 1) throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
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
    // Alternate serial and parallel runs, each from the same snapshot; on a machine shared with other jobs the
    // fastest run of each is the best estimate of what the stepper can do, the slowest shows the noise.
    double[] serial = new double[rounds], par = new double[rounds];
    double hz = 0;
    boolean same = true;
    int neurons = 0;
    for (int round = 0; round < rounds; round++) {
      Brain sb = BrainCodec.load(start);
      serial[round] = time(sb, SerialStepper.INSTANCE, steps)[0];
      byte[] serialEnd = BrainCodec.save(sb);
      neurons = sb.neuronCount();
      sb = null;
      Brain pb = BrainCodec.load(start);
      double[] p = time(pb, parallel, steps);
      par[round] = p[0];
      hz = p[1];
      same &= Arrays.equals(serialEnd, BrainCodec.save(pb));
    }
    double[] sSorted = serial.clone(), pSorted = par.clone();
    Arrays.sort(sSorted);
    Arrays.sort(pSorted);
    System.out.println("{\"bench\":\"spiking-parallel-step\",\"scale\":" + scale + ",\"drive\":\"" + (active ? "active" : "default")
        + "\",\"neurons\":" + neurons + ",\"threads\":" + parallel.threads() + ",\"steps\":" + steps + ",\"rounds\":" + rounds
        + ",\"serial_ms_per_step\":" + list(serial) + ",\"parallel_ms_per_step\":" + list(par)
        + ",\"speedup_best\":" + r(sSorted[0] / pSorted[0]) + ",\"speedup_median\":" + r(sSorted[rounds / 2] / pSorted[rounds / 2])
        + ",\"mean_rate_hz\":" + r(hz) + ",\"identical_state\":" + same + "}");
  }

  static String list(double[] xs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < xs.length; i++) sb.append(i == 0 ? "" : ",").append(r(xs[i]));
    return sb.append(']').toString();
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
