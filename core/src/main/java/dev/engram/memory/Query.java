package dev.engram.memory;

import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;

/**
 * A question reduced to what memory matches on: its content terms, each with the stems that may stand
 * for it in a fact (itself, word forms, derivations, synonyms, typo repairs) and how much each is worth.
 *
 * <p>Match weights are data here, not scattered through scoring: an exact stem counts 1, a derivation
 * ("owns" for "owner") or close synonym ("mobile" for "phone") counts {@link #RELATED}, a typo repair
 * {@link #REPAIRED}. Answer-kind nouns ("name", "date") are soft: a fact may leave them out.
 */
final class Query {
  static final float RELATED = 0.85f;
  static final float REPAIRED = 0.8f;
  /** Weight of a soft term relative to a content term of the same rarity. */
  static final float SOFT = 0.3f;
  static final int MAX_TERMS = 31;

  final Questions.Kind kind;
  /** "what time …": a clock time is wanted, not a day. */
  boolean wantsClockTime;
  /** A measure other than "how many" ("how much", "how long", "how far"): the unit belongs to the answer. */
  boolean wantsUnit;
  /** "how often": a frequency is wanted ("every 8 hours", "twice a week"), not a bare count. */
  boolean wantsFrequency;
  /** "what's my passport number", "the room number": the value holds a digit or a number word. */
  boolean wantsNumber;
  /** "what's X called", "the name of X": a name is wanted, never a number or a date. */
  boolean wantsName;
  /** Relative times the question names ("this week", "tomorrow"); see {@link dev.engram.text.Deixis}. */
  java.util.List<String> deixis = java.util.List.of();
  /** The question is about the speaker: "where do <b>I</b> live?", "what am <b>I</b> allergic to?" */
  boolean aboutSpeaker;
  int termCount;
  String[] words = new String[8];
  boolean[] soft = new boolean[8];
  /** Per term, the candidate stems and their match weights (index 0 is the term's own stem). */
  String[][] alternatives = new String[8][];
  float[][] altWeights = new float[8][];
  /** Per term, its weight in the scope being searched (set by {@link Memory} before scoring). */
  float[] weights = new float[8];
  /**
   * Stem -> (term index, match weight), for matching fact tokens against the question: parallel arrays
   * searched linearly by the stem's {@link TermHash}. A question has a few dozen stems at most, so a
   * scan of one long[] is cheaper than a HashMap (no boxing, no String hashing per lookup; this runs for
   * every word of every candidate fact).
   */
  private long[] stemKeys = new long[16];
  private int[] stemTerms = new int[16];
  private float[] stemWeights = new float[16];
  private int stemCount;

  private Query(Questions.Kind kind) {
    this.kind = kind;
  }

