package dev.engram.server.brain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.spiking.AssemblyParams;
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.Recall;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ParallelStepper} against the serial reference: the same spikes every step and the same bytes saved. */
class ParallelStepperTest {
  static final long SEED = Long.getLong("engram.seed", 20261123L);

  static String rerun() {
    return " [seed " + SEED + "; rerun: mvn -q -B -pl server-jvm -am test -Dtest=ParallelStepperTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=" + SEED + "]";
  }

  /** 4,000 neurons, Cortex's connectivity and noise, small assemblies so concepts fit. */
  static BrainConfig small() {
    return BrainConfig.cortex(0.002, SEED).withAssemblies(new AssemblyParams(10, 10, 5, 50, 6, 5, 30, 0.05, 1000, 0.0));
  }

  /** Steps both one step at a time, comparing each step's spike list, and returns the spikes seen. */
  static long stepCompared(Brain serial, Brain parallel, int steps, String phase) {
    long seen = 0;
    for (int s = 0; s < steps; s++) {
      serial.step(1);
      parallel.step(1);
      int k = serial.lastSpikeCount();
      assertEquals(k, parallel.lastSpikeCount(), phase + ": spike count differs at step " + serial.stepCount() + rerun());
      assertArrayEquals(Arrays.copyOf(serial.spikeBuffer(), k), Arrays.copyOf(parallel.spikeBuffer(), k),
          phase + ": spikes differ at step " + serial.stepCount() + rerun());
      seen += k;
    }
    return seen;
  }

  static void sameAsSerial(int threads) {
    Brain serial = new Brain(small()), parallel = new Brain(small());
    try (ParallelStepper stepper = new ParallelStepper(threads)) {
      parallel.setStepper(stepper);
      long spikes = stepCompared(serial, parallel, 150, "spontaneous");
      assertTrue(spikes > 0, "the test brain must be active for the comparison to mean anything" + rerun());
      serial.imprintTriple("x", "r", "y");
      parallel.imprintTriple("x", "r", "y");
      serial.imprintSequence(java.util.List.of("a", "b", "c"));
      parallel.imprintSequence(java.util.List.of("a", "b", "c"));
      assertArrayEquals(BrainCodec.save(serial), BrainCodec.save(parallel), "diverged during imprinting" + rerun());
      Recall rs = serial.recall("x"), rp = parallel.recall("x");
      assertEquals(rs, rp, "recall differs" + rerun());
      stepCompared(serial, parallel, 150, "after imprint and recall");
      assertArrayEquals(BrainCodec.save(serial), BrainCodec.save(parallel), "snapshots differ" + rerun());
    }
  }

  @Test
  void twoThreadsMatchSerialBitForBit() {
    sameAsSerial(2);
  }

  @Test
  void unevenSplitMatchesSerialBitForBit() {
    // 24 blocks of 4,000 neurons and of most spike lists are unequal: checks the range arithmetic.
    sameAsSerial(3);
  }

  @Test
  void oneThreadMatchesSerialBitForBit() {
    sameAsSerial(1);
  }

  @Test
  void closedStepperSaysSo() {
    Brain b = new Brain(small());
    ParallelStepper stepper = new ParallelStepper(2);
    b.setStepper(stepper);
    b.step(1);
    stepper.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.step(1));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void rejectsBadThreadCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParallelStepper(0));
    assertTrue(e.getMessage().contains("threads"), e.getMessage());
  }
}
