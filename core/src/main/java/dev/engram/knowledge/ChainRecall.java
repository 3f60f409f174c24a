package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * BFS chain recall over the concept graph: the question's concepts are seeds; from each seed a
 * layered breadth-first search runs up to {@code maxHops}, expanding each concept's strongest edges
 * first and only its {@code fanOut} strongest, carrying an activation that decays per hop, saturates
 * with edge weight, is damped at hubs, and is raised on edges whose triple uses the question's verb
 * (or a kindred one, see {@link Lexicon}). Seeds whose question words overlap are one mention; a
 * concept's score is the sum over mentions of its best path activation from that mention, so a
 * concept tied to two things the question names (a cross-topic bridge) outranks one tied to one.
 *
 * <p>Noise filtering: generic concepts (time words, directions) are neither crossed nor returned;
 * concepts the question names, shorter names of them, and names made mostly of the question's own
 * words are not returned; the ranking is diversified so one mention cannot fill the top ranks.
 *
 * <p>Cost: per seed at most maxHops layers, each concept re-expanded only when its activation
 * improves; scratch arrays of O(concepts) are allocated per question (fine for thousands of
 * concepts; a graph of millions would want them pooled).
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
    HashSet<String> asked = new HashSet<>();
    for (String w : ConceptNames.words(question)) {
      asked.add(ConceptNames.singular(w));
    }
    return run(graph.match(question), new Query(questionVerbs(question), asked, asksQuantity(question)));
  }

  /** Recall from given seeds (e.g. concepts picked in a UI, or a dream's current concept). */
  public RecallResult recallFrom(List<ConceptMatch> seeds) {
    return run(seeds, new Query(new HashSet<>(), new HashSet<>(), true));
  }

  /** What one question brings besides its seeds: its verbs (edge boost, cached per edge) and its words. */
  private static final class Query {
    final HashSet<String> verbs;
    final HashSet<String> asked;
    final boolean quantity;
    final HashMap<Integer, Double> edgeBoost = new HashMap<>();

    Query(HashSet<String> verbs, HashSet<String> asked, boolean quantity) {
      this.verbs = verbs;
      this.asked = asked;
      this.quantity = quantity;
    }
  }

  /**
   * Base forms of the question's verbs ("grind" for "grinds"), minus auxiliaries: an edge whose
   * triple has one of these as relation is what the question asks about.
   */
  static HashSet<String> questionVerbs(String question) {
    HashSet<String> out = new HashSet<>();
    for (String w : ConceptNames.words(question)) {
      if (Lexicon.isBe(w) || Lexicon.isHave(w) || Lexicon.isModal(w)) {
        continue;
      }
      String b = Lexicon.base(w);
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  private RecallResult run(List<ConceptMatch> seeds, Query query) {
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
      if (s.named()) {
        isSeed[s.concept()] = true;
      }
    }
    double[] act = new double[n];
    int[] parent = new int[n];
    int[] parentEdge = new int[n];
    int[] depth = new int[n];
    IntList touched = new IntList();
    int[] primary = new int[n];
    int[] group = mentionGroups(seeds);
    int groups = 0;
    for (int g : group) {
      groups = Math.max(groups, g + 1);
    }
    // per mention: the best activation any of its seeds gives a concept; summed over mentions, and
    // the mentions after the strongest counted (1 + intersectionBonus) times (see RecallParams)
    double[] groupAct = new double[n];
    double[] strongestGroup = new double[n];
    int[] groupsReaching = new int[n];
    IntList groupTouched = new IntList();
    for (int g = 0; g < groups; g++) {
      groupTouched.clear();
      for (int si = 0; si < seeds.size(); si++) {
        if (group[si] != g) {
          continue;
        }
        ConceptMatch seed = seeds.get(si);
        spread(seed, act, parent, parentEdge, depth, touched, query);
        for (int i = 0; i < touched.size(); i++) {
          int c = touched.get(i);
          if (c != seed.concept() && act[c] > groupAct[c]) {
            if (groupAct[c] == 0) {
              groupTouched.add(c);
            }
            groupAct[c] = act[c];
            if (act[c] > bestFromAny[c]) {
              bestFromAny[c] = act[c];
              via[c] = parent[c];
              viaEdge[c] = parentEdge[c];
              hops[c] = depth[c];
              primary[c] = g;
            }
          }
          act[c] = 0;
        }
      }
      for (int i = 0; i < groupTouched.size(); i++) {
        int c = groupTouched.get(i);
        total[c] += groupAct[c];
        strongestGroup[c] = Math.max(strongestGroup[c], groupAct[c]);
        if (groupAct[c] >= params.minActivation() * 5) {
          groupsReaching[c]++;
        }
        groupAct[c] = 0;
      }
    }
    for (int c = 0; c < n; c++) {
      total[c] += params.intersectionBonus() * (total[c] - strongestGroup[c]);
      if (groupsReaching[c] >= 2) {
        primary[c] = -1; // shared by several mentions: it answers the question as a whole, not one mention
      }
    }
    // partial seeds keep their own activation when nothing else reached them
    List<Association> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (total[c] >= params.minActivation() && !isSeed[c] && !nameVariantOfSeed(c, via[c], viaEdge[c], isSeed)
          && !mostlyAsked(c, query.asked) && (query.quantity || !isQuantity(c))) {
        out.add(association(c, total[c], hops[c], via[c], viaEdge[c]));
      }
    }
    out.sort((a, b) -> Double.compare(b.strength(), a.strength()));
    out = diversify(out, primary, Math.max(1, groups));
    if (out.size() > params.maxResults()) {
      out = new ArrayList<>(out.subList(0, params.maxResults()));
    }
    return new RecallResult(seeds, out);
  }

  /**
   * Groups seeds into mentions: seeds whose question words overlap ("Velmora bell founders" matched
   * as "Velmora bells", "founders" and "bell founders of Velmora") are one mention, so that mention
   * counts once; so are named seeds on adjacent words ("knotball players" matched as "Knotball" and
   * "players"). Union-find over the seeds' token masks; a seed without tokens is its own mention.
   */
  static int[] mentionGroups(List<ConceptMatch> seeds) {
    int k = seeds.size();
    int[] parent = new int[k];
    for (int i = 0; i < k; i++) {
      parent[i] = i;
    }
    // named seeds first: overlapping or side by side, they are one mention
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        ConceptMatch a = seeds.get(i);
        ConceptMatch b = seeds.get(j);
        if (!a.named() || !b.named()) {
          continue;
        }
        long ti = a.tokens();
        long tj = b.tokens();
        if ((ti & tj) != 0 || ((ti << 1) & tj) != 0 || ((tj << 1) & ti) != 0) {
          union(parent, i, j);
        }
      }
    }
    // a partial seed joins the first named mention it shares a word with and never bridges two
    // mentions ("main prey of the quillfin heron" must not make "prey" and "quillfin heron" one);
    // partial seeds sharing words with no named seed group among themselves
    for (int j = 0; j < k; j++) {
      ConceptMatch b = seeds.get(j);
      if (b.named()) {
        continue;
      }
      boolean joined = false;
      for (int i = 0; i < k && !joined; i++) {
        if (seeds.get(i).named() && (seeds.get(i).tokens() & b.tokens()) != 0) {
          union(parent, i, j);
          joined = true;
        }
      }
      for (int i = 0; i < j && !joined; i++) {
        if (!seeds.get(i).named() && (seeds.get(i).tokens() & b.tokens()) != 0 && !touchesNamed(seeds, i)) {
          union(parent, i, j);
          joined = true;
        }
      }
    }
    int[] id = new int[k];
    int[] rootId = new int[k];
    java.util.Arrays.fill(rootId, -1);
    int next = 0;
    for (int i = 0; i < k; i++) {
      int r = find(parent, i);
      if (rootId[r] < 0) {
        rootId[r] = next++;
      }
      id[i] = rootId[r];
    }
    return id;
  }

  private static boolean touchesNamed(List<ConceptMatch> seeds, int i) {
    for (ConceptMatch m : seeds) {
      if (m.named() && (m.tokens() & seeds.get(i).tokens()) != 0) {
        return true;
      }
    }
    return false;
  }

  private static void union(int[] parent, int i, int j) {
    int a = find(parent, i);
    int b = find(parent, j);
    if (a != b) {
      parent[b] = a;
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * Re-orders (never re-scores) so one seed's neighbourhood cannot fill the top ranks: each pick
   * multiplies the effective score of later concepts reached mainly from the same seed by
   * {@code diversity}. A question naming two topics then gets answers from both.
   */
  private List<Association> diversify(List<Association> ranked, int[] primary, int seedCount) {
    if (params.diversity() >= 1 || seedCount < 2) {
      return ranked;
    }
    int[] picks = new int[seedCount];
    List<Association> pool = new ArrayList<>(ranked);
    List<Association> out = new ArrayList<>();
    int limit = Math.min(pool.size(), params.maxResults());
    while (out.size() < limit) {
      int best = -1;
      double bestScore = -1;
      for (int i = 0; i < pool.size(); i++) {
        Association a = pool.get(i);
        int p = primary[a.concept()];
        double eff = p < 0 ? a.strength() : a.strength() * Math.pow(params.diversity(), picks[p]);
        if (eff > bestScore) {
          bestScore = eff;
          best = i;
        }
      }
      Association a = pool.remove(best);
      if (primary[a.concept()] >= 0) {
        picks[primary[a.concept()]]++;
      }
      out.add(a);
    }
    return out;
  }

  /**
   * A concept tied to a seed only by a part-of-name edge ("astronomer" for the seed "team of twelve
   * astronomers") is another name of what the question names, not an answer: it spreads but is not listed.
   */
  private static final String[] NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens"
  };

  /**
   * "twenty eels", "one night", "thousands of eels": a count of something, the answer to "how many",
   * "how long" or "when", and noise for any other question (it sits one hop from whatever it counts).
   */
  private boolean isQuantity(int c) {
    List<String> w = ConceptNames.words(graph.key(c));
    if (w.isEmpty()) {
      return false;
    }
    String first = w.get(0);
    if (first.length() > 0 && Character.isDigit(first.charAt(0))) {
      return true;
    }
    for (String n : NUMBER_WORDS) {
      if (n.equals(first)) {
        return true;
      }
    }
    return false;
  }

  /** Does the question ask for an amount, a duration or a time? Then counts are answers. */
  static boolean asksQuantity(String question) {
    List<String> w = ConceptNames.words(question);
    for (int i = 0; i < w.size(); i++) {
      String x = w.get(i);
      if (x.equals("when") || (x.equals("how") && i + 1 < w.size() && (w.get(i + 1).equals("many")
          || w.get(i + 1).equals("much") || w.get(i + 1).equals("long") || w.get(i + 1).equals("old")
          || w.get(i + 1).equals("far") || w.get(i + 1).equals("often")))) {
        return true;
      }
    }
    return false;
  }

  /** More than half of the concept's content words are in the question: a rewording, not an answer. */
  private boolean mostlyAsked(int c, HashSet<String> asked) {
    int total = 0;
    int hit = 0;
    for (String w : ConceptNames.words(graph.key(c))) {
      if (ConceptNames.isStopWord(w)) {
        continue;
      }
      total++;
      if (asked.contains(ConceptNames.singular(w))) {
        hit++;
      }
    }
    return total > 0 && hit * 2 > total;
  }

  private boolean nameVariantOfSeed(int c, int from, int edge, boolean[] isSeed) {
    if (from < 0 || edge < 0 || !isSeed[from]) {
      return false;
    }
    // "comet Veyra" for the seed "comet" is more specific: an answer. Only shorter names are variants.
    if (ConceptNames.words(graph.key(c)).size() >= ConceptNames.words(graph.key(from)).size()) {
      return false;
    }
    for (int t : graph.triplesOn(edge)) {
      if (!graph.tripleRelation(t).equals(KnowledgeGraph.PART_RELATION)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Is edge {@code e} only a part-of-name edge from {@code u} up to the longer name {@code v} ("glassworks"
   * to "Quillon glassworks"), with {@code u} part of no other name? A question that says "the glassworks" means
   * that longer name, so activation crosses such an edge with the hop's decay but not thinned by the
   * edge's weight (a name is mentioned once, however often its facts are).
   */
  private boolean nameOf(int e, int u, int v) {
    if (!nameUp(e, u, v)) {
      return false;
    }
    for (int f : graph.edgesOf(u)) {
      if (f != e && nameUp(f, u, graph.other(f, u))) {
        return false; // "Velmora" is part of a dozen names and stands for none of them in particular
      }
    }
    return true;
  }

  private boolean nameUp(int e, int u, int v) {
    for (int t : graph.triplesOn(e)) {
      if (!graph.tripleRelation(t).equals(KnowledgeGraph.PART_RELATION)) {
        return false; // checked first: most edges carry a statement, and this needs no allocation
      }
    }
    return ConceptNames.words(graph.key(v)).size() > ConceptNames.words(graph.key(u)).size();
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
  private void spread(ConceptMatch seed, double[] act, int[] parent, int[] parentEdge, int[] depth, IntList touched,
      Query query) {
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
          if (ConceptNames.isNoiseConcept(graph.key(v))) {
            continue;
          }
          double a = nameOf(e, u, v) ? out : out * (w / (w + params.saturation())) * boost(e, query);
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

  /** 1 + relationBoost when a triple on the edge has a relation whose verb the question uses, else 1. */
  private double boost(int edge, Query query) {
    if (query.verbs.isEmpty() || params.relationBoost() == 0) {
      return 1;
    }
    Double cached = query.edgeBoost.get(edge);
    if (cached != null) {
      return cached;
    }
    double b = 1;
    for (int t : graph.triplesOn(edge)) {
      for (String w : ConceptNames.words(graph.tripleRelation(t))) {
        String base = Lexicon.base(w);
        if (base == null) {
          continue;
        }
        if (query.verbs.contains(base)) {
          b = Math.max(b, 1 + params.relationBoost());
        } else if (sameClass(base, query.verbs)) {
          b = Math.max(b, 1 + params.relationBoost() / 2); // a kindred verb: half the boost
        }
      }
    }
    query.edgeBoost.put(edge, b);
    return b;
  }

  private static boolean sameClass(String base, HashSet<String> verbs) {
    for (int c : Lexicon.verbClasses(base)) {
      for (String v : verbs) {
        for (int d : Lexicon.verbClasses(v)) {
          if (c == d) {
            return true;
          }
        }
      }
    }
    return false;
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
