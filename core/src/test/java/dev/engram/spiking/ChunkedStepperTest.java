package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The {@link Stepper} contract: a stepper that splits neurons and deliveries into chunks (as a parallel one would
 * across threads, here run one after another) with private accumulators must produce exactly the serial spikes.
 */
class ChunkedStepperTest {

  /** What a parallel stepper does, minus the threads: ranges, private spike buffers and accumulators, merges. */
  static final class ChunkedStepper implements Stepper {
    final int chunks;
    int[][] accP, accL, accI, spikes;

    ChunkedStepper(int chunks) {
      this.chunks = chunks;
    }

    @Override
    public void step(Brain b) {
      int n = b.neuronCount();
      if (accP == null) {
        accP = new int[chunks][n];
        accL = new int[chunks][n];
        accI = new int[chunks][n];
        spikes = new int[chunks][n];
      }
      int[] ends = new int[chunks];
      for (int c = 0; c < chunks; c++) ends[c] = b.updateNeurons((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), spikes[c], 0);
      int pos = 0;
      int[] buf = b.spikeBuffer();
      for (int c = 0; c < chunks; c++) {
        System.arraycopy(spikes[c], 0, buf, pos, ends[c]);
        pos += ends[c];
      }
      b.commitSpikes(pos);
      b.learn();
      // Deliver in reverse chunk order on purpose: integer accumulation makes the order irrelevant.
      for (int c = chunks - 1; c >= 0; c--) {
        java.util.Arrays.fill(accP[c], 0);
        java.util.Arrays.fill(accL[c], 0);
        java.util.Arrays.fill(accI[c], 0);
        b.deliverInto((int) ((long) pos * c / chunks), (int) ((long) pos * (c + 1) / chunks), accP[c], accL[c], accI[c]);
      }
      for (int c = 0; c < chunks; c++) b.addAccumulators(accP[c], accL[c], accI[c]);
      b.endStep();
    }
  }

  @Test
  void chunkedStepperMatchesSerialBitForBit() {
    Brain serial = new Brain(TestBrains.small(Seeds.SEED)), chunked = new Brain(TestBrains.small(Seeds.SEED));
    chunked.setStepper(new ChunkedStepper(3));
    serial.step(50);
    chunked.step(50);
    serial.imprintTriple("x", "r", "y");
    chunked.imprintTriple("x", "r", "y");
    serial.step(100);
    chunked.step(100);
    assertArrayEquals(BrainCodec.save(serial), BrainCodec.save(chunked), "chunked stepping diverged" + Seeds.rerun("ChunkedStepperTest"));
  }
}
