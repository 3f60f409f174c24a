package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Triple store and concept association graph.
 *
 * <p><b>Concepts</b> are subjects and objects of triples, stored under a normalised key
 * ({@link ConceptNames#key}) with the first surface form seen as display name; aliases are extra
 * keys for the same concept. A word index (word of a key -> concepts) serves partial matches.
 *
 * <p><b>Edges</b> are undirected, one per concept pair that appears as subject and object of some
 * triple. Each occurrence of a triple adds 1 to its edge's weight, so repetition strengthens an
 * association; recall reads the weight through a saturating curve. Cortex instead makes relations
 * concepts too and strengthens S->R, R->O and S->O; we do not, on purpose: generic relations ("uses",
 * "is", "has") become hubs that tie every topic to every other, which is exactly the noise Cortex's
 * own examples show ("moves", "stock price"). The relation stays a label on the triple, searchable by
 * recall (the question's verb raises its edges), and the triples behind every edge are kept for
 * grounding. Two structural relations add edges no text states, and answers never quote them:
 * {@link #PART_RELATION} ties a compound name to its parts ("glass bells of Velmora" to "glass bells"
 * and "Velmora"), {@link #CLAUSE_RELATION} ties the objects of one statement ("supply barley flour
 * to the bakeries"). Both make one thing named several ways one neighbourhood.
 *
 * <p>Layout: concepts, edges and triples are ids into parallel primitive arrays that double when
 * full ({@code edgeA/edgeB/edgeWeight/edgeFirstTriple}, {@code tripleS/R/O/Topic/Count/NextOnEdge});
 * adjacency is one {@link IntList} of edge ids per concept; edges and triples are found by packed
 * long keys in {@link LongIntMap}. Cost: about 24 bytes per edge and 28 per triple plus the strings.
 * Per-topic provenance: every triple carries its topic; the same statement learned in two topics is
 * two triples (one per topic) on the same edge.
 */
public final class KnowledgeGraph {
  /** Concept ids are packed into 21 bits of a triple key. */
  public static final int MAX_CONCEPTS = 1 << 21;

  private static final int NO_TRIPLE = -1;

  // concepts
  private String[] conceptKey = new String[64];
  private String[] conceptName = new String[64];
  private IntList[] conceptEdges = new IntList[64];
  private IntList[] conceptTopics = new IntList[64];
  private int conceptCount;
  private final HashMap<String, Integer> byKey = new HashMap<>();
  private final HashMap<String, IntList> byWord = new HashMap<>();

  // edges
  private int[] edgeA = new int[64];
  private int[] edgeB = new int[64];
  private float[] edgeWeight = new float[64];
  private int[] edgeFirstTriple = new int[64];
  private int edgeCount;
  private final LongIntMap edgeIndex = new LongIntMap(64);

  // triples
  private int[] tripleS = new int[64];
  private int[] tripleR = new int[64];
  private int[] tripleO = new int[64];
  private int[] tripleTopic = new int[64];
  private int[] tripleCount = new int[64];
  private int[] tripleNextOnEdge = new int[64];
  private int tripleCountTotal;
  private final LongIntMap tripleIndex = new LongIntMap(64);

  // relations and topics
  private final List<String> relations = new ArrayList<>();
  private final HashMap<String, Integer> relationIds = new HashMap<>();
  private final List<String> topics = new ArrayList<>();
  private final HashMap<String, Integer> topicIds = new HashMap<>();

  public int conceptCount() {
    return conceptCount;
  }

  public int edgeCount() {
    return edgeCount;
  }

  public int tripleCount() {
    return tripleCountTotal;
  }

  public int topicCount() {
    return topics.size();
  }

  public String topicName(int topic) {
    return topics.get(topic);
  }

  /** The id of {@code topic}, created on first use. */
  public int topic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    String t = topic.trim();
    Integer id = topicIds.get(t);
    if (id != null) {
      return id;
    }
    topics.add(t);
    topicIds.put(t, topics.size() - 1);
    return topics.size() - 1;
  }

  /** The topic id, or -1 when nothing was learned under that name. */
  public int findTopic(String topic) {
    Integer id = topic == null ? null : topicIds.get(topic.trim());
    return id == null ? -1 : id;
  }

  /**
   * Learns one triple under {@code topic}: interns subject and object, strengthens their edge by
   * one and records the triple (or counts a repetition). Returns the triple id, or -1 when subject
   * or object normalise to nothing or to the same concept (a statement about itself links nothing).
   */
  public int add(Triple triple, String topic) {
    int t = topic(topic);
    int before = conceptCount;
    int s = intern(triple.subject());
    int o = intern(triple.object());
    if (s < 0 || o < 0 || s == o) {
      return -1;
    }
    for (int c = before; c < conceptCount; c++) {
      linkParts(c, t);
    }
    int r = relation(triple.relation());
    addTopic(s, t);
    addTopic(o, t);
    int e = edge(s, o);
    edgeWeight[e] += 1f;
    long key = ((long) s << 42) | ((long) r << 21) | o;
    int first = tripleIndex.get(key, NO_TRIPLE);
    for (int id = first; id != NO_TRIPLE; id = nextSameStatement(id, s, r, o)) {
      if (tripleTopic[id] == t) {
        tripleCount[id]++;
        return id;
      }
    }
    int id = newTriple(s, r, o, t, e);
    if (first == NO_TRIPLE) {
      tripleIndex.put(key, id);
    }
    return id;
  }

  /**
   * Relation of the edges that tie a compound concept to its parts; answers do not quote them.
   * "glass bells of Velmora" is tied to "glass bells" and to "Velmora", "quillfin heron" to "heron":
   * a text names one thing in several ways ("the heron", "quillfin herons", "the main prey of the
   * quillfin heron"), and without these edges each way would be an island.
   */
  public static final String PART_RELATION = "(part of name)";

  /**
   * Relation of the edges between the direct object and a prepositional object of one statement
   * ("supply barley flour to the bakeries"); answers quote the statement's own triples, not these.
   */
  public static final String CLAUSE_RELATION = "(same statement)";

  /** True for the structural relations above, which answers never quote. */
  public static boolean isStructural(String relation) {
    return relation.equals(PART_RELATION) || relation.equals(CLAUSE_RELATION);
  }

  private void linkParts(int concept, int topic) {
    // display words, so parts keep their case ("comet Veyra" stays a proper name)
    List<String> w = new ArrayList<>();
    String shownName = conceptName[concept];
    int start = 0;
    for (int i = 0; i <= shownName.length(); i++) {
      if (i == shownName.length() || shownName.charAt(i) == ' ') {
        if (i > start) {
          w.add(shownName.substring(start, i));
        }
        start = i + 1;
      }
    }
    if (w.size() < 2) {
      return;
    }
    int of = w.indexOf("of");
    List<String> parts = new ArrayList<>();
    if (of > 0 && of < w.size() - 1) {
      parts.add(joinList(w, 0, of));
      parts.add(joinList(w, of + 1, w.size()));
    } else if (of < 0) {
      parts.add(w.get(w.size() - 1));
      // "comet Veyra", "the river Sorrel": a common noun named by a proper one is both
      String shown = conceptName[concept];
      int sp = shown.lastIndexOf(' ');
      if (sp > 0 && Character.isUpperCase(shown.charAt(sp + 1)) && Character.isLowerCase(shown.charAt(0))) {
        parts.add(joinList(w, 0, w.size() - 1));
      }
    }
    for (String p : parts) {
      String key = ConceptNames.key(p);
      if (key.isEmpty() || ConceptNames.isStopWord(key) || ConceptNames.isNoiseConcept(key)) {
        continue;
      }
      add(new Triple(conceptName[concept], PART_RELATION, p), topics.get(topic));
    }
  }

  private static String joinList(List<String> w, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w.get(i));
    }
    return sb.toString();
  }

  /** Next triple on the same edge with the same statement (other topics), or NO_TRIPLE. */
  private int nextSameStatement(int id, int s, int r, int o) {
    for (int n = tripleNextOnEdge[id]; n != NO_TRIPLE; n = tripleNextOnEdge[n]) {
      if (tripleS[n] == s && tripleR[n] == r && tripleO[n] == o) {
        return n;
      }
    }
    return NO_TRIPLE;
  }

  private int newTriple(int s, int r, int o, int t, int e) {
    int id = tripleCountTotal;
    if (id == tripleS.length) {
      int cap = id * 2;
      tripleS = Arrays.copyOf(tripleS, cap);
      tripleR = Arrays.copyOf(tripleR, cap);
      tripleO = Arrays.copyOf(tripleO, cap);
      tripleTopic = Arrays.copyOf(tripleTopic, cap);
      tripleCount = Arrays.copyOf(tripleCount, cap);
      tripleNextOnEdge = Arrays.copyOf(tripleNextOnEdge, cap);
    }
    tripleS[id] = s;
    tripleR[id] = r;
    tripleO[id] = o;
    tripleTopic[id] = t;
    tripleCount[id] = 1;
    // newest first on the edge's list: order does not matter to recall, prepending is O(1)
    tripleNextOnEdge[id] = edgeFirstTriple[e];
    edgeFirstTriple[e] = id;
    tripleCountTotal++;
    return id;
  }

  private int relation(String relation) {
    String r = isStructural(relation) || ConceptNames.words(relation).isEmpty()
        ? relation.trim().toLowerCase() : joinWords(relation);
    Integer id = relationIds.get(r);
    if (id != null) {
      return id;
    }
    if (relations.size() >= MAX_CONCEPTS) {
      throw new IllegalArgumentException("too many distinct relations (max " + MAX_CONCEPTS + ")");
    }
    relations.add(r);
    relationIds.put(r, relations.size() - 1);
    return relations.size() - 1;
  }

  private static String joinWords(String text) {
    StringBuilder sb = new StringBuilder();
    for (String w : ConceptNames.words(text)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
    }
    return sb.toString();
  }

  private void addTopic(int concept, int topic) {
    IntList ts = conceptTopics[concept];
    if (!ts.contains(topic)) {
      ts.add(topic);
    }
  }

  private int edge(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    long key = ((long) lo << 32) | hi;
    int e = edgeIndex.get(key, -1);
    if (e >= 0) {
      return e;
    }
    e = edgeCount;
    if (e == edgeA.length) {
      int cap = e * 2;
      edgeA = Arrays.copyOf(edgeA, cap);
      edgeB = Arrays.copyOf(edgeB, cap);
      edgeWeight = Arrays.copyOf(edgeWeight, cap);
      edgeFirstTriple = Arrays.copyOf(edgeFirstTriple, cap);
    }
    edgeA[e] = lo;
    edgeB[e] = hi;
    edgeWeight[e] = 0f;
    edgeFirstTriple[e] = NO_TRIPLE;
    edgeCount++;
    edgeIndex.put(key, e);
    conceptEdges[lo].add(e);
    conceptEdges[hi].add(e);
    return e;
  }

  /** The concept for {@code phrase}, created when new; -1 when the phrase has no content. */
  public int intern(String phrase) {
    String key = ConceptNames.key(phrase);
    if (key.isEmpty() || ConceptNames.isStopWord(key)) {
      return -1;
    }
    Integer id = byKey.get(key);
    if (id != null) {
      return id;
    }
    if (conceptCount >= MAX_CONCEPTS) {
      throw new IllegalArgumentException("too many concepts (max " + MAX_CONCEPTS + ")");
    }
    int c = conceptCount;
    if (c == conceptKey.length) {
      int cap = c * 2;
      conceptKey = Arrays.copyOf(conceptKey, cap);
      conceptName = Arrays.copyOf(conceptName, cap);
      conceptEdges = Arrays.copyOf(conceptEdges, cap);
      conceptTopics = Arrays.copyOf(conceptTopics, cap);
    }
    conceptKey[c] = key;
    conceptName[c] = displayName(phrase);
    conceptEdges[c] = new IntList();
    conceptTopics[c] = new IntList();
    conceptCount++;
    byKey.put(key, c);
    indexWords(key, c);
    return c;
  }

  private void indexWords(String key, int concept) {
    for (String w : ConceptNames.words(key)) {
      if (ConceptNames.isStopWord(w)) {
        continue;
      }
      String s = ConceptNames.singular(w);
      IntList list = byWord.get(s);
      if (list == null) {
        list = new IntList();
        byWord.put(s, list);
      }
      if (!list.contains(concept)) {
        list.add(concept);
      }
    }
  }

  /** The phrase with leading determiners dropped and spaces collapsed, case kept ("KV cache"). */
  private static String displayName(String phrase) {
    StringBuilder sb = new StringBuilder();
    StringBuilder word = new StringBuilder();
    boolean leading = true;
    int n = phrase.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? phrase.charAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          String w = word.toString();
          if (!(leading && ConceptNames.isDeterminer(w.toLowerCase()))) {
            leading = false;
            if (sb.length() > 0) {
              sb.append(' ');
            }
            sb.append(w);
          }
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Makes {@code alias} another name of the concept {@code canonical} (created if new). Fails when
   * the alias already names a different concept, rather than silently merging two concepts.
   */
  public int alias(String alias, String canonical) {
    int c = intern(canonical);
    String key = ConceptNames.key(alias);
    if (c < 0 || key.isEmpty()) {
      throw new IllegalArgumentException("alias and concept need content words: '" + alias + "' -> '" + canonical + "'");
    }
    Integer old = byKey.get(key);
    if (old != null && old != c) {
      throw new IllegalArgumentException(
          "alias '" + alias + "' already names the concept '" + conceptName[old] + "'");
    }
    byKey.put(key, c);
    indexWords(key, c);
    String shown = displayName(alias);
    List<String> names = aliasNames.get(c);
    if (names == null) {
      names = new ArrayList<>();
      aliasNames.put(c, names);
    }
    if (!names.contains(shown)) {
      names.add(shown);
    }
    return c;
  }

  private final HashMap<Integer, List<String>> aliasNames = new HashMap<>();

  /** The other names given to a concept with {@link #alias}, in the order learned. */
  public List<String> aliasesOf(int concept) {
    checkConcept(concept);
    List<String> names = aliasNames.get(concept);
    return names == null ? List.of() : List.copyOf(names);
  }

  /** The concept whose key or alias equals the key of {@code phrase}, or -1. */
  public int find(String phrase) {
    Integer id = byKey.get(ConceptNames.key(phrase));
    return id == null ? -1 : id;
  }

  public String name(int concept) {
    checkConcept(concept);
    return conceptName[concept];
  }

  public String key(int concept) {
    checkConcept(concept);
    return conceptKey[concept];
  }

  public int degree(int concept) {
    checkConcept(concept);
    return conceptEdges[concept].size();
  }

  /** Topic ids the concept was learned under. */
  public int[] topicsOf(int concept) {
    checkConcept(concept);
    return conceptTopics[concept].toArray();
  }

  /** Edge ids touching the concept. */
  public int[] edgesOf(int concept) {
    checkConcept(concept);
    return conceptEdges[concept].toArray();
  }

  /** The concept at the other end of edge {@code edge} from {@code concept}. */
  public int other(int edge, int concept) {
    return edgeA[edge] == concept ? edgeB[edge] : edgeA[edge];
  }

  public float weight(int edge) {
    return edgeWeight[edge];
  }

  /** The edge between two concepts, or -1. */
  public int edgeBetween(int a, int b) {
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    return edgeIndex.get(key, -1);
  }

  /** Triple ids on an edge, newest first. */
  public int[] triplesOn(int edge) {
    IntList out = new IntList();
    for (int t = edgeFirstTriple[edge]; t != NO_TRIPLE; t = tripleNextOnEdge[t]) {
      out.add(t);
    }
    return out.toArray();
  }

  public int tripleSubject(int triple) {
    return tripleS[triple];
  }

  public int tripleObject(int triple) {
    return tripleO[triple];
  }

  public String tripleRelation(int triple) {
    return relations.get(tripleR[triple]);
  }

  public int tripleTopic(int triple) {
    return tripleTopic[triple];
  }

  /** How many times this triple was learned under its topic. */
  public int tripleRepeats(int triple) {
    return tripleCount[triple];
  }

  /** "subject relation object", display names. */
  public String tripleText(int triple) {
    return conceptName[tripleS[triple]] + " " + relations.get(tripleR[triple]) + " " + conceptName[tripleO[triple]];
  }

  /** Concept ids learned under {@code topic}. */
  public int[] conceptsOfTopic(int topic) {
    IntList out = new IntList();
    for (int c = 0; c < conceptCount; c++) {
      if (conceptTopics[c].contains(topic)) {
        out.add(c);
      }
    }
    return out.toArray();
  }

  /**
   * The concepts learned under {@code topic} (every concept when it is null), most connected first, ties
   * by name: the order every host lists concepts in. A topic nobody learned is bad input.
   */
  public int[] conceptsByDegree(String topic) {
    int[] ids;
    if (topic == null) {
      ids = new int[conceptCount];
      for (int c = 0; c < ids.length; c++) {
        ids[c] = c;
      }
    } else {
      int t = findTopic(topic);
      if (t < 0) {
        throw new IllegalArgumentException("no topic named '" + topic + "' was learned");
      }
      ids = conceptsOfTopic(t);
    }
    List<Integer> order = new ArrayList<>(ids.length);
    for (int c : ids) {
      order.add(c);
    }
    order.sort((x, y) -> degree(x) != degree(y) ? Integer.compare(degree(y), degree(x)) : name(x).compareTo(name(y)));
    int[] out = new int[order.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = order.get(i);
    }
    return out;
  }

  private void checkConcept(int concept) {
    if (concept < 0 || concept >= conceptCount) {
      throw new IllegalArgumentException("no concept with id " + concept + " (have " + conceptCount + ")");
    }
  }

  /**
   * The concepts named in {@code text}: longest exact n-grams first (up to 6 words), then typo-tolerant
   * matches of whole concept keys for the words left, then partial matches (a content word inside a
   * longer concept name, scored down by name length and by how many concepts share the word).
   */
  public List<ConceptMatch> match(String text) {
    List<String> raw = ConceptNames.words(text);
    int n = raw.size();
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = ConceptNames.singular(raw.get(i));
    }
    boolean[] used = questionVerbPositions(raw);
    boolean[] verbAt = used.clone();
    List<ConceptMatch> out = new ArrayList<>();
    // multiword names first, exact then typo-tolerant, so "lantren eels" is not taken as "eels"
    exactPass(raw, w, used, out, 2);
    fuzzyPass(raw, w, used, out, 2);
    exactPass(raw, w, used, out, 1);
    fuzzyPass(raw, w, used, out, 1);
    // 3. contained and partial: concepts sharing content words with the question
    java.util.HashMap<String, Long> qwords = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      if (!ConceptNames.isStopWord(w[i]) && w[i].length() >= 2 && !verbAt[i]) {
        qwords.merge(w[i], span(i, 1), (a, b) -> a | b);
        if (!byWord.containsKey(w[i]) && ConceptNames.typoBudget(w[i].length()) > 0) {
          String near = nearestWord(w[i]);
          if (near != null) {
            qwords.merge(near, span(i, 1), (a, b) -> a | b);
          }
        }
      }
    }
    java.util.HashSet<Integer> candidates = new java.util.HashSet<>();
    for (String q : qwords.keySet()) {
      IntList holders = byWord.get(q);
      if (holders != null) {
        for (int k = 0; k < holders.size(); k++) {
          candidates.add(holders.get(k));
        }
      }
    }
    List<ConceptMatch> partial = new ArrayList<>();
    for (int c : candidates) {
      int total = 0;
      int hit = 0;
      long mask = 0;
      for (String cw : ConceptNames.words(conceptKey[c])) {
        if (ConceptNames.isStopWord(cw)) {
          continue;
        }
        total++;
        Long m = qwords.get(ConceptNames.singular(cw));
        if (m != null) {
          hit++;
          mask |= m;
        }
      }
      if (total == 0 || hit == 0) {
        continue;
      }
      if (hit == total) {
        if (total == 1 && insideExact(conceptKey[c], out)) {
          continue; // "station" inside "Orrin Station": the same mention, and a hub
        }
        addMatch(out, c, 0.9, ConceptMatch.Kind.CONTAINED, conceptKey[c], mask);
      } else {
        partial.add(new ConceptMatch(c, conceptName[c], 0.45 * hit / total, ConceptMatch.Kind.PARTIAL, conceptKey[c], mask));
      }
    }
    // a topic named in the question stands for its most connected concepts
    for (int i = 0, size = out.size(); i < size; i++) {
      int topic = findTopic(out.get(i).name());
      if (topic < 0) {
        topic = topicIds.getOrDefault(conceptName[out.get(i).concept()], -1);
      }
      if (topic >= 0) {
        int[] central = centralConcepts(topic, 3);
        for (int c : central) {
          partial.add(new ConceptMatch(c, conceptName[c], 0.45, ConceptMatch.Kind.PARTIAL, topics.get(topic),
              out.get(i).tokens()));
        }
      }
    }
    partial.sort((a, b) -> Double.compare(b.score(), a.score()));
    for (int k = 0; k < partial.size() && k < MAX_PARTIAL_SEEDS; k++) {
      ConceptMatch m = partial.get(k);
      addMatch(out, m.concept(), m.score(), m.kind(), m.matchedText(), m.tokens());
    }
    return out;
  }

  /**
   * Question words used as verbs ("What do herons <b>hunt</b>?", "What <b>lights</b> the festival?",
   * "which birds <b>return</b> for it"): they say what is asked about (recall boosts edges with that
   * verb), they are not things the question names, so they seed nothing even where a concept has the
   * same spelling ("light", "nest"). A word is read as a verb when the lexicon knows it as one, it does
   * not follow a determiner or preposition, and it ends the question or comes before a preposition, a
   * determiner or "and" (where a noun in a question rarely stands).
   */
  static boolean[] questionVerbPositions(List<String> raw) {
    int n = raw.size();
    boolean[] verb = new boolean[n];
    for (int i = 1; i < n; i++) {
      String word = raw.get(i);
      String prev = raw.get(i - 1);
      Lexicon.Form form = Lexicon.form(word);
      // only bare and -s forms: "-ing" and "-ed" words in questions are mostly names ("Halvard encoding")
      if ((form != Lexicon.Form.BASE && form != Lexicon.Form.THIRD) || Lexicon.isPreposition(prev) || prev.equals("of")) {
        continue;
      }
      String next = i + 1 < n ? raw.get(i + 1) : null;
      boolean verbSlot = next == null || Lexicon.isPreposition(next) || ConceptNames.isDeterminer(next)
          || next.equals("and") || Lexicon.isPronoun(next);
      boolean afterWh = prev.equals("what") || prev.equals("which") || prev.equals("who");
      if (!verbSlot) {
        continue;
      }
      if (!Lexicon.isListed(Lexicon.base(word))
          && (next == null || !(ConceptNames.isDeterminer(next) || Lexicon.isPronoun(next)))) {
        continue; // a verb only WordNet knows is mostly a noun here ("Orrin Station", "the Marrow group")
      }
      // "which birds" is a noun after a wh-determiner; "what lights the" is a verb before a determiner
      if (ConceptNames.isDeterminer(prev) && !(afterWh && next != null && ConceptNames.isDeterminer(next))) {
        continue;
      }
      verb[i] = true;
    }
    return verb;
  }

  private boolean insideExact(String word, List<ConceptMatch> matches) {
    String w = ConceptNames.singular(word);
    for (ConceptMatch m : matches) {
      if (m.kind() == ConceptMatch.Kind.EXACT || m.kind() == ConceptMatch.Kind.FUZZY) {
        for (String x : ConceptNames.words(conceptKey[m.concept()])) {
          if (ConceptNames.singular(x).equals(w) && !conceptKey[m.concept()].equals(w)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Exact n-grams of at least {@code minLen} words over unused words, longest first. */
  private void exactPass(List<String> raw, String[] w, boolean[] used, List<ConceptMatch> out, int minLen) {
    int n = w.length;
    for (int i = 0; i < n; ) {
      int matchedLen = 0;
      for (int len = Math.min(6, n - i); len >= minLen && matchedLen == 0; len--) {
        if (anyUsed(used, i, len) || (len == 1 && ConceptNames.isStopWord(w[i]))) {
          continue;
        }
        String key = join(raw, w, i, len);
        Integer id = byKey.get(key);
        if (id != null) {
          addMatch(out, id, 1.0, ConceptMatch.Kind.EXACT, key, span(i, len));
          matchedLen = len;
        }
      }
      if (matchedLen > 0) {
        for (int k = i; k < i + matchedLen; k++) {
          used[k] = true;
        }
        i += matchedLen;
      } else {
        i++;
      }
    }
  }

  /** Typo-tolerant whole-key matches of runs of unused content words, minLen..3 words. */
  private void fuzzyPass(List<String> raw, String[] w, boolean[] used, List<ConceptMatch> out, int minLen) {
    int n = w.length;
    for (int i = 0; i < n; i++) {
      if (used[i] || ConceptNames.isStopWord(w[i])) {
        continue;
      }
      int bestConcept = -1;
      int bestLen = 0;
      int bestDist = Integer.MAX_VALUE;
      for (int len = 1; len <= 3 && i + len <= n; len++) {
        if (used[i + len - 1] || ConceptNames.isStopWord(w[i + len - 1])) {
          break;
        }
        if (len < minLen) {
          continue;
        }
        String gram = join(raw, w, i, len);
        int budget = ConceptNames.typoBudget(gram.length());
        if (budget == 0) {
          continue;
        }
        for (int c = 0; c < conceptCount; c++) {
          int d = ConceptNames.editDistance(gram, conceptKey[c], budget);
          if (d <= budget && (d < bestDist || (d == bestDist && len > bestLen))) {
            bestDist = d;
            bestConcept = c;
            bestLen = len;
          }
        }
      }
      if (bestConcept >= 0) {
        addMatch(out, bestConcept, 0.8, ConceptMatch.Kind.FUZZY, join(raw, w, i, bestLen), span(i, bestLen));
        for (int k = i; k < i + bestLen; k++) {
          used[k] = true;
        }
      }
    }
  }

  private static boolean anyUsed(boolean[] used, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (used[k]) {
        return true;
      }
    }
    return false;
  }

  /** Most partial seeds per question: more only adds noise to recall. */
  static final int MAX_PARTIAL_SEEDS = 12;

  /** The topic's concepts with the highest degree, most connected first. */
  private int[] centralConcepts(int topic, int count) {
    int[] best = new int[count];
    int[] bestDegree = new int[count];
    int found = 0;
    for (int c = 0; c < conceptCount; c++) {
      if (!conceptTopics[c].contains(topic) || conceptEdges[c].size() == 0) {
        continue;
      }
      int d = topicDegree(c, topic);
      int pos = found < count ? found++ : count;
      while (pos > 0 && bestDegree[pos - 1] < d) {
        if (pos < count) {
          bestDegree[pos] = bestDegree[pos - 1];
        }
        if (pos < count) {
          best[pos] = best[pos - 1];
        }
        pos--;
      }
      if (pos < count) {
        best[pos] = c;
        bestDegree[pos] = d;
      }
    }
    return Arrays.copyOf(best, found);
  }

  /** Edges of the concept carrying at least one triple learned under the topic. */
  private int topicDegree(int concept, int topic) {
    int d = 0;
    IntList edges = conceptEdges[concept];
    for (int i = 0; i < edges.size(); i++) {
      for (int t = edgeFirstTriple[edges.get(i)]; t != NO_TRIPLE; t = tripleNextOnEdge[t]) {
        if (tripleTopic[t] == topic && !isStructural(relations.get(tripleR[t]))) {
          d++;
          break;
        }
      }
    }
    return d;
  }

  private String nearestWord(String word) {
    int budget = ConceptNames.typoBudget(word.length());
    String best = null;
    int bestDist = budget + 1;
    for (String k : byWord.keySet()) {
      int d = ConceptNames.editDistance(word, k, budget);
      if (d < bestDist) {
        bestDist = d;
        best = k;
      }
    }
    return best;
  }

  /**
   * A seed naming more content words is more specific ("bell founders of Velmora" over "Velmora"):
   * its score grows by 30 % per extra content word, up to double.
   */
  private double specificity(int concept) {
    int words = 0;
    for (String w : ConceptNames.words(conceptKey[concept])) {
      if (!ConceptNames.isStopWord(w)) {
        words++;
      }
    }
    return Math.min(2.0, 1.0 + 0.3 * Math.max(0, words - 1));
  }

  /** Question word positions from..from+len as a bit mask (positions past 62 share bit 63). */
  private static long span(int from, int len) {
    long m = 0;
    for (int i = from; i < from + len; i++) {
      m |= 1L << Math.min(i, 63);
    }
    return m;
  }

  private void addMatch(List<ConceptMatch> out, int concept, double score, ConceptMatch.Kind kind, String text, long tokens) {
    if (kind != ConceptMatch.Kind.PARTIAL) {
      score *= specificity(concept);
    }
    for (int i = 0; i < out.size(); i++) {
      ConceptMatch m = out.get(i);
      if (m.concept() == concept) {
        if (m.score() < score) {
          out.set(i, new ConceptMatch(concept, conceptName[concept], score, kind, text, tokens));
        }
        return;
      }
    }
    out.add(new ConceptMatch(concept, conceptName[concept], score, kind, text, tokens));
  }

  /** Words i..i+len joined as a key: raw words, the last one singular (as keys are built). */
  private static String join(List<String> raw, String[] singular, int from, int len) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < from + len; k++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean head = k == from + len - 1 || raw.get(k + 1).equals("of");
      sb.append(head ? singular[k] : raw.get(k));
    }
    return sb.toString();
  }
}
