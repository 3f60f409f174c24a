package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * The "dream": an imagination chain through the graph. From a start concept, each step follows an
 * edge picked at random with probability proportional to its weight (strong associations are dreamt
 * more often, weak ones still sometimes), never revisiting a concept, until the chain has the asked
 * length or reaches a dead end. Each step carries one learned statement behind its edge, so a dream
 * can be told; an edge that only ties parts of a name is told as "a ~ b".
 *
 * <p>Seeded and self-contained (SplitMix64), so the same seed gives the same dream on the JVM and in
 * wasm. The spiking replay part of dreaming belongs to the spiking package's sleep; a host can feed
 * a dream's concepts to it.
 */
public final class DreamWalk {
  private final KnowledgeGraph graph;

  public DreamWalk(KnowledgeGraph graph) {
    if (graph == null) {
      throw new IllegalArgumentException("graph is required");
    }
    this.graph = graph;
  }

  /** One step: from, to, and the text of one triple behind the edge between them. */
  public record Step(int from, int to, String fromName, String toName, String triple) {}

  /**
   * @param start concept to start from, or -1 to pick one (weighted by degree) with the seed
   * @param length most steps, 1..64
   * @param seed random seed; the same seed and graph give the same dream
   */
  public List<Step> dream(int start, int length, long seed) {
    if (length < 1 || length > 64) {
      throw new IllegalArgumentException("dream length must be in 1..64, got " + length);
    }
    if (graph.edgeCount() == 0) {
      return List.of();
    }
    long[] state = {seed};
    int cur = start;
    if (cur < 0) {
      cur = pickStart(state);
    } else if (cur >= graph.conceptCount()) {
      throw new IllegalArgumentException("no concept with id " + start);
    }
    boolean[] seen = new boolean[graph.conceptCount()];
    seen[cur] = true;
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      int[] edges = graph.edgesOf(cur);
      double total = 0;
      for (int e : edges) {
        if (!seen[graph.other(e, cur)]) {
          total += graph.weight(e);
        }
      }
      if (total <= 0) {
        break;
      }
      double r = nextDouble(state) * total;
      int chosen = -1;
      for (int e : edges) {
        if (seen[graph.other(e, cur)]) {
          continue;
        }
        chosen = e;
        r -= graph.weight(e);
        if (r < 0) {
          break;
        }
      }
      int next = graph.other(chosen, cur);
      String text = tell(graph.triplesOn(chosen), nextDouble(state));
      steps.add(new Step(cur, next, graph.name(cur), graph.name(next), text));
      seen[next] = true;
      cur = next;
    }
    return steps;
  }

  /** One triple behind the edge, picked by {@code r}; a learned statement over a structural tie. */
  private String tell(int[] triples, double r) {
    int told = 0;
    for (int t : triples) {
      if (!KnowledgeGraph.isStructural(graph.tripleRelation(t))) {
        told++;
      }
    }
    if (told == 0) {
      int t = triples[(int) (r * triples.length)];
      return graph.name(graph.tripleSubject(t)) + " ~ " + graph.name(graph.tripleObject(t));
    }
    int pick = (int) (r * told);
    for (int t : triples) {
      if (!KnowledgeGraph.isStructural(graph.tripleRelation(t)) && pick-- == 0) {
        return graph.tripleText(t);
      }
    }
    throw new IllegalStateException("unreachable: " + told + " statements counted");
  }

  private int pickStart(long[] state) {
    double total = 2.0 * graph.edgeCount();
    double r = nextDouble(state) * total;
    for (int c = 0; c < graph.conceptCount(); c++) {
      r -= graph.degree(c);
      if (r < 0) {
        return c;
      }
    }
    return graph.conceptCount() - 1;
  }

  /** SplitMix64 step, top 53 bits as a double in [0, 1). */
  private static double nextDouble(long[] state) {
    long z = (state[0] += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
