// The JVM side of npm run brain-bench: the same workload on core's Brain, single-threaded (core's serial
// stepper), so the two can be compared on one machine. Run from the repository root after core is built
// (mvn -q -B -pl core -am compile):
//   $JAVA_HOME/bin/java -cp core/target/classes npm/scripts/BrainBenchJvm.java [scale] [ms] [rounds]
// Builds a brain at `scale` with the server's seed, warms it for 200 ms of brain time, then times `rounds`
// runs of `ms` steps (1 ms each) and prints each round's ms per step and the median.
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainConfig;
import java.util.Arrays;

class BrainBenchJvm {
  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.01;
    int ms = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long t = System.nanoTime();
    Brain brain = new Brain(BrainConfig.cortex(scale, 20_260_101L));
    double build = (System.nanoTime() - t) / 1e6;
    brain.step((int) Math.round(200 / brain.config().dtMs()));
    double[] perStep = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      int steps = (int) Math.round(ms / brain.config().dtMs());
      t = System.nanoTime();
      brain.step(steps);
      perStep[i] = (System.nanoTime() - t) / 1e6 / ms;
    }
    StringBuilder line = new StringBuilder();
    for (double p : perStep) line.append(line.length() == 0 ? "" : ", ").append(Math.round(p * 1000) / 1000.0);
    Arrays.sort(perStep);
    System.out.println("scale " + scale + ": " + brain.neuronCount() + " neurons, build " + Math.round(build * 10) / 10.0 + " ms");
    System.out.println("ms per 1 ms step over " + rounds + " rounds of " + ms + " ms: " + line + "; median "
        + Math.round(perStep[rounds >> 1] * 1000) / 1000.0);
  }
}
