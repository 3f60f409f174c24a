package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BFS chain recall over the concept graph: the question's concepts are seeds; from each seed a
 * layered breadth-first search runs up to {@code maxHops}, expanding each concept's strongest edges
 * first and only its {@code fanOut} strongest, carrying an activation that decays per hop, saturates
 * with edge weight and is damped at hubs. A concept's score is the sum over seeds of its best path
 * activation from that seed, so a concept tied to two seeds (a cross-topic bridge) outranks one tied
 * to a single seed. Concepts named in the question are not returned (they are the question).
 *
 * <p>Cost: per seed, at most maxHops layers, each concept expanded at most once per improvement;
 * scratch arrays are sized to the graph and reused across seeds.
 */
public final class ChainRecall {
  private final KnowledgeGraph graph;
  private final RecallParams params;

  public ChainRecall(KnowledgeGraph graph, RecallParams params) {
    if (graph == null || params == null) {
      throw new IllegalArgumentException("graph and params are required");
    }
    this.graph = graph;
    this.params = params;
  }

  public RecallResult recall(String question) {
    if (question == null) {
      throw new IllegalArgumentException("question must not be null");
    }
    return recallFrom(graph.match(question));
  }

  /** Recall from given seeds (e.g. concepts picked in a UI, or a dream's current concept). */
  public RecallResult recallFrom(List<ConceptMatch> seeds) {
    int n = graph.conceptCount();
    double[] total = new double[n];
    double[] bestFromAny = new double[n];
    int[] via = new int[n];
    int[] viaEdge = new int[n];
    int[] hops = new int[n];
    Arrays.fill(via, -1);
    Arrays.fill(viaEdge, -1);
    boolean[] isSeed = new boolean[n];
    for (ConceptMatch s : seeds) {
      if (s.kind() != ConceptMatch.Kind.PARTIAL) {
        isSeed[s.concept()] = true;
      }
    }
    double[] act = new double[n];
    int[] parent = new int[n];
    int[] parentEdge = new int[n];
    int[] depth = new int[n];
    IntList touched = new IntList();
    for (ConceptMatch seed : seeds) {
      spread(seed, act, parent, parentEdge, depth, touched);
      for (int i = 0; i < touched.size(); i++) {
        int c = touched.get(i);
        if (c != seed.concept()) {
          total[c] += act[c];
          if (act[c] > bestFromAny[c]) {
            bestFromAny[c] = act[c];
            via[c] = parent[c];
            viaEdge[c] = parentEdge[c];
            hops[c] = depth[c];
          }
        }
        act[c] = 0;
      }
    }
    // partial seeds keep their own activation when nothing else reached them
    List<Association> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (total[c] >= params.minActivation() && !isSeed[c]) {
        out.add(association(c, total[c], hops[c], via[c], viaEdge[c]));
      }
    }
    out.sort((a, b) -> Double.compare(b.strength(), a.strength()));
    if (out.size() > params.maxResults()) {
      out = new ArrayList<>(out.subList(0, params.maxResults()));
    }
    return new RecallResult(seeds, out);
  }

  private Association association(int c, double score, int hopCount, int from, int edge) {
    List<Integer> triples = new ArrayList<>();
    if (edge >= 0) {
      for (int t : graph.triplesOn(edge)) {
        triples.add(t);
      }
    }
    return new Association(c, graph.name(c), score, Tag.EXPLICIT, hopCount, from, triples, 0);
  }

  /** Layered BFS from one seed; leaves activations in {@code act} and the reached concepts in {@code touched}. */
  private void spread(ConceptMatch seed, double[] act, int[] parent, int[] parentEdge, int[] depth, IntList touched) {
    touched.clear();
    int s = seed.concept();
    act[s] = seed.score();
    parent[s] = -1;
    parentEdge[s] = -1;
    depth[s] = 0;
    touched.add(s);
    IntList frontier = new IntList();
    frontier.add(s);
    for (int hop = 1; hop <= params.maxHops() && frontier.size() > 0; hop++) {
      IntList next = new IntList();
      for (int fi = 0; fi < frontier.size(); fi++) {
        int u = frontier.get(fi);
        int[] edges = strongestEdges(u);
        double out = act[u] * params.hopDecay();
        if (u != s && params.hubDamping() > 0) {
          out /= Math.pow(Math.max(1, graph.degree(u)), params.hubDamping());
        }
        for (int e : edges) {
          int v = graph.other(e, u);
          double w = graph.weight(e);
          double a = out * (w / (w + params.saturation()));
          if (a < params.minActivation() || a <= act[v]) {
            continue;
          }
          if (act[v] == 0 && v != s) {
            touched.add(v);
          }
          act[v] = a;
          parent[v] = u;
          parentEdge[v] = e;
          depth[v] = hop;
          if (!next.contains(v)) {
            next.add(v);
          }
        }
      }
      frontier = next;
    }
  }

  /** The concept's edges, strongest first, at most fanOut of them. */
  private int[] strongestEdges(int u) {
    int[] edges = graph.edgesOf(u);
    // insertion sort, descending weight; ties by edge id for a stable, reproducible order
    for (int i = 1; i < edges.length; i++) {
      int e = edges[i];
      float w = graph.weight(e);
      int j = i - 1;
      while (j >= 0 && (graph.weight(edges[j]) < w || (graph.weight(edges[j]) == w && edges[j] > e))) {
        edges[j + 1] = edges[j];
        j--;
      }
      edges[j + 1] = e;
    }
    return edges.length <= params.fanOut() ? edges : Arrays.copyOf(edges, params.fanOut());
  }
}
