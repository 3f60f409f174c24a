package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Imprint 200 triples, recall from each subject, and require its object in the top 5 assemblies for at least
 * 90% of subjects, against at most 5% for a control brain given the same triples with the objects shuffled.
 */
class ImprintRecallTest {
  static final int TRIPLES = 200, RELATIONS = 20, TOP = 5;

  /** Scale 0.02 (40,000 neurons) with 100 random synapses per neuron (weights scaled so K*w is Cortex's), assemblies of 16. */
  static BrainConfig testConfig(long seed) {
    BrainConfig base = BrainConfig.cortex(0.02, seed);
    ConnectivityParams c = base.connectivity();
    return base.withConnectivity(new ConnectivityParams(100, c.localFraction(), c.wExcMv() * 10, c.inhibitoryRatio(), c.noiseMeanMvPerMs(), c.noiseSdMv()))
        .withAssemblies(new AssemblyParams(16, 10, 5, 50, 6, 5, 30, 0.05, 100_000, 0.0));
  }

  static List<String[]> triples(long seed) {
    List<String[]> t = new ArrayList<>();
    for (int i = 0; i < TRIPLES; i++)
      t.add(new String[] {"subject-" + i, "relation-" + Det.below(Det.hash(seed, 7, i), RELATIONS), "object-" + i});
    return t;
  }

  static List<String[]> shuffledObjects(List<String[]> triples, long seed) {
    String[] objects = new String[triples.size()];
    for (int i = 0; i < objects.length; i++) objects[i] = triples.get(i)[2];
    for (int i = objects.length - 1; i > 0; i--) {
      int j = Det.below(Det.hash(seed, 11, i), i + 1);
      String x = objects[i];
      objects[i] = objects[j];
      objects[j] = x;
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < objects.length; i++) out.add(new String[] {triples.get(i)[0], triples.get(i)[1], objects[i]});
    return out;
  }

  static double hitRate(Brain b, List<String[]> truth) {
    int hits = 0;
    for (String[] t : truth) {
      int r = b.recall(t[0]).rankOf(t[2]);
      if (r >= 0 && r < TOP) hits++;
    }
    return hits / (double) truth.size();
  }

  static Brain imprinted(List<String[]> triples, long seed) {
    Brain b = new Brain(testConfig(seed));
    b.step(100);
    // Register every concept first so the two brains allocate identical assemblies to identical names.
    for (String[] t : triples) for (String c : t) b.concept(c);
    for (String[] t : triples) b.imprintTriple(t[0], t[1], t[2]);
    return b;
  }

  @Test
  void recallFindsObjectsAndBeatsShuffledControl() {
    long seed = Seeds.SEED;
    List<String[]> truth = triples(seed);
    long t0 = System.nanoTime();
    Brain real = imprinted(truth, seed);
    long t1 = System.nanoTime();
    double hit = hitRate(real, truth);
    long t2 = System.nanoTime();
    Brain control = imprinted(shuffledObjects(truth, seed), seed);
    double controlHit = hitRate(control, truth);
    System.out.println("imprint/recall: hit@" + TOP + " " + hit + " control " + controlHit + " learned synapses " + real.learnedSynapseCount()
        + " imprint " + (t1 - t0) / 1e6 + " ms, 200 recalls " + (t2 - t1) / 1e6 + " ms");
    assertTrue(hit >= 0.90, "hit rate " + hit + " < 0.90" + Seeds.rerun("ImprintRecallTest"));
    assertTrue(controlHit <= 0.05, "control hit rate " + controlHit + " > 0.05" + Seeds.rerun("ImprintRecallTest"));
  }
}
