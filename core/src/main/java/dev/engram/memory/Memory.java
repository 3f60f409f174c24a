package dev.engram.memory;

import dev.engram.Answer;
import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Sentences;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;

/**
 * The fact memory: scopes of plain-language facts, recall by cue overlap, values cut out of facts, and
 * abstention when no fact covers the question.
 *
 * <p>How a question is answered:
 * <ol>
 *   <li>it becomes a {@link Query}: content terms with their word forms, synonyms and weights;
 *   <li>the cue index yields candidate facts and how much of the question's weight each carries
 *       (term weight is an IDF over the scope, so a rare cue outweighs a common one, and a cue the scope
 *       has never seen weighs most of all, which is what makes abstention work);
 *   <li>the best candidates are read word by word ({@link FactMatch}): coverage, precision, value;
 *   <li>a fact answers only when it covers at least {@link #answerCoverage} of the question; among the
 *       facts that answer about equally well, the newest wins, so "I moved to the pro plan" replaces
 *       "my plan is basic" while the old fact stays in memory.
 * </ol>
 */
public final class Memory {
  /** Longest unknown word a typo repair is tried on. */
  static final int MAX_REPAIR_CHARS = 20;

  /** How many candidates are read word by word. */
  static final int CANDIDATES = 24;

  private final MemoryConfig config;
  private final java.util.function.LongSupplier clock;
  private final float answerCoverage;
  private final float sameSlot;
  /** Sorted, so that scope listings and whole-store snapshots are the same on every runtime. */
  private final java.util.TreeMap<String, ScopeIndex> scopes = new java.util.TreeMap<>();

  public Memory() {
    this(MemoryConfig.DEFAULT, System::currentTimeMillis);
  }

  /** @param clock the host's clock in ms; plastic decay reads it (tests pass a fixed one) */
  public Memory(MemoryConfig config, java.util.function.LongSupplier clock) {
    this.config = config;
    this.clock = clock;
    this.answerCoverage = (float) config.answerCoverage();
    this.sameSlot = (float) config.sameSlot();
  }

  // Scratch for scoring, reused across queries (memory is single-threaded by contract).
  private float[] accumulated = new float[64];
  private int[] stamp = new int[64];
  private int[] touched = new int[64];
  private int[] creditedTerms = new int[64];
  private int stampClock;

  public int observe(String scope, String text) {
    return note(scope, NoteKind.FACT, text);
  }

  /** Stores each statement of {@code text} as a note of the given kind; returns how many were stored. */
  public int note(String scope, NoteKind kind, String text) {
    ScopeIndex index = scopes.get(scope);
    int stored = 0;
    // The fact's distinct cue keys, as TermHash values: compared as longs, and hashed once for the index.
    long[] keys = new long[16];
    for (String sentence : boundedSentences(text)) {
      if (Questions.isQuestion(sentence)) {
        continue;
      }
      String fact = stripPreamble(sentence);
      Tokens t = Tokens.of(fact);
      int count = 0;
      for (int i = 0; i < t.size; i++) {
        if (t.has(i, Tokens.SYNTHETIC) || Lexicon.STOP.contains(t.norm[i])) {
          continue;
        }
        if (count + 4 > keys.length) {
          keys = java.util.Arrays.copyOf(keys, keys.length * 2);
        }
        // Keys: the stem, its root, and for a known abbreviation or misspelling ("pw", "tel") the stem
        // and root of the word it stands for, so "wifi pw" answers "what's the wifi password". A root
        // that is the stem itself (the same String: nothing was stripped) is not hashed again.
        String stem = Stemmer.stem(t.norm[i]);
        String root = Stemmer.root(stem);
        count = addKey(keys, count, stem);
        if (root != stem) {
          count = addKey(keys, count, root);
        }
        String normal = Questions.normalize(t.norm[i]);
        if (!normal.equals(t.norm[i]) && !Lexicon.STOP.contains(normal)) {
          String normalStem = Stemmer.stem(normal);
          String normalRoot = Stemmer.root(normalStem);
          count = addKey(keys, count, normalStem);
          if (normalRoot != normalStem) {
            count = addKey(keys, count, normalRoot);
          }
        }
      }
      if (count == 0) {
        continue; // nothing to recall it by: "ok." or "it is."
      }
      if (index == null) {
        index = new ScopeIndex();
        scopes.put(scope, index);
      }
      index.add(fact, keys, count, kind);
      if (wordTable != null) {
        semanticOf(scope, index); // encodes every fact up to and including this one
      }
      stored++;
    }
    return stored;
  }

  /** Appends the hash of {@code key} to {@code keys[0 .. count)} unless it is there already; returns the new count. */
  private static int addKey(long[] keys, int count, String key) {
    long h = TermHash.of(key);
    for (int j = 0; j < count; j++) {
      if (keys[j] == h) {
        return count;
      }
    }
    keys[count] = h;
    return count + 1;
  }

  /** Longest fact, in chars: a longer run without sentence punctuation is cut at a space, never dropped. */
  static final int MAX_FACT_CHARS = 2000;

