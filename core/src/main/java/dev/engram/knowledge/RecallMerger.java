package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Merges graph recall with spiking recall and tags every association honestly:
 *
 * <ul>
 *   <li>graph and spiking above control: {@link Tag#CONFIRMED};
 *   <li>graph only (spiking silent, below control, or not asked): {@link Tag#EXPLICIT};
 *   <li>spiking only, above control at the stated significance ({@code pValue <= emergentAlpha} over the
 *       implementer's control runs), association region: {@link Tag#EMERGENT};
 *   <li>the same from the predictive region: {@link Tag#PREDICTED};
 *   <li>spiking only and not significantly above control: dropped, and counted in {@link Merged#belowControl()}.
 * </ul>
 *
 * A spiking concept is matched to a graph concept by its key (fuzzy-free: the spiking side names
 * concepts as the graph gave them). The question's own seed concepts are never returned.
 */
public final class RecallMerger {
  private final KnowledgeGraph graph;
  private final MergeParams params;

  public RecallMerger(KnowledgeGraph graph, MergeParams params) {
    if (graph == null || params == null) {
      throw new IllegalArgumentException("graph and params are required");
    }
    this.graph = graph;
    this.params = params;
  }

  /** The merged associations and how many spiking activations were dropped as below control. */
  public record Merged(List<Association> associations, int belowControl) {}

  /** The seed names handed to spiking recall: graph display names of the exact and fuzzy seeds. */
  public static List<String> seedNames(RecallResult graphResult) {
    List<String> names = new ArrayList<>();
    for (ConceptMatch m : graphResult.seeds()) {
      if (m.named()) {
        names.add(m.name());
      }
    }
    return names;
  }

  /** Runs {@code spiking} from the graph result's seeds (when there are any) and merges. */
  public Merged recall(RecallResult graphResult, SpikingRecall spiking) {
    List<String> seeds = seedNames(graphResult);
    if (spiking == null || seeds.isEmpty()) {
      return merge(graphResult, List.of());
    }
    List<SpikingRecall.SpikingActivation> acts = spiking.recall(seeds, params.maxResults() * 2);
    if (acts == null) {
      throw new IllegalStateException("spiking recall returned null; it must return a list");
    }
    return merge(graphResult, acts);
  }

  public Merged merge(RecallResult graphResult, List<SpikingRecall.SpikingActivation> spiking) {
    HashMap<String, Integer> seedKeys = new HashMap<>();
    for (ConceptMatch m : graphResult.seeds()) {
      if (m.named()) {
        seedKeys.put(graph.key(m.concept()), m.concept());
      }
    }
    double maxSpike = 0;
    for (SpikingRecall.SpikingActivation s : spiking) {
      if (s.beatsControl()) {
        maxSpike = Math.max(maxSpike, s.activation());
      }
    }
    // best spiking activation per concept key (the spiking side may report a concept twice)
    HashMap<String, SpikingRecall.SpikingActivation> spikeByKey = new HashMap<>();
    int below = 0;
    for (SpikingRecall.SpikingActivation s : spiking) {
      String key = ConceptNames.key(s.concept());
      if (key.isEmpty() || seedKeys.containsKey(key)) {
        continue;
      }
      SpikingRecall.SpikingActivation old = spikeByKey.get(key);
      if (old == null || better(s, old)) {
        spikeByKey.put(key, s);
      }
    }
    List<Association> out = new ArrayList<>();
    HashMap<String, Boolean> graphKeys = new HashMap<>();
    int rank = 0;
    int ranked = graphResult.associations().size();
    for (Association a : graphResult.associations()) {
      String key = graph.key(a.concept());
      graphKeys.put(key, Boolean.TRUE);
      // by rank, not raw strength: graph recall's order (diversified across mentions) is kept
      // whenever spiking adds nothing
      double g = (double) (ranked - rank++) / ranked;
      SpikingRecall.SpikingActivation s = spikeByKey.get(key);
      if (s != null && s.beatsControl() && maxSpike > 0) {
        double sp = s.activation() / maxSpike;
        out.add(new Association(a.concept(), a.name(), params.graphWeight() * g + params.spikingWeight() * sp,
            Tag.CONFIRMED, a.hops(), a.via(), a.triples(), s.activation()));
      } else {
        out.add(new Association(a.concept(), a.name(), params.graphWeight() * g, Tag.EXPLICIT,
            a.hops(), a.via(), a.triples(), s == null ? 0 : s.activation()));
      }
    }
    for (java.util.Map.Entry<String, SpikingRecall.SpikingActivation> e : spikeByKey.entrySet()) {
      if (graphKeys.containsKey(e.getKey())) {
        continue;
      }
      SpikingRecall.SpikingActivation s = e.getValue();
      if (!s.beatsControl() || maxSpike <= 0 || s.pValue() > params.emergentAlpha()) {
        below++;
        continue;
      }
      int concept = graph.find(e.getKey());
      String name = concept >= 0 ? graph.name(concept) : s.concept();
      out.add(new Association(concept, name, params.emergentWeight() * s.activation() / maxSpike,
          s.predicted() ? Tag.PREDICTED : Tag.EMERGENT, 0, -1, List.of(), s.activation()));
    }
    // stable sort; spiking-only entries come from a hash map, so equal scores fall back to the name
    out.sort((a, b) -> {
      int c = Double.compare(b.strength(), a.strength());
      if (c != 0 || (a.concept() >= 0 && b.concept() >= 0 && a.tag() != Tag.EMERGENT && b.tag() != Tag.EMERGENT
          && a.tag() != Tag.PREDICTED && b.tag() != Tag.PREDICTED)) {
        return c;
      }
      return a.name().compareTo(b.name());
    });
    if (out.size() > params.maxResults()) {
      out = new ArrayList<>(out.subList(0, params.maxResults()));
    }
    // below-control graph concepts were kept as explicit; count them too, they are spiking noise
    for (Association a : graphResult.associations()) {
      SpikingRecall.SpikingActivation s = spikeByKey.get(graph.key(a.concept()));
      if (s != null && !s.beatsControl()) {
        below++;
      }
    }
    return new Merged(out, below);
  }

  private static boolean better(SpikingRecall.SpikingActivation a, SpikingRecall.SpikingActivation b) {
    if (a.beatsControl() != b.beatsControl()) {
      return a.beatsControl();
    }
    return a.activation() > b.activation();
  }
}