  static Query parse(String question) {
    Tokens t = Tokens.of(question);
    Query q = new Query(Questions.kindOf(t));
    q.deixis = dev.engram.text.Deixis.of(t);
    int verbs = 0; // bit per term: the term sits in a verb slot (see isQuestionVerb)
    int whPhrase = 0; // bit per term: a word of a several-word what/which phrase (see whPhraseHead)
    int whPhraseHead = -1; // the term of that phrase's head
    // Each word with its typo folded, once: the checks below look at a word and its neighbours.
    String[] normal = new String[t.size];
    for (int i = 0; i < t.size; i++) {
      normal[i] = Questions.normalize(t.norm[i]);
    }
    for (int i = 0; i < t.size; i++) {
      if (t.has(i, Tokens.SYNTHETIC)) {
        continue;
      }
      String w = normal[i];
      if (w.equals("i")) {
        q.aboutSpeaker = true;
      }
      boolean afterHow = i > 0 && normal[i - 1].equals("how");
      if (afterHow && Lexicon.MEASURE_WITH_UNIT.contains(w)) {
        q.wantsUnit = true; // "how much", "how long": "$2,400", "18 months"; but "how many" is a bare count
        q.wantsFrequency = w.equals("often");
      }
      if (Lexicon.STOP.contains(w) || Lexicon.FRAME.contains(w)) {
        continue;
      }
      if (w.equals("name") || w.equals("called") || w.equals("named") || w.equals("nickname")) {
        q.wantsName = true;
      }
      if (w.equals("number") && q.kind != Questions.Kind.COUNT) {
        q.wantsNumber = true;
      }
      if (w.equals("time") && q.kind == Questions.Kind.WHEN) {
        q.wantsClockTime = true;
      }
      // "how long", "how wide": the measure names the answer's kind; a fact may leave it out.
      boolean measure = afterHow && Lexicon.HOW_MEASURE.contains(w);

      // "are we staying", "who is coming": a progressive verb in a question is rarely the fact's word.
      boolean progressive = w.length() > 5 && w.endsWith("ing") && !Lexicon.isTimeLike(w) && i > 0
          && (isAuxiliary(t.norm[i - 1])
              || (i > 1 && isAuxiliary(t.norm[i - 2]) && isPronoun(t.norm[i - 1])));
      int before = q.termCount;
      boolean kindNoun = namesTheAnswerKind(t, normal, i);
      int whHead = whPhraseHead(t, normal, i);
      q.addTerm(w, Lexicon.ANSWER_KIND.contains(w) || kindNoun || measure || progressive);
      if (q.termCount > before && kindNoun) {
        q.kindNouns |= 1 << (q.termCount - 1);
      }
      if (q.termCount > before && whHead >= 0) {
        whPhrase |= 1 << (q.termCount - 1);
        if (whHead == i) {
          whPhraseHead = q.termCount - 1;
        }
      }
      if (q.termCount > before && isQuestionVerb(t, normal, i)) {
        verbs |= 1 << (q.termCount - 1);
      }
      // "pick up" may be written "pickup" or "pick-up" in the fact.
      if (i + 1 < t.size && PARTICLES.contains(t.norm[i + 1]) && q.termCount > 0
          && q.words[q.termCount - 1].equals(w)) {
        q.addAlternative(q.termCount - 1, w + t.norm[i + 1]);
        q.addAlternative(q.termCount - 1, w + "-" + t.norm[i + 1]);
      }
    }
    q.softenWhPhrase(whPhrase, whPhraseHead, verbs);
    q.softenVerbs(verbs);
    return q;
  }

  /**
   * "which law firm did we use for the house purchase", "which aws region is prod in": every word of a
   * several-word what/which phrase ({@link #whPhraseHead}) describes the answer, so all are made soft and
   * the head, not the first word, is the answer's kind noun; but only while a content word outside the
   * phrase and the question's verbs stays hard ("house", "prod"). In "what shirt size do I wear" nothing
   * else would, and "shirt" is then what tells the fact apart from the shoe size: the phrase stays as a
   * plain "what X" reads it.
   */
  private void softenWhPhrase(int phrase, int head, int verbs) {
    if (phrase == 0 || head < 0) {
      return;
    }
    boolean hardLeft = false;
    for (int term = 0; term < termCount; term++) {
      hardLeft |= !soft[term] && ((phrase | verbs) & (1 << term)) == 0;
    }
    if (!hardLeft) {
      return;
    }
    for (int term = 0; term < termCount; term++) {
      if ((phrase & (1 << term)) != 0) {
        soft[term] = true;
      }
    }
    kindNouns = (kindNouns & ~phrase) | (1 << head);
    softenedPhrase = phrase;
  }

  /**
   * Bit per term: the words of a what/which phrase made soft by {@link #softenWhPhrase}. A fact that
   * matches none of them answers only with a name or a code ("Hollis &amp; Grant", "eu-north-1"): "which
   * operating system is on the machine" is not answered by "the washing machine was bought in 2021".
   */
  int softenedPhrase;