  /** The sentences of {@code text}, each at most {@link #MAX_FACT_CHARS} long, covering all of it. */
  private static java.util.List<String> boundedSentences(String text) {
    java.util.List<String> sentences = Sentences.split(text);
    java.util.List<String> out = new java.util.ArrayList<>(sentences.size());
    for (String s : sentences) {
      while (s.length() > MAX_FACT_CHARS) {
        int cut = s.lastIndexOf(' ', MAX_FACT_CHARS);
        if (cut < MAX_FACT_CHARS / 2) {
          cut = MAX_FACT_CHARS;
        }
        out.add(s.substring(0, cut).trim());
        s = s.substring(cut).trim();
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** "Remember that my plan is pro." stores "my plan is pro." */
  private static String stripPreamble(String sentence) {
    String[] preambles = {"remember that ", "remember ", "note that ", "fyi ", "fyi, ", "fyi: ", "btw ", "btw, ",
        "just so you know, ", "just so you know ", "for the record, ", "for the record ", "correction: ",
        "correction, ", "update: ", "update, ", "heads up, ", "heads up: ", "heads-up: ", "heads up ",
        "actually, ", "note: ", "ps: ", "p.s. ", "oh and ", "also, ", "and ", "ok so ", "so "};
    for (String p : preambles) {
      if (sentence.length() > p.length() + 2 && startsWithIgnoringCase(sentence, p)) {
        return sentence.substring(p.length()).trim();
      }
    }
    return sentence;
  }

  /** {@code s} opens with the lower-case {@code prefix}, in any case (without lower-casing all of {@code s}). */
  private static boolean startsWithIgnoringCase(String s, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(s.charAt(i)) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  public String get(String scope, String question) {
    return recallValue(scope, question).value();
  }

  public Answer recallValue(String scope, String question) {
    return answer(scope, question, true);
  }

  /** How close memory comes to answering, without counting it as a use of any fact. */
  public double assess(String scope, String question) {
    return answer(scope, question, false).confidence();
  }

  private Answer answer(String scope, String question, boolean use) {
    ScopeIndex index = scopes.get(scope);
    if (index == null || index.liveCount == 0) {
      return new Answer(null, null, 0);
    }
    Query q = Query.parse(question);
    if (q.termCount == 0) {
      return new Answer(null, null, 0);
    }
    int[] candidates = answerCandidates(index, q, CANDIDATES);
    Answer answer = candidates == null ? null : answerFrom(index, q, candidates, use);
    if (wordTable != null) {
      answer = unlessUnfit(q, answer);
    }
    if (answer == null || answer.value() == null) {
      // Nothing can answer; say how close memory came (the knowledge-gap signal), from the broad path.
      int[] near = candidates(index, q, CANDIDATES);
      Answer closest = near.length == 0 ? null : answerFrom(index, q, near, use);
      if (wordTable != null) {
        closest = unlessUnfit(q, closest);
      }
      if (closest != null && closest.value() != null) {
        return closest; // the strict path missed a one-word-short match of a long question
      }
      if (wordTable != null) {
        Answer meant = semanticAnswer(scope, index, q, question, use);
        if (meant != null) {
          return meant;
        }
      }
      return closest == null ? new Answer(null, null, 0) : closest;
    }
    return answer;
  }

  /**
   * How much worse a newer fact's value may fit the question before it stops replacing an older one:
   * "the GP surgery opens at 8" is newer than "my GP is Dr Osei" but offers no name for "who is my GP?".
   * A fact that announces a change ("I switched to …") replaces whatever its shape.
   */
  private static final float WORSE_SHAPE = 1.5f;

  /**
   * Weight of the value's shape when choosing among facts that all answer: two facts that cover the
   * question alike ("my sister is studying in Bergen", "my sister studies marine biology") are told
   * apart by which one offers a place for "where".
   */
  private static final float SHAPE_WEIGHT = 0.1f;

  private Answer answerFrom(ScopeIndex index, Query q, int[] candidates, boolean use) {
    if (candidates.length == 0) {
      return new Answer(null, null, 0);
    }
    FactMatch best = null;
    float bestQuality = -1;
    FactMatch[] matches = new FactMatch[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      FactMatch m = new FactMatch(candidates[c], index.text(candidates[c]), q);
      matches[c] = m;
      if (answers(m, q)) {
        float quality = choiceQuality(m);
        if (quality > bestQuality || (quality == bestQuality && m.fact > best.fact)) {
          bestQuality = quality;
          best = m;
        }
      }
    }
    if (best == null) {
      FactMatch closest = matches[0];
      for (FactMatch m : matches) {
        if (m.coverage > closest.coverage) {
          closest = m;
        }
      }
      return new Answer(null, index.text(closest.fact), round(closest.coverage * 0.5f));
    }
    // Updates: a newer fact that answers and says nothing the question did not ask about ("I moved to
    // Portland") replaces the value; a newer fact about something else as well ("my sister's dog is
    // Max") does not. Near-equal older facts give way to the newest too.
    for (FactMatch m : matches) {
      if (m.fact > best.fact && answers(m, q) && !m.imperative && mentionsAllOf(m, best, q)
          && (m.unmatchedNouns == 0 || choiceQuality(m) >= bestQuality - sameSlot)
          && (m.changeInClause || m.valueShape >= best.valueShape - WORSE_SHAPE)) {
        best = m;
      }
    }
    if (use) {
      reinforce(index, best.fact);
    }
    // A newer fact that could answer with another value, and lost only on quality, is a live rival.
    boolean rival = false;
    for (FactMatch m : matches) {
      if (m != best && m.fact > best.fact && answers(m, q) && !m.value.equalsIgnoreCase(best.value)
          && quality(m) >= quality(best) - 0.25f) {
        rival = true;
      }
    }
    return new Answer(best.value, index.text(best.fact), round(confidence(best, q, rival)));
  }

  /**
   * The newest facts that can possibly answer: those holding every question word a fact must hold
   * (all content words of a short question; the rare or unknown ones of a long one). The rarest such
   * word drives, newest first, and the others are checked by binary search in their sorted posting
   * lists, so a selective question touches a handful of postings whatever the scope's size, and a broad
   * one stops after {@code limit} hits. Null when the question has no such word (the broad path decides).
   */
  private int[] answerCandidates(ScopeIndex index, Query q, int limit) {
    weigh(index, q);
    int hard = 0;
    float hardTotal = 0;
    for (int t = 0; t < q.termCount; t++) {
      if (!q.soft[t]) {
        hard++;
        hardTotal += q.weights[t];
      }
    }
    int[] mandatory = new int[hard];
    int m = 0;
    for (int t = 0; t < q.termCount; t++) {
      if (!q.soft[t] && (hard <= 3 || !q.known[t] || q.weights[t] >= 0.25f * hardTotal)) {
        mandatory[m++] = t;
      }
    }
    if (m == 0) {
      return null;
    }
    int[][] termIds = new int[q.termCount][];
    int driver = -1;
    long driverSize = Long.MAX_VALUE;
    for (int i = 0; i < m; i++) {
      int t = mandatory[i];
      String[] alts = q.alternatives[t];
      int[] handles = q.handles(t);
      int[] ids = new int[alts.length];
      int found = 0;
      long size = 0;
      for (int a = 0; a < alts.length; a++) {
        int id = handles != null ? handles[a] : index.term(TermHash.of(alts[a]));
        if (id >= 0) {
          ids[found++] = id;
          size += index.size(id);
        }
      }
      if (found == 0) {
        return new int[0]; // a word no fact holds: nothing can answer
      }
      termIds[t] = java.util.Arrays.copyOf(ids, found);
      if (size < driverSize) {
        driverSize = size;
        driver = t;
      }
    }
    int[] ids = termIds[driver];
    int[] cursor = new int[ids.length];
    for (int a = 0; a < ids.length; a++) {
      cursor[a] = index.size(ids[a]) - 1;
    }
    int[] out = new int[limit];
    int count = 0;
    int last = Integer.MAX_VALUE;
    while (count < limit) {
      // Next-newest fact across the driver's alternatives (a k-way merge, descending).
      int f = -1;
      for (int a = 0; a < ids.length; a++) {
        while (cursor[a] >= 0 && index.posting(ids[a], cursor[a]) >= last) {
          cursor[a]--;
        }
        if (cursor[a] >= 0 && index.posting(ids[a], cursor[a]) > f) {
          f = index.posting(ids[a], cursor[a]);
        }
      }
      if (f < 0) {
        break;
      }
      last = f;
      if (index.isForgotten(f)) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < m && all; i++) {
        int t = mandatory[i];
        if (t != driver) {
          all = holdsAny(index, termIds[t], f);
        }
      }
      if (all) {
        out[count++] = f;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  private static boolean holdsAny(ScopeIndex index, int[] termIds, int fact) {
    for (int id : termIds) {
      if (index.contains(id, fact)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a fact may answer: it offers a value of the right shape, covers enough of the question's
   * weight, and leaves out no content word of a short question (one of four or more may be missing).
   */
  private boolean answers(FactMatch m, Query q) {
    return answers(m, q, answerCoverage);
  }

  private boolean answers(FactMatch m, Query q, float answerCoverage) {
    if (m.value == null || m.coverage < answerCoverage || (q.aboutSpeaker && m.aboutSomeoneElse) || m.otherTime) {
      return false;
    }
    if (!pinnedWithoutItsVerb(m, q) || !phraseAnswered(m, q)) {
      return false;
    }
    if (m.missingTerms == 0) {
      return true;
    }
    // A long question may leave out one common word; never a word the scope has not seen at all
    // (that is what the question is really about: "the AWS account ID for *staging*").
    int hard = 0;
    float total = 0;
    float missing = 0;
    boolean missingUnknown = false;
    for (int t = 0; t < q.termCount; t++) {
      if (!q.soft[t]) {
        hard++;
        total += q.weights[t];
        if (m.termMatch[t] == 0) {
          missing += q.weights[t];
          missingUnknown |= !q.known[t];
        }
      }
    }
    return hard >= 4 && m.missingTerms == 1 && !missingUnknown && missing < 0.25f * total;
  }

  /**
   * A fact that leaves out the question's own verb ({@link Query#softenedVerbs}) answers only when the
   * rest of the question still pins it down: a "where" (the value must be a place) or a "who" (a name),
   * or two matched words that are content words or the answer's kind noun, or, for a "which X"
   * question, one word matched as written and a name as the value (a name is what a "which bank" asks
   * for). "Which bank holds our
   * mortgage?" is not answered by "the mortgage installment is 1,450 dollars" (one word, no bank, no
   * name) but is by "the mortgage is with Nordbank"; "what shirt size do I wear?" is by "my shirt size
   * is medium".
   */
  private static boolean pinnedWithoutItsVerb(FactMatch m, Query q) {
    if (q.softenedVerbs == 0 || q.kind == Questions.Kind.WHERE || q.kind == Questions.Kind.WHO) {
      return true;
    }
    int pinned = 0;
    boolean exactlyPinned = false; // one word pins it, and that word as written (not a typo repair)
    boolean verbMissing = false;
    for (int t = 0; t < q.termCount; t++) {
      int bit = 1 << t;
      if ((q.softenedVerbs & bit) != 0) {
        verbMissing |= m.termMatch[t] == 0;
      } else if (m.termMatch[t] > 0 && (!q.soft[t] || (q.kindNouns & bit) != 0)) {
        pinned++;
        exactlyPinned = pinned == 1 && m.termMatch[t] >= 1f;
      }
    }
    return !verbMissing || pinned >= 2 || (exactlyPinned && q.kindNouns != 0 && m.valueIsName(false));
  }

  /** See {@link Query#softenedPhrase}: a fact that matches no word of the phrase needs a name or a code. */
  private static boolean phraseAnswered(FactMatch m, Query q) {
    if (q.softenedPhrase == 0) {
      return true;
    }
    for (int t = 0; t < q.termCount; t++) {
      if ((q.softenedPhrase & (1 << t)) != 0 && m.termMatch[t] > 0) {
        return true;
      }
    }
    return m.valueIsName(true);
  }

  /**
   * True when {@code newer} matches every question word {@code older} matched: a replacement must be about
   * the same thing ("which school does Tom go to?": "Tom plays the cello" does not replace "Tom's school
   * is Ridgeway Academy", though it is newer and names Tom).
   */
  private static boolean mentionsAllOf(FactMatch newer, FactMatch older, Query q) {
    for (int t = 0; t < q.termCount; t++) {
      if (older.termMatch[t] > 0 && newer.termMatch[t] == 0) {
        return false;
      }
    }
    return true;
  }

  private static float quality(FactMatch m) {
    return m.coverage * (0.5f + 0.5f * m.precision);
  }

  /** {@link #quality} plus the value's shape: what chooses among facts that all answer. */
  private static float choiceQuality(FactMatch m) {
    return quality(m) + SHAPE_WEIGHT * m.valueShape;
  }

  /**
   * How sure an answer is, 0..1, from what the reading saw: how much of the question the fact covers,
   * how much of the fact the question accounts for, whether the value stood out from the fact's other
   * chunks, whether a word of the question was missing, and whether a newer fact offered another value.
   */
  private static float confidence(FactMatch m, Query q, boolean rival) {
    float c = m.coverage * m.coverage * (0.6f + 0.4f * m.precision);
    float margin = m.valueScore - m.runnerUpScore;
    if (margin < 1f) {
      c *= 0.75f + 0.25f * Math.max(0f, margin);
    }
    if (m.missingTerms > 0) {
      c *= 0.7f;
    }
    if (rival) {
      c *= 0.7f;
    }
    return c > 1 ? 1 : c;
  }

  /** Rounds to 1e-4 so the figure crossing into JS is the same decimal on every runtime. */
  private static double round(double x) {
    return Math.round(x * 10000.0) / 10000.0;
  }

  public String[] recall(String scope, String question, int k) {
    ScopeIndex index = scopes.get(scope);
    if (index == null) {
      return new String[0];
    }
    Query q = Query.parse(question);
    if (q.termCount == 0) {
      return new String[0];
    }
    int[] found = candidates(index, q, k);
    String[] out = new String[found.length];
    for (int i = 0; i < found.length; i++) {
      out[i] = index.text(found[i]);
    }
    return out;
  }

  /**
   * A page of the facts that best match {@code question}, with their evidence. The first page also
   * strengthens the facts it returns and links the top few with each other (Hebbian: recalled together,
   * wired together).
   */
  public dev.engram.RecallPage recallPage(String scope, String question, int k, String cursor) {
    int offset = Cursor.decode(cursor);
    ScopeIndex index = scopes.get(scope);
    Query q = Query.parse(question);
    if (index == null || q.termCount == 0) {
      return new dev.engram.RecallPage(new dev.engram.Recalled[0], null);
    }
    int[] found = candidates(index, q, offset + k + 1);
    int end = Math.min(found.length, offset + k);
    int count = Math.max(0, end - offset);
    dev.engram.Recalled[] items = new dev.engram.Recalled[count];
    for (int i = 0; i < count; i++) {
      int f = found[offset + i];
      FactMatch m = new FactMatch(f, index.text(f), q);
      items[i] = recalled(index, f, m.coverage, m.coverage >= answerCoverage ? m.value : null, why(q, m));
    }
    if (offset == 0) {
      int hebbian = Math.min(count, 3);
      for (int i = 0; i < hebbian; i++) {
        reinforce(index, found[i]);
        for (int j = i + 1; j < hebbian; j++) {
          index.link(found[i], found[j], (float) config.linkGain());
        }
      }
    }
    String next = found.length > offset + k ? Cursor.encode(offset + k) : null;
    return new dev.engram.RecallPage(items, next);
  }

  private dev.engram.Recalled recalled(ScopeIndex index, int f, float score, String value, String why) {
    return new dev.engram.Recalled(f, index.text(f), NoteKind.values()[index.kinds[f]].label(), round(score),
        value, why, round(effectiveStrength(index, f)));
  }

  /** "api, key" for exact matches; "phone~mobile" for a related word; "kye->key" for a repaired typo. */
  private static String why(Query q, FactMatch m) {
    StringBuilder sb = new StringBuilder();
    boolean[] seen = new boolean[q.termCount];
    for (int i = 0; i < m.tokens.size; i++) {
      int t = m.matchedTerm[i];
      if (t < 0 || seen[t]) {
        continue;
      }
      seen[t] = true;
      if (sb.length() > 0) {
        sb.append(", ");
      }
      String factWord = m.tokens.norm[i];
      float w = m.matchWeight[i];
      sb.append(q.words[t]);
      if (w == Query.REPAIRED) {
        sb.append("->").append(factWord);
      } else if (w < 1f) {
        sb.append('~').append(factWord);
      }
    }
    return sb.toString();
  }

  /** 1 for a fact never used; grows by {@code useGain} per use and halves every half-life of disuse. */
  private double effectiveStrength(ScopeIndex index, int f) {
    ScopeIndex.Plastic p = index.plastic(f);
    if (p == null || p.strength == 0) {
      return 1.0;
    }
    double idle = clock.getAsLong() - p.lastUsed;
    if (idle < 0) {
      idle = 0;
    }
    return 1.0 + p.strength * Math.pow(0.5, idle / config.halfLifeMillis());
  }

  private void reinforce(ScopeIndex index, int f) {
    double current = effectiveStrength(index, f) - 1.0;
    index.use(f, (float) (current + config.useGain()), clock.getAsLong());
  }

  /**
   * Associative recall by spreading activation: facts matching {@code cue} light up, then pass
   * activation to facts sharing their rarer cues and to facts they were recalled together with
   * (Hebbian links); each fact's plastic strength scales what it receives. Ranked by activation.
   */
  public dev.engram.Recalled[] assoc(String scope, String cue, int k) {
    ScopeIndex index = scopes.get(scope);
    Query q = Query.parse(cue);
    if (index == null || q.termCount == 0) {
      return new dev.engram.Recalled[0];
    }
    int[] seeds = candidates(index, q, 32);
    float total = q.totalWeight();
    java.util.HashMap<Integer, float[]> activation = new java.util.HashMap<>();
    java.util.HashMap<Integer, String> reason = new java.util.HashMap<>();
    int n = index.factCount;
    int commonCut = Math.max(50, n / 10);
    for (int s : seeds) {
      float a0 = total == 0 ? 0 : accumulated[s] / total;
      addActivation(activation, s, a0);
      reason.putIfAbsent(s, "cue");
      // Shared cues: each distinct stem of the seed, weighted by its rarity; very common stems carry
      // no association and are skipped.
      String[] stems = stemsOf(index.text(s));
      float idfSum = 0;
      float[] idf = new float[stems.length];
      int[] terms = new int[stems.length];
      for (int i = 0; i < stems.length; i++) {
        terms[i] = index.term(TermHash.of(stems[i]));
        int df = index.documentFrequency(terms[i]);
        idf[i] = df == 0 || df > commonCut ? 0 : (float) Math.log(1.0 + (n + 1.0) / (df + 0.5));
        idfSum += idf[i];
      }
      for (int i = 0; i < stems.length; i++) {
        if (idf[i] == 0) {
          continue;
        }
        float share = 0.5f * a0 * idf[i] / idfSum;
        int size = index.size(terms[i]);
        for (int p = 0; p < size; p++) {
          int f = index.posting(terms[i], p);
          if (f != s) {
            addActivation(activation, f, share);
            reason.putIfAbsent(f, "shares '" + stems[i] + "'");
          }
        }
      }
      ScopeIndex.Plastic plastic = index.plastic(s);
      int[] links = plastic == null ? null : plastic.linkTo;
      if (links != null) {
        for (int i = 0; i < links.length; i++) {
          float w = plastic.linkWeight[i];
          addActivation(activation, links[i], 0.5f * a0 * w / (1f + w));
          reason.putIfAbsent(links[i], "linked");
        }
      }
    }
    java.util.ArrayList<dev.engram.Recalled> ranked = new java.util.ArrayList<>();
    for (java.util.Map.Entry<Integer, float[]> e : activation.entrySet()) {
      int f = e.getKey();
      if (index.isForgotten(f)) {
        continue;
      }
      double score = e.getValue()[0] * (1.0 + Math.log(effectiveStrength(index, f)));
      ranked.add(recalled(index, f, (float) score, null, reason.get(f)));
    }
    ranked.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(b.id(), a.id()));
    int count = Math.min(k, ranked.size());
    return ranked.subList(0, count).toArray(new dev.engram.Recalled[0]);
  }

  private static void addActivation(java.util.HashMap<Integer, float[]> activation, int f, float a) {
    float[] cell = activation.get(f);
    if (cell == null) {
      activation.put(f, new float[] {a});
    } else {
      cell[0] += a;
    }
  }

  private static String[] stemsOf(String text) {
    Tokens t = Tokens.of(text);
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      if (t.has(i, Tokens.SYNTHETIC) || Lexicon.STOP.contains(t.norm[i])) {
        continue;
      }
      String stem = Stemmer.stem(t.norm[i]);
      if (!out.contains(stem)) {
        out.add(stem);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Notes of one kind (or all, when {@code kind} is null), newest first, a page at a time. */
  public dev.engram.RecallPage notes(String scope, NoteKind kind, int k, String cursor) {
    int offset = Cursor.decode(cursor);
    ScopeIndex index = scopes.get(scope);
    java.util.ArrayList<dev.engram.Recalled> out = new java.util.ArrayList<>();
    String next = null;
    if (index != null) {
      int skipped = 0;
      for (int f = index.factCount - 1; f >= 0; f--) {
        if (index.isForgotten(f) || (kind != null && index.kinds[f] != kind.ordinal())) {
          continue;
        }
        if (skipped < offset) {
          skipped++;
          continue;
        }
        if (out.size() == k) {
          next = Cursor.encode(offset + k);
          break;
        }
        out.add(recalled(index, f, 1f, null, ""));
      }
    }
    return new dev.engram.RecallPage(out.toArray(new dev.engram.Recalled[0]), next);
  }

  /**
   * Forgets the facts of {@code scope} whose text contains {@code substring} (case-insensitive); with
   * an empty substring, the whole scope, variables included. Returns how many facts were forgotten.
   */
  public int forget(String scope, String substring) {
    ScopeIndex index = scopes.get(scope);
    if (index == null) {
      return 0;
    }
    if (substring.isEmpty()) {
      scopes.remove(scope);
      semantic.remove(scope);
      return index.liveCount;
    }
    String needle = substring.toLowerCase();
    int count = 0;
    for (int f = 0; f < index.factCount; f++) {
      if (!index.isForgotten(f) && index.text(f).toLowerCase().contains(needle)) {
        index.forget(f);
        count++;
      }
    }
    return count;
  }

  /** Forgets one fact by id; false when there is no such live fact. */
  public boolean forgetId(String scope, int id) {
    ScopeIndex index = scopes.get(scope);
    if (index == null || id < 0 || id >= index.factCount || index.isForgotten(id)) {
      return false;
    }
    index.forget(id);
    return true;
  }

  public void setVar(String scope, String name, String value) {
    ScopeIndex index = scopes.get(scope);
    if (index == null) {
      index = new ScopeIndex();
      scopes.put(scope, index);
    }
    index.vars.put(name, value);
  }

  public String getVar(String scope, String name) {
    ScopeIndex index = scopes.get(scope);
    return index == null ? null : index.vars.get(name);
  }

  public boolean deleteVar(String scope, String name) {
    ScopeIndex index = scopes.get(scope);
    return index != null && index.vars.remove(name) != null;
  }

  /** The scope's variables, sorted by name. */
  public java.util.SortedMap<String, String> vars(String scope) {
    ScopeIndex index = scopes.get(scope);
    return index == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(index.vars);
  }

  /** Names of the scopes that hold anything, sorted. */
  public String[] scopes() {
    return scopes.keySet().toArray(new String[0]);
  }

  /** Counts for one scope, or for the whole store when {@code scope} is null. */
  public dev.engram.Stats stats(String scope) {
    int scopeCount = 0;
    long facts = 0;
    long forgotten = 0;
    long terms = 0;
    long links = 0;
    long vars = 0;
    for (java.util.Map.Entry<String, ScopeIndex> e : scopes.entrySet()) {
      if (scope != null && !scope.equals(e.getKey())) {
        continue;
      }
      ScopeIndex index = e.getValue();
      scopeCount++;
      facts += index.liveCount;
      forgotten += index.factCount - index.liveCount;
      terms += index.termCount();
      vars += index.vars.size();
      links += index.linkCount();
    }
    return new dev.engram.Stats(scopeCount, facts, forgotten, terms, links, vars);
  }

  /** The snapshot section that carries a scope's semantic state ({@link #semanticImage}). */
  public static final String SEMANTIC_SECTION = "semantic";

  /**
   * The state of one scope for a snapshot, or null when the scope does not exist; with semantic recall
   * on, its semantic state rides along as the {@link #SEMANTIC_SECTION} section.
   */
  public ScopeImage image(String scope) {
    ScopeIndex index = scopes.get(scope);
    if (index == null) {
      return null;
    }
    ScopeImage image = index.image();
    byte[] semanticState = semanticImage(scope);
    if (semanticState != null) {
      image.sections().put(SEMANTIC_SECTION, semanticState);
    }
    return image;
  }

  /**
   * Replaces (or creates) a scope from a snapshot image. Its semantic section, when semantic recall is
   * on, is restored too; one written against another word table is a derived cache, so it is dropped and
   * the facts are encoded again when next needed.
   */
  public void restore(String scope, ScopeImage image) {
    scopes.put(scope, ScopeIndex.fromImage(image));
    semantic.remove(scope);
    byte[] saved = image.sections().get(SEMANTIC_SECTION);
    if (saved != null && wordTable != null) {
      try {
        restoreSemantic(scope, saved);
      } catch (IllegalArgumentException stale) {
        // rebuilt from the facts instead
      }
    }
  }

  // ---- semantic recall (opt-in: see useSemantic) ---------------------------------------------

  /** Null until {@link #useSemantic}: memory is purely lexical and holds no encodings. */
  private dev.engram.semantic.WordTable wordTable;
  private dev.engram.semantic.SemanticParams semanticParams;
  private final java.util.HashMap<String, dev.engram.semantic.SemanticScope> semantic = new java.util.HashMap<>();

  /**
   * Turns on semantic recall: when no fact answers a question lexically, memory widens its words with
   * their near neighbours in {@code table} (word vectors and WordNet relations) that the scope holds,
   * takes the facts whose encodings are nearest the question's, and answers only when a fact covers
   * the widened question and is close in meaning. Each scope's facts are encoded when first needed and
   * every new fact as it is observed (about 104 bytes a fact). See docs/ENCODERS.md.
   */
  public void useSemantic(dev.engram.semantic.WordTable table, dev.engram.semantic.SemanticParams params) {
    if (table == null || params == null) {
      throw new IllegalArgumentException("useSemantic needs a word table and parameters");
    }
    if (wordTable != table) {
      semantic.clear();
    }
    wordTable = table;
    semanticParams = params;
  }

  public boolean semanticEnabled() {
    return wordTable != null;
  }

  /** The saved form of a scope's semantic state, or null when semantic recall is off or the scope is absent. */
  public byte[] semanticImage(String scope) {
    ScopeIndex index = scopes.get(scope);
    return wordTable == null || index == null ? null : semanticOf(scope, index).toBytes();
  }

  /**
   * Restores a scope's semantic state saved by {@link #semanticImage}, after {@link #restore} of the
   * same scope. Ignored when semantic recall is off (the facts are encoded again if it is turned on).
   */
  public void restoreSemantic(String scope, byte[] bytes) {
    ScopeIndex index = scopes.get(scope);
    if (index == null) {
      throw new IllegalArgumentException("restoreSemantic: no scope '" + scope + "' (restore it first)");
    }
    if (wordTable != null) {
      semantic.put(scope, dev.engram.semantic.SemanticScope.fromBytes(wordTable, bytes, index.factCount));
    }
  }

  /** The scope's semantic state, brought up to date with its facts (forgotten ones too: numbers must line up). */
  private dev.engram.semantic.SemanticScope semanticOf(String scope, ScopeIndex index) {
    dev.engram.semantic.SemanticScope s = semantic.get(scope);
    if (s == null) {
      s = new dev.engram.semantic.SemanticScope(wordTable);
      semantic.put(scope, s);
    }
    for (int f = s.size(); f < index.factCount; f++) {
      // A forgotten fact keeps its number but teaches nothing and is never found (zero encoding).
      s.add(index.isForgotten(f) || index.texts[f] == null ? "" : index.texts[f]);
    }
    return s;
  }

  /**
   * The answer by meaning, or null. Each question word gains as stand-ins the scope's words that are its
   * WordNet relatives or nearest vectors (weighted below an exact match), candidates come from the
   * widened question and from the fact encodings nearest the question's, and a fact answers when it
   * covers the widened question ({@code SemanticParams.answerCoverage}), is close in meaning
   * ({@code minFactCosine}), offers a value of the right shape exactly as the lexical path reads it, and
   * the value fits what is asked.
   */
  private Answer semanticAnswer(String scope, ScopeIndex index, Query lexical, String question, boolean use) {
    dev.engram.semantic.SemanticParams p = semanticParams;
    dev.engram.semantic.SemanticScope s = semanticOf(scope, index);
    // A fresh copy of the question to widen: the lexical one stays as it was, to tell which facts the
    // stand-ins helped.
    Query q = Query.parse(question);
    weigh(index, q);
    boolean widened = false;
    for (int t = 0; t < q.termCount; t++) {
      widened |= widen(index, q, t, s.table(), p);
    }
    if (!widened) {
      return null; // nothing new to match: the lexical reading stands
    }
    float[] meaning = s.encoder().encode(question);
    int[] near = s.facts().nearest(meaning, p.embeddingCandidates(), p.bruteForceMax());
    q.weighedFor = null; // stand-ins change which words are known and how rare they are
    int[] strict = answerCandidates(index, q, CANDIDATES);
    int[] broad = candidates(index, q, CANDIDATES);
    java.util.LinkedHashSet<Integer> pool = new java.util.LinkedHashSet<>();
    for (int[] list : new int[][] {strict == null ? new int[0] : strict, broad, near}) {
      for (int f : list) {
        if (!index.isForgotten(f)) {
          pool.add(f);
        }
      }
    }
    float bar = (float) p.answerCoverage();
    FactMatch best = null;
    float bestScore = -1;
    for (int f : pool) {
      float cos = s.facts().cosine(f, meaning);
      if (cos < p.minFactCosine()) {
        continue;
      }
      FactMatch m = new FactMatch(f, index.texts[f], q);
      if (!answersByMeaning(m, q, bar, (float) p.maxMissingShare()) || !fitsByMeaning(q, m)) {
        continue;
      }
      // Only a fact whose missing question words the stand-ins supplied: one the lexical reading already
      // covered and turned down (wrong shape, someone else's) stays turned down.
      FactMatch plain = new FactMatch(f, index.texts[f], lexical);
      if (plain.missingTerms <= m.missingTerms && plain.coverage >= m.coverage) {
        continue;
      }
      float score = quality(m) + 0.25f * cos;
      if (score > bestScore || (score == bestScore && m.fact > best.fact)) {
        bestScore = score;
        best = m;
      }
    }
    if (best == null) {
      return null;
    }
    if (use) {
      reinforce(index, best.fact);
    }
    return new Answer(best.value, index.texts[best.fact],
        round(confidence(best, q, false) * (float) p.confidenceScale()));
  }

  /**
   * The semantic reading's test: a value of the right shape, enough of the widened question covered, not
   * about someone else or another time, and the question words no fact word stands for light enough.
   */
  private static boolean answersByMeaning(FactMatch m, Query q, float bar, float maxMissingShare) {
    if (m.value == null || m.coverage < bar || (q.aboutSpeaker && m.aboutSomeoneElse) || m.otherTime) {
      return false;
    }
    float total = 0;
    float missing = 0;
    for (int t = 0; t < q.termCount; t++) {
      if (!q.soft[t]) {
        total += q.weights[t];
        if (m.termMatch[t] == 0) {
          missing += q.weights[t];
        }
      }
    }
    return missing <= maxMissingShare * total;
  }

  /**
   * With semantic recall on, a lexical answer whose value is not the kind of thing asked for ("what is
   * the babysitter's name?" → "charges 15 dollars") is taken back: the semantic reading may still find
   * one, and otherwise memory abstains, keeping the fact as the closest it came.
   */
  private Answer unlessUnfit(Query q, Answer answer) {
    if (answer == null || answer.value() == null) {
      return answer;
    }
    FactMatch m = new FactMatch(-1, answer.fact(), q);
    if (m.value == null || !m.value.equals(answer.value()) || fitsByMeaning(q, m)) {
      return answer; // another reading chose this value (an update, a rival): leave it as it was
    }
    return new Answer(null, answer.fact(), round(answer.confidence() * 0.5f));
  }

  /**
   * With semantic recall on, whether a match's value is the kind of thing the question asks for (a name,
   * a person, a time, a place, a kind of the question's kind noun), judged with the word table.
   */
  private boolean fitsByMeaning(Query q, FactMatch m) {
    String kindNoun = null;
    int kindToken = -1;
    for (int t = 0; t < q.termCount && kindNoun == null; t++) {
      if ((q.kindNouns & (1 << t)) != 0) {
        kindNoun = q.words[t];
        for (int i = 0; i < m.matchedTerm.length && kindToken < 0; i++) {
          if (m.matchedTerm[i] == t) {
            kindToken = i;
          }
        }
      }
    }
    return dev.engram.semantic.ValueFit.fits(wordTable, semanticParams, q.kind, q.wantsName, kindNoun,
        kindToken, m.tokens, m.valueFrom, m.valueTo);
  }

  /** Adds term {@code t}'s meaning-level stand-ins that the scope holds; true when any was added. */
  private static boolean widen(ScopeIndex index, Query q, int t, dev.engram.semantic.WordTable table,
      dev.engram.semantic.SemanticParams p) {
    String stem = q.alternatives[t][0];
    int id = dev.engram.semantic.WordEncoder.lookup(table, q.words[t], stem);
    if (id < 0) {
      return false;
    }
    java.util.HashMap<String, Float> offered = new java.util.HashMap<>();
    for (int r = table.relationStart(id); r < table.relationEnd(id); r++) {
      float w = p.relationWeight(table.relationKind(r));
      if (w > 0) {
        offer(offered, table.stem(table.relationTarget(r)), w);
      }
    }
    // Very common words ("take", "come", "first") sit near everything in vector space: they neither get
    // nor give vector stand-ins (WordNet relations still apply).
    if (id >= p.commonRank()) {
      dev.engram.semantic.WordTable.Neighbours nb = table.neighbours(id, p.neighbours());
      for (int i = 0; i < nb.ids().length && nb.cosines()[i] >= p.minWordCosine(); i++) {
        int other = nb.ids()[i];
        // Close vectors also join contrasts ("cat"/"dog", "staging"/"production"): when WordNet knows
        // the question word, it must link the neighbour to it too.
        boolean contrast = table.inWordNet(id) && !table.linked(id, other);
        if (other >= p.commonRank() && !(p.wordNetGate() && contrast)) {
          offer(offered, table.stem(other), p.neighbourWeight(nb.cosines()[i]));
        }
      }
    }
    java.util.ArrayList<java.util.Map.Entry<String, Float>> kept = new java.util.ArrayList<>();
    for (java.util.Map.Entry<String, Float> e : offered.entrySet()) {
      if (index.term(TermHash.of(e.getKey())) >= 0 && !q.hasAlternative(t, e.getKey())) {
        kept.add(e);
      }
    }
    // Best first, then by spelling, so every runtime keeps the same stand-ins.
    kept.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Float.compare(b.getValue(), a.getValue())
        : a.getKey().compareTo(b.getKey()));
    int n = Math.min(kept.size(), p.maxAlternatives());
    for (int i = 0; i < n; i++) {
      q.addSemantic(t, kept.get(i).getKey(), kept.get(i).getValue());
    }
    return n > 0;
  }

  private static void offer(java.util.HashMap<String, Float> offered, String stem, float weight) {
    Float old = offered.get(stem);
    if (old == null || old < weight) {
      offered.put(stem, weight);
    }
  }

  public int size(String scope) {
    ScopeIndex index = scopes.get(scope);
    return index == null ? 0 : index.liveCount;
  }

  /**
   * The (at most {@code limit}) facts carrying the most question weight, best first, newest first among
   * equals. Sets {@code q.weights} for this scope as a side effect.
   */
  private int[] candidates(ScopeIndex index, Query q, int limit) {
    int n = index.factCount;
    if (accumulated.length < n) {
      int cap = Math.max(n, accumulated.length * 2);
      accumulated = new float[cap];
      stamp = new int[cap];
      touched = new int[cap];
      creditedTerms = new int[cap];
      stampClock = 0;
    }
    weigh(index, q);
    int query = ++stampClock;
    int touchedCount = 0;
    // Each fact gets, per term, the weight of its best alternative: alternatives are visited best first
    // and a per-fact bitmask of credited terms stops a second credit.
    for (int t = 0; t < q.termCount; t++) {
      String[] alts = q.alternatives[t];
      float[] ws = q.altWeights[t];
      int[] handles = q.handles(t);
      int bit = 1 << t;
      for (int a : byWeightDescending(ws)) {
        int term = handles != null ? handles[a] : index.term(TermHash.of(alts[a]));
        if (term < 0) {
          continue;
        }
        int size = index.size(term);
        float credit = q.weights[t] * ws[a];
        for (int p = 0; p < size; p++) {
          int f = index.posting(term, p);
          if (stamp[f] != query) {
            stamp[f] = query;
            accumulated[f] = credit;
            creditedTerms[f] = bit;
            touched[touchedCount++] = f;
          } else if ((creditedTerms[f] & bit) == 0) {
            accumulated[f] += credit;
            creditedTerms[f] |= bit;
          }
        }
      }
    }
    // Select the top `limit` live facts.
    int[] best = new int[Math.min(limit, touchedCount)];
    int kept = 0;
    for (int i = 0; i < touchedCount; i++) {
      int f = touched[i];
      if (index.isForgotten(f)) {
        continue;
      }
      if (kept < best.length) {
        best[kept++] = f;
        siftUp(best, kept - 1);
      } else if (better(f, best[0])) {
        best[0] = f;
        siftDown(best, kept);
      }
    }
    int[] out = java.util.Arrays.copyOf(best, kept);
    // Heap holds the worst at the root; sort best first.
    for (int i = 1; i < out.length; i++) {
      int f = out[i];
      int j = i - 1;
      while (j >= 0 && better(f, out[j])) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = f;
    }
    return out;
  }

  private boolean better(int a, int b) {
    float x = accumulated[a];
    float y = accumulated[b];
    return x > y || (x == y && a > b);
  }

  private void siftUp(int[] heap, int i) {
    while (i > 0) {
      int parent = (i - 1) >> 1;
      if (better(heap[parent], heap[i])) {
        int tmp = heap[parent];
        heap[parent] = heap[i];
        heap[i] = tmp;
        i = parent;
      } else {
        return;
      }
    }
  }

  private void siftDown(int[] heap, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int worst = i;
      if (l < size && better(heap[worst], heap[l])) {
        worst = l;
      }
      if (r < size && better(heap[worst], heap[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      int tmp = heap[worst];
      heap[worst] = heap[i];
      heap[i] = tmp;
      i = worst;
    }
  }

  private static int[] byWeightDescending(float[] ws) {
    int[] order = new int[ws.length];
    for (int i = 0; i < ws.length; i++) {
      order[i] = i;
    }
    for (int i = 1; i < order.length; i++) {
      int v = order[i];
      int j = i - 1;
      while (j >= 0 && ws[order[j]] < ws[v]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
    return order;
  }

  /**
   * Sets each term's weight for this scope: an IDF, so rare cues count more, and a cue the scope has
   * never seen counts most. Unknown words get one chance at a typo repair against the vocabulary.
   */
  private void weigh(ScopeIndex index, Query q) {
    if (q.weighedFor == index) {
      return; // the strict path already weighed it; the broad fallback reuses the weights and repairs
    }
    q.weighedFor = index;
    int n = index.factCount;
    for (int t = 0; t < q.termCount; t++) {
      String[] alts = q.alternatives[t];
      int[] handles = new int[alts.length];
      int df = 0;
      for (int a = 0; a < alts.length; a++) {
        handles[a] = index.term(TermHash.of(alts[a]));
        df = Math.max(df, index.documentFrequency(handles[a]));
      }
      if (df == 0) {
        String repair = repair(index, q.words[t]);
        if (repair != null) {
          q.addRepair(t, repair);
          handles = java.util.Arrays.copyOf(handles, alts.length + 1);
          handles[alts.length] = index.term(TermHash.of(repair));
          df = index.documentFrequency(handles[alts.length]);
        }
      }
      q.altHandles[t] = handles;
      q.known[t] = df > 0;
      float idf = (float) Math.log(1.0 + (n + 1.0) / (df + 0.5));
      q.weights[t] = q.soft[t] ? idf * Query.SOFT : idf;
    }
  }

  /** A stem one edit away from {@code word} (delete, transpose, substitute, insert) that the scope holds. */
  private static String repair(ScopeIndex index, String word) {
    int len = word.length();
    if (len < 3 || len > MAX_REPAIR_CHARS) {
      return null; // candidates grow with the square of the length; long tokens are identifiers
    }
    for (int i = 0; i < len; i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return null; // identifiers and numbers are never "repaired" into each other
      }
    }
    String best = null;
    int bestDf = 0;
    // Transpositions first: the commonest typo, and the only one tried on 3-letter words.
    for (int i = 0; i + 1 < len; i++) {
      char[] cs = word.toCharArray();
      char tmp = cs[i];
      cs[i] = cs[i + 1];
      cs[i + 1] = tmp;
      String cand = Stemmer.stem(new String(cs));
      int df = index.documentFrequency(index.term(TermHash.of(cand)));
      if (df > bestDf) {
        bestDf = df;
        best = cand;
      }
    }
    if (best != null || len < 4) {
      return best;
    }
    StringBuilder sb = new StringBuilder(len + 1);
    for (int i = 0; i <= len; i++) {
      for (int kind = 0; kind < 3; kind++) {
        if (kind == 0 && i == len) {
          continue; // delete needs a char at i
        }
        if (kind == 1 && i == len) {
          continue; // substitute needs a char at i
        }
        for (char c = 'a'; c <= 'z'; c++) {
          sb.setLength(0);
          if (kind == 0) {
            if (c != 'a') {
              break; // one deletion per position
            }
            sb.append(word, 0, i).append(word, i + 1, len);
          } else if (kind == 1) {
            if (c == word.charAt(i)) {
              continue;
            }
            sb.append(word, 0, i).append(c).append(word, i + 1, len);
          } else {
            sb.append(word, 0, i).append(c).append(word, i, len);
          }
          String cand = Stemmer.stem(sb.toString());
          if (cand.length() < 3) {
            continue;
          }
          int df = index.documentFrequency(index.term(TermHash.of(cand)));
          if (df > bestDf) {
            bestDf = df;
            best = cand;
          }
        }
      }
    }
    return best;
  }
}
