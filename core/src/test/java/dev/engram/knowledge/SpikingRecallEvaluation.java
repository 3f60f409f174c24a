package dev.engram.knowledge;

import dev.engram.spiking.AssemblyParams;
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.Recall;
import dev.engram.spiking.RecallMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

/**
 * Benchmark, not a test: recall@5 graph-only vs spiking-only vs merged over the invented-topic corpus
 * with the REAL spiking brain (dev.engram.spiking.Brain), and how often [emergent] associations are
 * relevant. Every graph edge is imprinted once, subject then object (a two-item sequence); a question's
 * seeds are recalled, and each concept's evoked score is compared with {@link #CONTROLS} control
 * recalls from random seed sets of the same size (seeded), giving the empirical p-value the merge
 * uses for [emergent].
 *
 * <p>Run (after {@code mvn -q -B -pl core -am test-compile}):
 * {@code java -cp core/target/classes:core/target/test-classes dev.engram.knowledge.SpikingRecallEvaluation [scale] [assemblySize] [seed]}
 */
public final class SpikingRecallEvaluation {
  static final int CONTROLS = 19;

  /** The adapter: the knowledge side's SpikingRecall over a Brain holding the graph's triples. */
  static final class BrainRecall implements SpikingRecall {
    final Brain brain;
    final KnowledgeGraph graph;
    final HashSet<String> conceptKeys = new HashSet<>();
    final List<String> allConcepts = new ArrayList<>();
    final Random random;
    long recallNanos;
    int recalls;

    BrainRecall(Brain brain, KnowledgeGraph graph, long seed) {
      this.brain = brain;
      this.graph = graph;
      this.random = new Random(seed);
      for (int e = 0; e < graph.edgeCount(); e++) {
        int t = graph.triplesOn(e)[0];
        String s = graph.key(graph.tripleSubject(t));
        String o = graph.key(graph.tripleObject(t));
        // subject -> object as a timed sequence: relation assemblies would take a third of the capacity
        // and a third of the imprint time at the small scale this runs at, and are never answers
        brain.imprintSequence(List.of(s, o));
        if (conceptKeys.add(s)) {
          allConcepts.add(s);
        }
        if (conceptKeys.add(o)) {
          allConcepts.add(o);
        }
      }
    }

    private final HashMap<List<String>, List<SpikingActivation>> memo = new HashMap<>();

    /** Memoised per seed list: the evaluation asks twice per question (spiking-only, then merged). */
    @Override
    public List<SpikingActivation> recall(List<String> seeds, int limit) {
      List<SpikingActivation> all = memo.computeIfAbsent(List.copyOf(seeds), this::recallAll);
      return all.size() <= limit ? all : all.subList(0, limit);
    }

    private List<SpikingActivation> recallAll(List<String> seeds) {
      List<String> keys = new ArrayList<>();
      for (String s : seeds) {
        String k = ConceptNames.key(s);
        if (conceptKeys.contains(k) && !keys.contains(k)) {
          keys.add(k);
        }
      }
      if (keys.isEmpty()) {
        return List.of();
      }
      HashMap<String, Double> evoked = scores(keys);
      HashMap<String, int[]> atOrAbove = new HashMap<>();
      HashMap<String, Double> controlSum = new HashMap<>();
      for (int k = 0; k < CONTROLS; k++) {
        List<String> control = new ArrayList<>();
        while (control.size() < keys.size()) {
          String c = allConcepts.get(random.nextInt(allConcepts.size()));
          if (!keys.contains(c) && !control.contains(c)) {
            control.add(c);
          }
        }
        HashMap<String, Double> cs = scores(control);
        for (String c : evoked.keySet()) {
          double v = cs.getOrDefault(c, 0.0);
          controlSum.merge(c, v, Double::sum);
          if (v >= evoked.get(c)) {
            atOrAbove.computeIfAbsent(c, x -> new int[1])[0]++;
          }
        }
      }
      List<SpikingActivation> out = new ArrayList<>();
      for (var e : evoked.entrySet()) {
        double mean = controlSum.getOrDefault(e.getKey(), 0.0) / CONTROLS;
        int above = atOrAbove.containsKey(e.getKey()) ? atOrAbove.get(e.getKey())[0] : 0;
        out.add(new SpikingActivation(e.getKey(), e.getValue(), mean, e.getValue() > mean, false, CONTROLS, above));
      }
      out.sort((a, b) -> Double.compare(b.activation(), a.activation()));
      return out;
    }

    private HashMap<String, Double> scores(List<String> seeds) {
      long t0 = System.nanoTime();
      Recall r = brain.recall(seeds, brain.config().assemblies().recallSteps(), RecallMode.NEUTRAL);
      recallNanos += System.nanoTime() - t0;
      recalls++;
      HashMap<String, Double> out = new HashMap<>();
      for (Recall.Hit h : r.ranked()) {
        if (conceptKeys.contains(h.concept()) && h.spikesPerNeuron() > 0) {
          out.put(h.concept(), h.spikesPerNeuron());
        }
      }
      return out;
    }
  }

  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.01;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    KnowledgeBase kb = TopicCorpus.learnAll();
    KnowledgeGraph g = kb.graph();
    AssemblyParams base = AssemblyParams.forScale(scale);
    BrainConfig config = BrainConfig.cortex(scale, seed).withAssemblies(new AssemblyParams(size, Math.min(size, 10),
        base.offsetMs(), base.gapMs(), base.injectMv(), base.injectMs(), base.recallSteps(), base.pruneBelowMv(),
        base.replayCapacity(), base.encodingGain()));
    long t0 = System.nanoTime();
    Brain brain = new Brain(config);
    BrainRecall spiking = new BrainRecall(brain, g, seed);
    double buildS = (System.nanoTime() - t0) / 1e9;
    System.out.println("brain: scale " + scale + ", " + brain.neuronCount() + " neurons, assemblies of " + size + ", "
        + brain.conceptCount() + " concept assemblies, "
        + g.edgeCount() + " edges imprinted in " + Math.round(buildS * 10) / 10.0 + " s; seed " + seed);
    for (String kind : new String[] {"single", "cross"}) {
      RecallEvaluationTest.Comparison c = RecallEvaluationTest.compare(kb, TopicCorpus.questions(), kind, spiking);
      System.out.println(kind + ": graph-only " + c.graph().hits() + "/" + c.graph().expected()
          + ", spiking-only " + c.spiking().hits() + "/" + c.spiking().expected()
          + ", merged " + c.merged().hits() + "/" + c.merged().expected()
          + "; [emergent] in merged top-5: " + c.emergentShown() + ", relevant " + c.emergentRelevant());
    }
    System.out.println("spiking recalls: " + spiking.recalls + ", mean " + Math.round(spiking.recallNanos / 1e6 / Math.max(1, spiking.recalls) * 10) / 10.0 + " ms each");
  }
}