  /**
   * The question's own verb ("what size do I <b>wear</b>", "where did we <b>store</b> the lights", "where
   * is the review being <b>held</b>") names how the asker thinks of the relation; the fact usually states
   * it another way ("my shirt size is medium", "the lights are on the third shelf"). Such verbs are made
   * soft (a fact may leave them out) as long as the question keeps at least one hard term, so "what do
   * I drive?" still needs a fact about driving.
   */
  private void softenVerbs(int verbs) {
    if (verbs == 0) {
      return;
    }
    boolean hardLeft = false;
    for (int term = 0; term < termCount; term++) {
      hardLeft |= !soft[term] && (verbs & (1 << term)) == 0;
    }
    if (!hardLeft) {
      return;
    }
    softenedVerbs = verbs;
    for (int term = 0; term < termCount; term++) {
      if ((verbs & (1 << term)) != 0) {
        soft[term] = true;
        wantsAmount &= !Lexicon.AMOUNT_NOUNS.contains(words[term]);
      }
    }
  }

  /**
   * True for a word in a verb slot: after a modal or "do" and a subject pronoun ("can I <b>reach</b>",
   * "did we <b>store</b>", "should I <b>ask</b>"), after "being"/"been" ("being <b>held</b>"), or a
   * finite verb after "which X" ("which bank <b>holds</b> the mortgage").
   */
  /**
   * Bit per term: a verb made soft by {@link #softenVerbs}. With its verb optional, "who should I ask
   * about X" no longer says what relation the answer has to X, so only a name can answer it.
   */
  int softenedVerbs;
  /** Bit per term: the noun naming the answer's kind ("which <b>bank</b> holds the mortgage"). */
  int kindNouns;

  private static boolean isQuestionVerb(Tokens t, String[] normal, int i) {
    if (i >= 1 && (t.norm[i - 1].equals("being") || t.norm[i - 1].equals("been"))) {
      return true;
    }
    // "which bank holds the mortgage": a finite verb right after the answer-kind noun. (After "who"
    // the verb is the relation itself: "who owns the repo" needs a fact about owning.)
    if (i < 2) {
      return false;
    }
    String twoBack = normal[i - 2];
    if ((twoBack.equals("which") || twoBack.equals("what")) && i + 1 < t.size
        && (t.norm[i + 1].equals("the") || t.norm[i + 1].equals("my") || t.norm[i + 1].equals("our"))) {
      String w = t.norm[i];
      if ((w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) || w.endsWith("ed")
          || Stemmer.isIrregularVerbForm(w)) {
        return true;
      }
    }
    return isPronoun(t.norm[i - 1]) && MODALS.contains(twoBack);
  }

  private static final java.util.Set<String> MODALS = java.util.Set.of(
      "do", "does", "did", "can", "could", "should", "shall", "will", "would", "may", "might", "must");

  /**
   * True for the noun right after "what"/"which" ("what <b>car</b> do I drive", "which <b>language</b>"),
   * and for "kind/type/sort of X": it names the category of the answer, which the fact usually
   * leaves out ("I drive a Toyota").
   */
  private static boolean namesTheAnswerKind(Tokens t, String[] normal, int i) {
    if (i == 0) {
      return false;
    }
    String before = normal[i - 1];
    if (before.equals("what") || before.equals("which")) {
      return true;
    }
    String w = t.norm[i];
    if ((w.equals("kind") || w.equals("type") || w.equals("sort")) && i + 1 < t.size && t.norm[i + 1].equals("of")) {
      return true;
    }
    return i >= 2 && before.equals("of") && (t.norm[i - 2].equals("kind") || t.norm[i - 2].equals("type")
        || t.norm[i - 2].equals("sort"));
  }

  /** Longest "what/which" noun phrase {@link #whPhraseHead} looks for. */
  private static final int MAX_WH_PHRASE = 3;

