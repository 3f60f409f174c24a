package dev.engram.bench;

import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.CobaNetwork;
import dev.engram.spiking.CobaParams;
import dev.engram.spiking.ConnectivityParams;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spiking benchmark: Cortex's 10-region brain at the given scales (build time, ms per 1 ms step,
 * the activity level it ran at, heap), and the COBA network side by side with Brian2 on the same
 * machine in the same run. One JSON object per line.
 *
 * <pre>
 * ./engram bench spiking [--json] [--scale 0.01] [--scale 1.0 ...] [--drive default|active] [--steps N]
 *                        [--seed S] [--coba] [--brian2 numpy,cython,cpp_standalone]
 * </pre>
 *
 * <p>The "active" drive (noise 0.35 mV/ms, s.d. 0.8, coupling 8) keeps a full-scale brain near Cortex's
 * activity, where the default drive lets it fall almost silent; a step time means little without the
 * rate it was measured at, so every line reports the mean rate. {@code --brian2} runs
 * {@code tests/brian2/run-coba.sh} once per target (it needs Debian's python3-brian) and reports engram's
 * COBA time as a ratio against each.
 */
public final class SpikingBench {
  private SpikingBench() {}

  public static void main(String[] args) throws Exception {
    List<Double> scales = new ArrayList<>();
    boolean active = true;
    int steps = 0;
    long seed = 42;
    boolean coba = false;
    List<String> brian2 = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--scale" -> {
          scales.add(scale(value));
          i++;
        }
        case "--drive" -> {
          if (!value.equals("default") && !value.equals("active")) {
            usage("--drive is default or active, not '" + value + "'");
          }
          active = value.equals("active");
          i++;
        }
        case "--steps" -> {
          steps = (int) Args.positive("--steps", value, 100_000);
          i++;
        }
        case "--seed" -> {
          seed = Args.positive("--seed", value, Long.MAX_VALUE);
          i++;
        }
        case "--coba" -> coba = true;
        case "--json" -> { } // the output is always JSON lines
        case "--brian2" -> {
          for (String target : value.split(",")) {
            if (!target.equals("numpy") && !target.equals("cython") && !target.equals("cpp_standalone")) {
              usage("--brian2 takes numpy, cython and/or cpp_standalone, not '" + target + "'");
            }
            brian2.add(target);
          }
          coba = true;
          i++;
        }
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (scales.isEmpty() && !coba) {
      scales.add(0.01);
    }
    for (double scale : scales) {
      brain(scale, active, steps, seed);
    }
    if (coba) {
      coba(brian2);
    }
  }

  private static double scale(String value) {
    try {
      double s = Double.parseDouble(value);
      if (s >= 0.001 && s <= 1.0) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    usage("--scale is a number from 0.001 to 1.0 (0.01 = 20K neurons, 1.0 = 2M), not '" + value + "'");
    return 0;
  }

  private static void usage(String problem) {
    System.err.println("engram bench spiking: " + problem);
    System.err.println("usage: engram bench spiking [--scale S]... [--drive default|active] [--steps N] [--seed S]"
        + " [--coba] [--brian2 numpy,cython,cpp_standalone]");
    System.exit(2);
  }

  private static void brain(double scale, boolean active, int stepsWanted, long seed) throws InterruptedException {
    BrainConfig config = BrainConfig.cortex(scale, seed);
    if (active) {
      config = config.withConnectivity(new ConnectivityParams(1000, 0.8, 0.1, 8.0, 0.35, 0.8));
    }
    System.err.printf(Locale.ROOT, "building the brain at scale %s…%n", scale);
    long heap0 = Heap.used();
    long t0 = System.nanoTime();
    Brain brain = new Brain(config);
    long t1 = System.nanoTime();
    long heap = Heap.used() - heap0;
    boolean large = scale >= 0.5;
    int warm = large ? (active ? 100 : 20) : 200;
    int steps = stepsWanted > 0 ? stepsWanted : large ? 20 : scale >= 0.1 ? 100 : 500;
    System.err.printf(Locale.ROOT, "warming up (%d steps), then timing %d steps…%n", warm, steps);
    brain.step(warm);
    long before = spikes(brain);
    long t2 = System.nanoTime();
    int done = 0;
    int report = Math.max(1, steps / 10);
    while (done < steps) {
      int chunk = Math.min(report, steps - done);
      brain.step(chunk);
      done += chunk;
      System.err.printf(Locale.ROOT, "\r  %d/%d steps", done, steps);
    }
    long t3 = System.nanoTime();
    System.err.println();
    long spikes = spikes(brain) - before;
    double seconds = (t3 - t2) / 1e9;
    double rate = spikes * 1000.0 / ((double) brain.neuronCount() * steps * config.dtMs());
    long perNeuron = config.connectivity().synapsesPerNeuron();
    System.out.println("{\"bench\":\"spiking.step\",\"workload\":{\"scale\":" + scale + ",\"drive\":\""
        + (active ? "active" : "default") + "\",\"seed\":" + seed + ",\"steps\":" + steps + "},\"neurons\":"
        + brain.neuronCount() + ",\"synapses_procedural\":" + (long) brain.neuronCount() * perNeuron
        + ",\"build_ms\":" + round((t1 - t0) / 1e6) + ",\"heap_mb\":" + round(heap / 1048576.0)
        + ",\"ms_per_step\":" + round(seconds * 1000 / steps) + ",\"mean_rate_hz\":" + round(rate)
        + ",\"synaptic_events_per_s\":" + round(spikes * perNeuron / seconds) + "}");
  }

  private static void coba(List<String> brian2) throws IOException, InterruptedException {
    CobaParams params = CobaParams.brian2Benchmark();
    long t0 = System.nanoTime();
    CobaNetwork net = new CobaNetwork(params, 1);
    long t1 = System.nanoTime();
    net.run(200); // JIT warm-up on the same network, as Brian2's own timing excludes compilation
    long t2 = System.nanoTime();
    CobaNetwork.Result r = net.run(1000);
    long t3 = System.nanoTime();
    double runSeconds = (t3 - t2) / 1e9;
    double events = (double) r.spikes() * r.synapses() / 4000.0;
    System.out.println("{\"bench\":\"spiking.coba\",\"simulator\":\"engram-jvm\",\"neurons\":4000,\"duration_ms\":1000"
        + ",\"build_ms\":" + round((t1 - t0) / 1e6) + ",\"sim_s\":" + round(runSeconds) + ",\"rate_hz\":"
        + round(r.rateHz()) + ",\"cv_isi\":" + round(r.cvIsi()) + ",\"synaptic_events_per_s\":"
        + round(events / runSeconds) + "}");
    for (String target : brian2) {
      String line = runBrian2(target);
      if (line == null) {
        continue;
      }
      System.out.println(line);
      double brianSim = number(line, "sim_s");
      if (brianSim > 0) {
        System.out.println("{\"bench\":\"spiking.coba_ratio\",\"target\":\"" + target + "\",\"brian2_sim_s\":"
            + round(brianSim) + ",\"engram_sim_s\":" + round(runSeconds) + ",\"brian2_over_engram\":"
            + round(brianSim / runSeconds) + "}");
      }
    }
  }

  /** Brian2's JSON line for one target, or null (with the reason on stderr) when it could not run. */
  private static String runBrian2(String target) throws IOException, InterruptedException {
    File script = new File(System.getProperty("engram.home", "."), "tests/brian2/run-coba.sh");
    if (!script.isFile()) {
      System.err.println("engram bench spiking: " + script + " not found; run from the repository root");
      return null;
    }
    System.err.println("running Brian2 COBA (" + target + ")…");
    Process p = new ProcessBuilder("sh", script.getPath(), "--target", target)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String last = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("{")) {
          last = line;
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || last == null) {
      System.err.println("engram bench spiking: Brian2 (" + target + ") did not run (exit " + exit
          + "); install it with: apt-get install -y python3-brian");
      return null;
    }
    return "{\"bench\":\"spiking.coba\"," + last.substring(1);
  }

  /** The number after {@code "key":} in a flat JSON line (Brian2's output), or -1. */
  static double number(String json, String key) {
    int at = json.indexOf("\"" + key + "\":");
    if (at < 0) {
      return -1;
    }
    int from = at + key.length() + 3;
    int to = from;
    while (to < json.length() && " +-.0123456789eE".indexOf(json.charAt(to)) >= 0) {
      to++;
    }
    try {
      return Double.parseDouble(json.substring(from, to).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long spikes(Brain brain) {
    long total = 0;
    for (int r = 0; r < brain.regionCount(); r++) {
      total += brain.totalSpikes(r);
    }
    return total;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
