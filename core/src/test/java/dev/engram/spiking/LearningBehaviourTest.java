package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence imprinting, the modulators' documented effects, homeostasis, and sleep. */
class LearningBehaviourTest {

  @Test
  void sequenceOffsetPotentiatesForwardAndDepressesBackward() {
    Brain b = new Brain(TestBrains.small(Seeds.SEED));
    b.imprintSequence(List.of("first", "second", "third"));
    double w0 = b.config().stdp().wInitMv();
    double fwd = b.meanWeight("first", "second"), back = b.meanWeight("second", "first");
    System.out.println("sequence: forward " + fwd + " backward " + back + " (init " + w0 + ")");
    assertTrue(fwd > 2 * w0, "forward weight " + fwd + Seeds.rerun("LearningBehaviourTest"));
    assertTrue(back < w0, "backward weight " + back + Seeds.rerun("LearningBehaviourTest"));
    assertTrue(b.meanWeight("second", "third") > 2 * w0);
  }

  @Test
  void dopamineFreeImprintLeavesWeightsAtTheirInitialValue() {
    BrainConfig c = TestBrains.silent();
    ModulatorParams m = c.modulators();
    Brain b = new Brain(c.withModulators(new ModulatorParams(0, m.baseAcetylcholine(), m.baseNorepinephrine(), m.baseSerotonin(), m.tauMs(),
        m.dopamineTauMs(), m.achRecurrentSuppression(), m.achInputBoost(), m.neGain(), m.serotoninThresholdMv(), 0, 0)));
    b.imprintSequence(List.of("p", "q"));
    assertEquals(c.stdp().wInitMv(), b.meanWeight("p", "q"), 1e-6);
  }

  private static long spikesOver(Brain b, int steps) {
    long before = 0, after = 0;
    for (int r = 0; r < b.regionCount(); r++) before += b.totalSpikes(r);
    b.step(steps);
    for (int r = 0; r < b.regionCount(); r++) after += b.totalSpikes(r);
    return after - before;
  }

  @Test
  void serotoninRaisesThresholdAndLowersActivity() {
    Brain calm = new Brain(TestBrains.small(Seeds.SEED)), base = new Brain(TestBrains.small(Seeds.SEED));
    calm.setModulator(Modulator.SEROTONIN, 1.0);
    long c = spikesOver(calm, 100), n = spikesOver(base, 100);
    assertTrue(c < n, "5-HT high " + c + " spikes vs baseline " + n);
  }

  @Test
  void focusedRecallIsNarrowerThanBroadRecall() {
    Brain b = new Brain(TestBrains.small(Seeds.SEED));
    b.step(100); // a running brain: from its initial state this small, dense one can fall silent (docs/SPIKING.md)
    for (int i = 0; i < 8; i++) b.imprintTriple("s" + i, "rel" + (i % 2), "o" + i);
    int focused = 0, broad = 0;
    for (int i = 0; i < 8; i++) {
      focused += b.recall(List.of("s" + i), 30, RecallMode.FOCUSED).ranked().size();
      broad += b.recall(List.of("s" + i), 30, RecallMode.BROAD).ranked().size();
    }
    System.out.println("recall breadth: focused " + focused + " broad " + broad);
    assertTrue(broad > focused, "NE broad recall reached " + broad + " concepts, ACh focused " + focused);
  }

  @Test
  void homeostasisRaisesGainOfSilentNeurons() {
    Brain b = new Brain(TestBrains.silent());
    int i = b.regionStart(0);
    b.step(500);
    assertTrue(b.gain(i) > 1.0f, "gain " + b.gain(i));
    assertTrue(b.gain(i) <= (float) b.config().homeostasis().gainMax());
  }

  @Test
  void recallLeavesTheBrainUnchanged() {
    Brain b = new Brain(TestBrains.small(Seeds.SEED));
    b.imprintTriple("a", "b", "c");
    byte[] before = BrainCodec.save(b);
    b.recall("a");
    assertTrue(java.util.Arrays.equals(before, BrainCodec.save(b)));
  }

  @Test
  void sleepPrunesWeakSynapsesAndKeepsWhatWasLearned() {
    Brain b = new Brain(TestBrains.small(Seeds.SEED));
    int n = 10;
    for (int i = 0; i < n; i++) b.imprintTriple("subj" + i, "rel" + (i % 3), "obj" + i);
    int hitsBefore = 0;
    for (int i = 0; i < n; i++) { int rank = b.recall("subj" + i).rankOf("obj" + i); if (rank >= 0 && rank < 5) hitsBefore++; }
    int synapses = b.learnedSynapseCount();
    double fwd = b.meanWeight("subj0", "rel0");
    Brain.SleepReport r = b.sleep();
    int hitsAfter = 0;
    for (int i = 0; i < n; i++) {
      int rank = b.recall("subj" + i).rankOf("obj" + i);
      if (rank >= 0 && rank < 5) hitsAfter++;
    }
    System.out.println("sleep: " + r + " synapses " + synapses + " -> " + b.learnedSynapseCount() + ", hits " + hitsBefore + " -> " + hitsAfter
        + ", subj0->rel0 " + fwd + " -> " + b.meanWeight("subj0", "rel0"));
    assertEquals(n, r.replayed());
    assertTrue(b.learnedSynapseCount() <= synapses);
    assertTrue(hitsAfter >= hitsBefore, "sleep lost recall: " + hitsBefore + " -> " + hitsAfter);
    assertTrue(b.meanWeight("subj0", "rel0") >= fwd * 0.9);
  }
}