  /**
   * For a word inside a several-word "what/which" noun phrase that ends right before the question's
   * auxiliary ("which <b>law firm</b> did we use", "which <b>aws region</b> is prod in"), the index of
   * the phrase's last word, its head; -1 otherwise. Every word of such a phrase describes the answer,
   * not the fact's topic ("Hollis &amp; Grant", "eu-north-1"), so a fact may leave them all out; the
   * head is the answer's kind. Subject-auxiliary inversion is what marks the end of the phrase without a
   * part-of-speech tagger: "which bank <b>holds</b> the mortgage" has no auxiliary after "bank", so it
   * stays a one-word phrase; a possessive ends a phrase ("which team's standup is at 10" asks for the team).
   */
  private static int whPhraseHead(Tokens t, String[] normal, int i) {
    int start = i;
    while (start > 0 && !normal[start - 1].equals("what") && !normal[start - 1].equals("which")) {
      start--;
      if (i - start >= MAX_WH_PHRASE || !isPhraseWord(t, normal, start)) {
        return -1;
      }
    }
    if (start == 0 || !isPhraseWord(t, normal, start)) {
      return -1;
    }
    for (int k = start + 1; k < t.size && k - start <= MAX_WH_PHRASE; k++) {
      if (isAuxiliary(normal[k]) || MODALS.contains(normal[k]) || HAVE.contains(normal[k])) {
        return k - 1 > start ? k - 1 : -1; // one word alone is the plain "what X" case
      }
      if (!isPhraseWord(t, normal, k) || t.has(k - 1, Tokens.POSSESSIVE)) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isPhraseWord(Tokens t, String[] normal, int k) {
    return !t.has(k, Tokens.SYNTHETIC) && !Lexicon.STOP.contains(normal[k]) && !Lexicon.FRAME.contains(normal[k]);
  }

  private static final java.util.Set<String> HAVE = java.util.Set.of("has", "have", "had");

  private static boolean isPronoun(String w) {
    return w.equals("i") || w.equals("we") || w.equals("you") || w.equals("he") || w.equals("she")
        || w.equals("they") || w.equals("it");
  }

  private static boolean isAuxiliary(String w) {
    return w.equals("is") || w.equals("are") || w.equals("am") || w.equals("was") || w.equals("were")
        || w.equals("be");
  }

  /** A quantity noun ("salary", "rent") asks for an amount: a value without a number cannot answer. */
  boolean wantsAmount;
  /** The scope the weights below were computed for (a query is weighed once per scope). */
  ScopeIndex weighedFor;
  /** Per term, whether the scope has seen it at all (set with the weights). */
  boolean[] known = new boolean[8];
  /**
   * Per term, the index handle of each alternative in {@link #weighedFor} (-1 for one the scope lacks),
   * looked up once by the weighing so candidate search does not hash and probe again; valid while its
   * length matches the alternatives'.
   */
  int[][] altHandles = new int[8][];

  /** The handles of term {@code t}'s alternatives in the weighed scope, or null when they are not current. */
  int[] handles(int t) {
    int[] h = altHandles[t];
    return h != null && h.length == alternatives[t].length ? h : null;
  }

  private void addTerm(String word, boolean isSoft) {
    if (termCount == MAX_TERMS) {
      return; // scoring keeps one bit per term; a question's first 31 content words decide its facts
    }
    String stem = Stemmer.stem(word);
    for (int i = 0; i < termCount; i++) {
      if (alternatives[i][0].equals(stem)) {
        return;
      }
    }
    if (termCount == words.length) {
      int cap = termCount * 2;
      words = java.util.Arrays.copyOf(words, cap);
      soft = java.util.Arrays.copyOf(soft, cap);
      alternatives = java.util.Arrays.copyOf(alternatives, cap);
      altWeights = java.util.Arrays.copyOf(altWeights, cap);
      weights = java.util.Arrays.copyOf(weights, cap);
      known = java.util.Arrays.copyOf(known, cap);
      altHandles = java.util.Arrays.copyOf(altHandles, cap);
    }
    int term = termCount++;
    words[term] = word;
    if (!isSoft && Lexicon.AMOUNT_NOUNS.contains(word)) {
      wantsAmount = true;
    }
    soft[term] = isSoft;
    String root = Stemmer.root(stem);
    String[] synonyms = Lexicon.SYNONYMS.get(stem);
    int n = 1 + (root.equals(stem) ? 0 : 1) + (synonyms == null ? 0 : synonyms.length);
    String[] alts = new String[n];
    float[] ws = new float[n];
    int k = 0;
    alts[k] = stem;
    ws[k++] = 1f;
    if (!root.equals(stem)) {
      alts[k] = root;
      ws[k++] = RELATED;
    }
    if (synonyms != null) {
      for (String syn : synonyms) {
        alts[k] = syn;
        ws[k++] = RELATED;
      }
    }
    alternatives[term] = alts;
    altWeights[term] = ws;
    for (int a = 0; a < k; a++) {
      remember(alts[a], term, ws[a]);
    }
  }

  private static final java.util.Set<String> PARTICLES = java.util.Set.of("up", "out", "off", "in", "on", "over", "down");

  /** Adds a related form ("pickup" for "pick up") as an alternative of {@code term}. */
  private void addAlternative(int term, String word) {
    addAlt(term, Stemmer.stem(word), RELATED);
  }

  /** Adds a typo repair found in the scope's vocabulary as an alternative of {@code term}. */
  void addRepair(int term, String stem) {
    addAlt(term, stem, REPAIRED);
  }

  /** Adds a meaning-level stand-in (a WordNet relative or a near word vector) as an alternative of {@code term}. */
  void addSemantic(int term, String stem, float weight) {
    addAlt(term, stem, weight);
  }

  boolean hasAlternative(int term, String stem) {
    for (String a : alternatives[term]) {
      if (a.equals(stem)) {
        return true;
      }
    }
    return false;
  }

  private void addAlt(int term, String stem, float weight) {
    String[] alts = java.util.Arrays.copyOf(alternatives[term], alternatives[term].length + 1);
    float[] ws = java.util.Arrays.copyOf(altWeights[term], altWeights[term].length + 1);
    alts[alts.length - 1] = stem;
    ws[ws.length - 1] = weight;
    alternatives[term] = alts;
    altWeights[term] = ws;
    remember(stem, term, weight);
  }

  private void remember(String stem, int term, float weight) {
    long key = TermHash.of(stem);
    for (int i = 0; i < stemCount; i++) {
      if (stemKeys[i] == key) {
        if (stemWeights[i] < weight) {
          stemTerms[i] = term;
          stemWeights[i] = weight;
        }
        return;
      }
    }
    if (stemCount == stemKeys.length) {
      int cap = stemCount * 2;
      stemKeys = java.util.Arrays.copyOf(stemKeys, cap);
      stemTerms = java.util.Arrays.copyOf(stemTerms, cap);
      stemWeights = java.util.Arrays.copyOf(stemWeights, cap);
    }
    stemKeys[stemCount] = key;
    stemTerms[stemCount] = term;
    stemWeights[stemCount] = weight;
    stemCount++;
  }

  /** The question term a fact word's stem matches, or -1; {@link #lastWeight} holds the match weight. */
  int match(String stem) {
    return match(TermHash.of(stem));
  }

  /** {@link #match(String)} for a stem's {@link TermHash}. */
  int match(long key) {
    for (int i = 0; i < stemCount; i++) {
      if (stemKeys[i] == key) {
        lastWeight = stemWeights[i];
        return stemTerms[i];
      }
    }
    return -1;
  }

  float lastWeight;

  /** Sum of the term weights, soft terms included. */
  float totalWeight() {
    float sum = 0;
    for (int i = 0; i < termCount; i++) {
      sum += weights[i];
    }
    return sum;
  }
}
