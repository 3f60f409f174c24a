package dev.engram.memory;

import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;

/**
 * One fact read against one question: which of its words match which question terms, how much of the
 * question it covers, how much of itself the question accounts for, and the value it offers.
 *
 * <p>The value is the part of the fact the question did not already say. The fact is cut into
 * candidate chunks (runs of words that are neither matched cues, function words, copulas nor relation
 * verbs); each chunk is scored by which side of a copula ("X is Y", "Y is X", "X: Y", "X is owned by Y")
 * it sits on relative to the matched cues, by whether it has the shape the question asks for (a number
 * for "how many", a time for "when", a capitalised name for "who", a place after "in/at" for "where")
 * and by adjacency ("the <b>pro</b> plan", "<b>14</b> tables"). The best chunk is the value.
 */
final class FactMatch {
  final int fact;
  final Tokens tokens;
  /** Per token, its {@link Lexicon#classes} bits: one lookup per word instead of one per question asked of it. */
  private final int[] lex;
  /** Per token, the question term it matches, or -1. */
  final int[] matchedTerm;
  final float[] matchWeight;
  /** Weighted share of the question's terms this fact matches, 0..1 (soft terms only count when present). */
  float coverage;
  /** Weighted share of the fact's own cue words (outside the value) that the question matched, 0..1. */
  float precision;
  /** Content words (not verbs, times or numbers) outside the value that the question did not mention. */
  int unmatchedNouns;
  /** Per question term, the best match weight in this fact (0 when absent). */
  float[] termMatch;
  /** Non-soft question terms the fact does not match. */
  int missingTerms;
  /** The fact opens on a bare verb ("Call Ana about the cache"): an instruction, not a statement of a value. */
  boolean imperative;
  /** The fact is about another relative time than the question ("next week" for "this week"). */
  boolean otherTime;
  /** The focus clause's subject is someone else: "my wife …", "Lena …" (not I/we, not asked about). */
  boolean aboutSomeoneElse;
  String value;
  float valueScore;
  /** How well the value has the shape the question asks for (a name for "who", a place for "where"). */
  float valueShape;
  /** The shape part of the last chunk {@link #scoreChunk} scored. */
  private float chunkShape;
  /** Score of the best other chunk: a close runner-up means the value was a near-guess. */
  float runnerUpScore = -1e9f;
  int valueFrom = -1;
  int valueTo = -1;

  private static final int FREE = 0;
  private static final int MATCHED = 1;
  private static final int STOP = 2;
  private static final int COPULA = 3;
  private static final int VERB = 4;
  private static final int TRANSITION = 5;

  FactMatch(int fact, String text, Query q) {
    this.fact = fact;
    this.tokens = Tokens.of(text);
    int n = tokens.size;
    lex = new int[n];
    for (int i = 0; i < n; i++) {
      lex[i] = Lexicon.classes(tokens.norm[i]);
    }
    matchedTerm = new int[n];
    matchWeight = new float[n];
    float[] best = new float[q.termCount];
    for (int i = 0; i < n; i++) {
      matchedTerm[i] = -1;
      if (tokens.has(i, Tokens.SYNTHETIC)) {
        continue;
      }
      String stem = Stemmer.stem(tokens.norm[i]);
      int term = q.match(stem);
      if (term < 0 && !stem.equals(tokens.norm[i])) {
        term = q.match(tokens.norm[i]);
      }
      if (term < 0) {
        String normal = Questions.normalize(tokens.norm[i]);
        if (!normal.equals(tokens.norm[i])) {
          term = q.match(Stemmer.stem(normal)); // "pw" in the fact, "password" in the question
        }
      }
      if (term < 0) {
        // Word families meet at their root: "owner" answers "who owns", "deployment" answers "deploy".
        term = q.match(Stemmer.root(stem));
        if (term >= 0 && q.lastWeight > Query.RELATED) {
          q.lastWeight = Query.RELATED;
        }
      }
      if (term >= 0) {
        matchedTerm[i] = term;
        matchWeight[i] = q.lastWeight;
        if (q.lastWeight > best[term]) {
          best[term] = q.lastWeight;
        }
      }
    }
    float got = 0;
    float total = 0;
    for (int t = 0; t < q.termCount; t++) {
      float w = q.weights[t];
      if (q.soft[t]) {
        if (best[t] > 0) {
          got += w * best[t];
          total += w;
        }
      } else {
        got += w * best[t];
        total += w;
      }
    }
    coverage = total == 0 ? 0 : got / total;
    termMatch = best;
    for (int t = 0; t < q.termCount; t++) {
      if (!q.soft[t] && best[t] == 0) {
        missingTerms++;
      }
    }
    extractValue(q);
    computePrecision();
    aboutSomeoneElse = subjectIsSomeoneElse();
    // Read the fact's relative times only when the question names one: most questions don't.
    otherTime = !q.deixis.isEmpty() && dev.engram.text.Deixis.conflict(q.deixis, dev.engram.text.Deixis.of(tokens));
    String first = tokens.size > 0 ? tokens.norm[0] : "";
    imperative = tokens.size > 0 && is(0, Lexicon.IS_VERB) && !first.endsWith("s") && !first.endsWith("ed")
        && !first.endsWith("ing");
  }

  private boolean is(int i, int bits) {
    return (lex[i] & bits) != 0;
  }

  private int classOf(int i) {
    if (matchedTerm[i] >= 0) {
      return MATCHED;
    }
    String w = tokens.norm[i];
    if (tokens.has(i, Tokens.SYNTHETIC)) {
      return w.equals("is") || w.equals("are") || w.equals("am") ? COPULA : STOP;
    }
    if (isCopula(w)) {
      // "9:30 am" is a time, not "I am"
      if (w.equals("am") && i > 0 && tokens.has(i - 1, Tokens.NUMERIC)) {
        return FREE;
      }
      return COPULA;
    }
    if (tokens.has(i, Tokens.HAS_DIGIT) || is(i, Lexicon.IS_NUMBER_WORD)) {
      return FREE;
    }
    if (isMidSentenceCapital(i)) {
      return FREE; // a name: "May 30", "400 Harbor Drive", "The Remains of the Day"
    }
    if (w.equals("may") && i > 0 && (tokens.norm[i - 1].equals("of") || tokens.has(i - 1, Tokens.HAS_DIGIT))) {
      return FREE; // "the 9th of may", "3 may": the month, not the verb
    }
    if (is(i, Lexicon.IS_STOP)) {
      return STOP;
    }
    if (is(i, Lexicon.IS_TRANSITION)) {
      return TRANSITION;
    }
    if (is(i, Lexicon.IS_VERB) || looksLikeParticiple(i) || Stemmer.isIrregularVerbForm(w) || isGerund(i)) {
      return VERB;
    }
    return FREE;
  }

  /**
   * True when every word of the value is capitalized mid-sentence, a name ("Nordbank", "Hollis &amp;
   * Grant"), or, with {@code orCode}, mixes letters and digits, a code ("eu-north-1", "B12").
   */
  boolean valueIsName(boolean orCode) {
    if (value == null || valueFrom < 0) {
      return false;
    }
    boolean any = false;
    for (int i = valueFrom; i <= valueTo; i++) {
      if (tokens.has(i, Tokens.SYNTHETIC) || isNameJoiner(tokens.norm[i])) {
        continue;
      }
      if (!isMidSentenceCapital(i) && !(orCode && isCode(tokens.norm[i]))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isCode(String w) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      letter |= Character.isLetter(c);
      digit |= c >= '0' && c <= '9';
    }
    return letter && digit;
  }

  private boolean isMidSentenceCapital(int i) {
    return tokens.has(i, Tokens.CAPITALIZED) && !tokens.has(i, Tokens.FIRST) && !tokens.norm[i].equals("i")
        && !(i > 0 && endsSentence(i - 1));
  }

  /** True when a sentence ends right after token i (a later sentence of a multi-sentence fact). */
  private boolean endsSentence(int i) {
    for (int c = tokens.end[i]; c < tokens.start[i + 1]; c++) {
      char ch = tokens.text.charAt(c);
      if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '"') {
        return true;
      }
    }
    return false;
  }

  /** "starting", "staying": an -ing word is a verb form unless a determiner makes it a noun ("the meeting"). */
  private boolean isGerund(int i) {
    String w = tokens.norm[i];
    if (w.length() <= 5 || !w.endsWith("ing") || tokens.has(i, Tokens.CAPITALIZED) || is(i, Lexicon.IS_TIME_LIKE)) {
      return false;
    }
    String before = i > 0 ? tokens.norm[i - 1] : "";
    return !(before.equals("the") || before.equals("a") || before.equals("an") || before.equals("my")
        || before.equals("our") || before.equals("your") || before.equals("his") || before.equals("her")
        || before.equals("their") || before.equals("is") || before.equals("are") || before.equals("was"));
  }

  /** "painted", "located", "scheduled": a lower-case -ed word is a verb form, not a value. */
  private boolean looksLikeParticiple(int i) {
    String w = tokens.norm[i];
    if (w.length() <= 4 || !w.endsWith("ed") || w.endsWith("eed") || tokens.has(i, Tokens.CAPITALIZED)) {
      return false;
    }
    // "my application status is approved": a participle that is the whole predicate is the value.
    boolean afterCopula = i > 0 && isCopula(tokens.norm[i - 1]);
    return !(afterCopula && i == tokens.size - 1);
  }

  private static boolean isCopula(String w) {
    return w.equals("is") || w.equals("are") || w.equals("was") || w.equals("were") || w.equals("am")
        || w.equals("be") || w.equals("been") || w.equals("equals") || w.equals("means");
  }

  /** True when the gap between tokens i-1 and i holds ':' or '=' — a "key: value" split. */
  private boolean colonBefore(int i) {
    if (i == 0) {
      return false;
    }
    for (int c = tokens.end[i - 1]; c < tokens.start[i]; c++) {
      char ch = tokens.text.charAt(c);
      if (ch == ':' || ch == '=') {
        return true;
      }
    }
    return false;
  }

  private boolean commaBefore(int i) {
    if (i == 0) {
      return false;
    }
    for (int c = tokens.end[i - 1]; c < tokens.start[i]; c++) {
      char ch = tokens.text.charAt(c);
      if (ch == ',' || ch == ';' || ch == '(' || ch == ')' || ch == '"') {
        return true;
      }
    }
    return false;
  }

  /**
   * The clause of the fact the question is about, as [clauseFrom, clauseTo]. A fact may say several
   * things ("Femke left for Amsterdam, so our head barista is now Anneliese"): the value and the
   * "anything unasked?" check come from the clause holding most of the matched cues. Clauses end at
   * , ; and at "and/but/so/since/because/while…" once the words before already form a clause (have a
   * verb or copula).
   */
  int clauseFrom;
  int clauseTo;

  private void focusClause(int[] cls) {
    int n = tokens.size;
    clauseFrom = 0;
    clauseTo = n - 1;
    float bestWeight = -1;
    float previousWeight = 0;
    int start = 0;
    boolean hasVerb = false;
    for (int i = 0; i <= n; i++) {
      boolean boundary = i == n;
      int nextStart = i;
      if (!boundary && i > start) {
        String w = tokens.norm[i];
        if (clauseBreakBefore(i) && !(isDatePart(i - 1) && isDatePart(i)) && ownVerbAhead(cls, i)) {
          boundary = true;
        } else if (hasVerb && isConjunction(w) && verbAhead(cls, i + 1)) {
          boundary = true;
          nextStart = i + 1;
        }
      }
      if (boundary) {
        float weight = 0;
        for (int k = start; k < i; k++) {
          weight += matchWeight[k];
        }
        // A clause opening on its verb ("… and is 40 cm wide") shares the previous clause's subject.
        if (start > 0 && start < n && (cls[start] == COPULA || cls[start] == VERB
            || (cls[start] == MATCHED && isVerbLike(start)))) {
          weight += previousWeight;
        }
        previousWeight = weight;
        if (weight > bestWeight) {
          bestWeight = weight;
          clauseFrom = start;
          clauseTo = i - 1;
        }
        start = nextStart;
        hasVerb = false;
      }
      if (i < n && (cls[i] == COPULA || cls[i] == VERB || (cls[i] == MATCHED && isVerbLike(i)))) {
        hasVerb = true;
      }
    }
  }

  /**
   * True when the words from {@code i} to the next comma form a clause of their own: a verb or copula
   * after at least one word of subject ("Tomas is the team lead"), unlike a list item ("3 eggs") or a
   * predicate continuing the subject before the comma ("is on Main Street").
   */
  private boolean ownVerbAhead(int[] cls, int i) {
    for (int k = i; k < tokens.size; k++) {
      if (k > i && clauseBreakBefore(k)) {
        return false;
      }
      boolean verb = cls[k] == COPULA || cls[k] == VERB || (cls[k] == MATCHED && isVerbLike(k));
      if (verb) {
        return k > i;
      }
    }
    return false;
  }

  /** A verb before the next comma, first word allowed: "weighs 12 kg and <b>is</b> 40 cm wide". */
  private boolean verbAhead(int[] cls, int i) {
    return i < tokens.size && (cls[i] == COPULA || cls[i] == VERB || ownVerbAhead(cls, i));
  }

  private boolean isVerbLike(int i) {
    String w = tokens.norm[i];
    return is(i, Lexicon.IS_VERB) || looksLikeParticiple(i) || Stemmer.isIrregularVerbForm(w);
  }

  private static boolean isConjunction(String w) {
    return w.equals("and") || w.equals("but") || w.equals("so") || w.equals("since") || w.equals("because")
        || w.equals("while") || w.equals("although") || w.equals("though") || w.equals("whereas")
        || w.equals("then") || w.equals("after") || w.equals("before");
  }

  private boolean clauseBreakBefore(int i) {
    for (int c = tokens.end[i - 1]; c < tokens.start[i]; c++) {
      char ch = tokens.text.charAt(c);
      if (ch == ',' || ch == ';' || ch == '(' || ch == ')') {
        return true;
      }
    }
    return false;
  }

  /** The clause being read announces a change of value ("moved", "switched", "changed"). */
  /** The clause the value came from announces a change ("moved", "switched"): it states an update. */
  boolean changeInClause;

  /** Per token, its class (FREE, MATCHED, STOP, COPULA, VERB, TRANSITION), computed once. */
  private int[] cls;

  private void extractValue(Query q) {
    int n = tokens.size;
    cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = classOf(i);
    }
    focusClause(cls);
    if (valueIn(q, cls, clauseFrom, clauseTo) || (clauseFrom == 0 && clauseTo == n - 1)) {
      return;
    }
    clauseFrom = 0;
    clauseTo = n - 1;
    valueIn(q, cls, 0, n - 1);
  }

  /** Finds the value among the tokens [from, to]; true when one was found. */
  private boolean valueIn(Query q, int[] cls, int lo, int hi) {
    int n = hi + 1;
    changeInClause = false;
    for (int i = lo; i < n; i++) {
      changeInClause |= is(i, Lexicon.IS_TRANSITION) || tokens.norm[i].equals("rescheduled")
          || tokens.norm[i].equals("postponed") || tokens.norm[i].equals("pushed");
    }
    // The split: the first copula or "key: value" colon with words on both sides; a passive
    // "X is owned by Y" splits at "by". Left of the split is [0, leftEnd), right is [rightStart, n).
    int leftEnd = -1;
    int rightStart = -1;
    for (int i = lo + 1; i < n && leftEnd < 0; i++) {
      if (colonBefore(i)) {
        leftEnd = i;
        rightStart = i;
      } else if (cls[i] == COPULA && i < n - 1) {
        leftEnd = i;
        rightStart = i + 1;
        if (i + 2 < n && tokens.norm[i + 2].equals("by") && tokens.norm[i + 1].endsWith("ed")) {
          leftEnd = i + 2;
          rightStart = i + 3;
        }
      } else if (tokens.norm[i].equals("by") && i < n - 1 && tokens.norm[i - 1].endsWith("ed")) {
        leftEnd = i;
        rightStart = i + 1;
      }
    }
    int matchedLeft = 0;
    int matchedRight = 0;
    for (int i = lo; i < n; i++) {
      if (cls[i] == MATCHED) {
        if (leftEnd >= 0 && i >= rightStart) {
          matchedRight++;
        } else {
          matchedLeft++;
        }
      }
    }
    float bestScore = -1e9f;
    runnerUpScore = -1e9f;
    valueFrom = -1;
    valueTo = -1;
    int i = lo;
    while (i < n) {
      if (cls[i] != FREE) {
        i++;
        continue;
      }
      int from = i;
      int to = i;
      int j = i + 1;
      while (j < n) {
        if (cls[j] == FREE && !commaBefore(j) && !timeBoundary(to, j)) {
          to = j;
          j++;
          continue;
        }
        // Up to two small words inside a capitalised name: "Bank of America", "The Remains of the Day".
        int gap = 0;
        while (gap < 2 && j + gap < n && cls[j + gap] == STOP && isNameJoiner(tokens.norm[j + gap])
            && !commaBefore(j + gap)) {
          gap++;
        }
        if (gap > 0 && j + gap < n && cls[j + gap] == FREE && !commaBefore(j + gap)
            && tokens.has(to, Tokens.CAPITALIZED) && tokens.has(j + gap, Tokens.CAPITALIZED)) {
          to = j + gap;
          j += gap + 1;
          continue;
        }
        // "600 requests per minute", "Thursday at 10am": a rate's unit, a day's time.
        if (j + 1 < n && cls[j] == STOP && cls[j + 1] == FREE && !commaBefore(j) && !commaBefore(j + 1)
            && (tokens.norm[j].equals("per")
                || (tokens.norm[j].equals("at") && is(to, Lexicon.IS_TIME_LIKE) && isClockTime(j + 1)))) {
          to = j + 1;
          j += 2;
          continue;
        }
        // "the 9th of May": an ordinal joined to its month by "of".
        if (j + 1 < n && tokens.norm[j].equals("of") && isDatePart(to) && is(j + 1, Lexicon.IS_MONTH)
            && !commaBefore(j)) {
          to = j + 1;
          j += 2;
          continue;
        }
        // "the first of the month", "the 3rd of each quarter": an ordinal day of a period.
        int period = j + 1 < n && tokens.norm[j].equals("of") && isOrdinal(to) && !commaBefore(j) ? j + 1 : -1;
        if (period >= 0 && period + 1 < n && (tokens.norm[period].equals("the") || tokens.norm[period].equals("each")
            || tokens.norm[period].equals("every"))) {
          period++;
        }
        if (period >= 0 && is(period, Lexicon.IS_PERIOD)) {
          to = period;
          j = period + 1;
          continue;
        }
        // Date parts across a comma: "June 5, 2026".
        if (cls[j] == FREE && commaBefore(j) && isDatePart(to) && isDatePart(j)) {
          to = j;
          j++;
          continue;
        }
        break;
      }
      float score = scoreChunk(q, cls, from, to, leftEnd, rightStart, matchedLeft, matchedRight);
      if (score > bestScore) {
        runnerUpScore = bestScore;
        bestScore = score;
        valueShape = chunkShape;
        valueFrom = from;
        valueTo = to;
      } else if (score > runnerUpScore) {
        runnerUpScore = score;
      }
      i = to + 1;
    }
    // A chunk with nothing for it (a possessed noun, the wrong side of the copula) is no answer.
    if (valueFrom >= 0 && bestScore < MIN_VALUE_SCORE) {
      valueFrom = -1;
      valueTo = -1;
    }
    if (valueFrom >= 0) {
      if (q.kind == Questions.Kind.COUNT && !q.wantsUnit) {
        trimToNumber(); // "how many tables?" -> "14"
      } else if (q.kind == Questions.Kind.COUNT) {
        trimToAmount(); // "how long is the lease?" -> "18 months", not "lasts 18 months"
      }
      // "10:00 starting next week": a trailing -ing verb is not part of the value.
      while (valueTo > valueFrom && tokens.norm[valueTo].length() > 5 && tokens.norm[valueTo].endsWith("ing")
          && !tokens.has(valueTo, Tokens.CAPITALIZED)
          && !is(valueTo, Lexicon.IS_TIME_LIKE)) {
        valueTo--;
      }
      // "my favourite soup is lentil soup": the noun the question named, repeated after the value,
      // is part of it.
      if (leftEnd >= 0 && valueFrom >= rightStart && valueTo + 1 < n && cls[valueTo + 1] == MATCHED
          && !commaBefore(valueTo + 1) && matchedBefore(matchedTerm[valueTo + 1], lo, leftEnd)) {
        valueTo++;
      }
      value = tokens.span(valueFrom, valueTo);
      valueScore = bestScore;
      return true;
    }
    value = null;
    return false;
  }

  private boolean matchedBefore(int term, int from, int end) {
    for (int i = from; i < end; i++) {
      if (matchedTerm[i] == term) {
        return true;
      }
    }
    return false;
  }

  /** "Chicago | last year": a time phrase next to a non-time word starts a new chunk; numbers join either. */
  private boolean timeBoundary(int a, int b) {
    boolean ta = is(a, Lexicon.IS_TIME_LIKE);
    boolean tb = is(b, Lexicon.IS_TIME_LIKE);
    if (ta == tb) {
      return false;
    }
    int other = ta ? b : a;
    return !tokens.has(other, Tokens.HAS_DIGIT) && !is(other, Lexicon.IS_NUMBER_WORD);
  }

  private static boolean isNameJoiner(String w) {
    return w.equals("of") || w.equals("the") || w.equals("and") || w.equals("de") || w.equals("for");
  }

  private boolean isOrdinal(int i) {
    String w = tokens.norm[i];
    return is(i, Lexicon.IS_ORDINAL) || (tokens.has(i, Tokens.HAS_DIGIT)
        && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd") || w.endsWith("th")));
  }

  private boolean isDatePart(int i) {
    String w = tokens.norm[i];
    return tokens.has(i, Tokens.NUMERIC) || is(i, Lexicon.IS_MONTH | Lexicon.IS_WEEKDAY)
        || (tokens.has(i, Tokens.HAS_DIGIT) && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd")
            || w.endsWith("th")));
  }

  /** "8 hours", "times", "daily", "twice": how often something happens (a bare number is not). */
  private boolean hasFrequencyWord(int from, int to) {
    for (int i = from; i <= to; i++) {
      String w = tokens.norm[i];
      if (is(i, Lexicon.IS_TIME_WORD)) {
        return true;
      }
      if (w.equals("times") || w.equals("daily") || w.equals("weekly") || w.equals("monthly") || w.equals("once")
          || w.equals("twice") || w.equals("hourly") || w.equals("yearly") || w.equals("annually")) {
        return true;
      }
    }
    return false;
  }

  /** Drops the words before the first number: the amount and its unit stay. */
  private void trimToAmount() {
    for (int i = valueFrom; i <= valueTo; i++) {
      if (tokens.has(i, Tokens.HAS_DIGIT) || is(i, Lexicon.IS_NUMBER_WORD)) {
        valueFrom = i;
        return;
      }
    }
  }

  private void trimToNumber() {
    for (int i = valueFrom; i <= valueTo; i++) {
      if (tokens.has(i, Tokens.HAS_DIGIT) || is(i, Lexicon.IS_NUMBER_WORD)) {
        int j = i;
        while (j + 1 <= valueTo && (tokens.has(j + 1, Tokens.HAS_DIGIT) || is(j + 1, Lexicon.IS_NUMBER_WORD))) {
          j++;
        }
        valueFrom = i;
        valueTo = j;
        return;
      }
    }
  }

  private float scoreChunk(
      Query q, int[] cls, int from, int to, int leftEnd, int rightStart, int matchedLeft, int matchedRight) {
    float score = 1f;
    boolean digit = false;
    boolean number = false;
    boolean time = false;
    boolean color = false;
    boolean capital = true;
    boolean clock = false;
    boolean ordinal = false;
    boolean allTime = true;
    for (int i = from; i <= to; i++) {
      if (!(is(i, Lexicon.IS_TIME_LIKE) || isDatePart(i))) {
        allTime = false;
      }
      String w = tokens.norm[i];
      if (tokens.has(i, Tokens.HAS_DIGIT)) {
        digit = true;
      }
      if (tokens.has(i, Tokens.HAS_DIGIT) || is(i, Lexicon.IS_NUMBER_WORD)) {
        number = true;
      }
      if (is(i, Lexicon.IS_TIME_LIKE) || isDatePart(i)) {
        time = true;
      }
      if (is(i, Lexicon.IS_COLOR)) {
        color = true;
      }
      if (isClockTime(i)) {
        clock = true;
      }
      if (tokens.has(i, Tokens.HAS_DIGIT) && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd") || w.endsWith("th"))) {
        ordinal = true;
      }
      if (!tokens.has(i, Tokens.CAPITALIZED) || (tokens.has(i, Tokens.FIRST))) {
        capital = capital && tokens.has(i, Tokens.CAPITALIZED) && !tokens.has(i, Tokens.FIRST);
      }
    }
    if (leftEnd >= 0) {
      boolean right = from >= rightStart;
      int sameSide = right ? matchedRight : matchedLeft;
      int otherSide = right ? matchedLeft : matchedRight;
      if (otherSide > sameSide) {
        score += 2f;
      } else if (sameSide > otherSide) {
        score -= 1f;
      }
      if (right && firstContentAfter(cls, rightStart) == from) {
        score += 1f;
      }
    }
    String before = previousWord(from);
    boolean afterLocative = before != null && is(from - 1, Lexicon.IS_LOCATIVE);
    // The shape the question asks for. A chunk of the wrong shape cannot be the answer at all; among
    // those that fit, a name for "who" and a place after "in/at" for "where" fit better.
    boolean fits = true;
    float shape = 0f;
    switch (q.kind) {
      case WHO -> {
        fits = !allTime && (capital || q.softenedVerbs == 0);
        shape = capital ? 1.5f : -0.5f;
      }
      case WHEN -> {
        fits = q.wantsClockTime ? clock : (time || digit || clock);
        score += 1.5f;
      }
      case WHERE -> {
        fits = !allTime;
        shape = (afterLocative ? 1.5f : 0f) + (capital ? 0.5f : 0f);
      }
      case COUNT -> {
        fits = number && !ordinal && (!q.wantsFrequency || hasFrequencyWord(from, to));
        score += 2f;
      }
      case COLOR -> {
        fits = color;
        score += 2f;
      }
      default -> {}
    }
    if (q.wantsNumber && !number) {
      fits = false; // "what's my passport number?" is not answered by "the passport is in the blue folder"
    }
    if (q.wantsName && q.kind != Questions.Kind.COUNT && (allTime || allDigits(from, to))) {
      fits = false; // "what's my husband called?" is not answered by "we got married in 2015"
    }
    boolean asksWhoOrWhere = q.kind == Questions.Kind.WHO || q.kind == Questions.Kind.WHERE;
    if (q.wantsAmount && !asksWhoOrWhere && q.kind != Questions.Kind.WHEN && (!digit || ordinal)) {
      fits = false;
    }
    if (!fits) {
      return UNFIT;
    }
    score += shape;
    chunkShape = shape;
    // "moved from the 12th to the 18th": with a change of value, "from" names the old one, "to" the new.
    String preposition = previousWordPastDeterminers(from);
    if (changeInClause && preposition != null) {
      if (preposition.equals("from")) {
        score -= 2f;
      } else if (preposition.equals("to") || preposition.equals("into")) {
        score += 1f;
      }
    }
    // "my wife is allergic to shellfish" does not say what *I* am allergic to: a possessed noun is a
    // subject, not a value, unless the question asks who.
    String possessor = previousWord(from);
    if (q.kind != Questions.Kind.WHO && possessor != null && isPossessiveDeterminer(possessor)
        && !tokens.has(from, Tokens.CAPITALIZED)) {
      score -= 2.5f;
    }
    // Adjacent to a matched cue (never across a comma): "the pro plan", "14 tables", "900 meters of
    // climbing", "weighs 12 kg". For a count, adjacency is the number's own, not the chunk's.
    if (q.kind == Questions.Kind.COUNT && number) {
      int num = from;
      while (num < to && !(tokens.has(num, Tokens.HAS_DIGIT) || is(num, Lexicon.IS_NUMBER_WORD))) {
        num++;
      }
      int after = num + 1;
      while (after <= to && !commaBefore(after) && isUnitOf(after)) {
        after++; // "12 kg", "74 square meters": units sit between the number and its noun
      }
      if (after < tokens.size && !commaBefore(after) && cls[after] == MATCHED) {
        score += 1.5f;
      } else if (after + 1 < tokens.size && tokens.norm[after].equals("of") && cls[after + 1] == MATCHED) {
        score += 1.5f;
      }
      if (num == from && from > 0 && !commaBefore(from) && cls[from - 1] == MATCHED) {
        score += 1f;
      }
    } else {
      if (to + 1 < tokens.size && !commaBefore(to + 1) && cls[to + 1] == MATCHED) {
        score += 0.5f;
      }
      if (from > 0 && !commaBefore(from) && cls[from - 1] == MATCHED && from != rightStart) {
        // "port 5432", "gate B12", "room 214": a code right after its noun is that noun's value.
        score += digit && from == to ? 1f : 0.25f;
      }
    }
    int length = to - from + 1;
    if (length > 4) {
      score -= 0.1f * (length - 4);
    }
    return score;
  }

  private boolean allDigits(int from, int to) {
    for (int i = from; i <= to; i++) {
      if (!tokens.has(i, Tokens.NUMERIC)) {
        return false;
      }
    }
    return true;
  }

  /** The least a chunk must score to be offered as a value. */
  static final float MIN_VALUE_SCORE = 0f;

  /** Below any real chunk score: marks a chunk of the wrong shape for the question. */
  static final float UNFIT = -1000f;

  /** A short lower-case word right after a number inside its chunk: a unit ("kg", "square", "meters"). */
  private boolean isUnitOf(int i) {
    return i < tokens.size && !tokens.has(i, Tokens.CAPITALIZED) && tokens.norm[i].length() <= 7
        && !tokens.has(i, Tokens.HAS_DIGIT);
  }

  private static boolean isPossessiveDeterminer(String w) {
    return w.equals("my") || w.equals("your") || w.equals("his") || w.equals("her") || w.equals("our")
        || w.equals("their");
  }

  /** "9:30", "7pm", "noon", "10 am": a time of day. */
  private boolean isClockTime(int i) {
    String w = tokens.norm[i];
    if (w.equals("noon") || w.equals("midnight") || w.equals("morning") || w.equals("afternoon")
        || w.equals("evening") || w.equals("night") || w.equals("am") || w.equals("pm")) {
      return true;
    }
    boolean afterAt = i > 0 && tokens.norm[i - 1].equals("at");
    if (!tokens.has(i, Tokens.HAS_DIGIT)) {
      // "at eleven", "at noon": a number word after "at" is a time of day
      return is(i, Lexicon.IS_NUMBER_WORD) && afterAt;
    }
    if (afterAt && tokens.has(i, Tokens.NUMERIC) && w.length() <= 2) {
      return true; // "checkout is at 11"
    }
    if (w.indexOf(':') > 0 || w.endsWith("am") || w.endsWith("pm") || w.endsWith("h")) {
      return true;
    }
    return i + 1 < tokens.size && (tokens.norm[i + 1].equals("am") || tokens.norm[i + 1].equals("pm")
        || tokens.norm[i + 1].equals("o'clock") || tokens.norm[i + 1].equals("oclock"));
  }

  private int firstContentAfter(int[] cls, int start) {
    for (int i = start; i < tokens.size; i++) {
      if (cls[i] == FREE || cls[i] == MATCHED) {
        return i;
      }
    }
    return -1;
  }

  /** The word before token i, looking past "the", "a", "an" and possessive determiners. */
  private String previousWordPastDeterminers(int i) {
    int k = i - 1;
    while (k >= 0 && !tokens.has(k, Tokens.SYNTHETIC) && (tokens.norm[k].equals("the") || tokens.norm[k].equals("a")
        || tokens.norm[k].equals("an") || isPossessiveDeterminer(tokens.norm[k]))) {
      k--;
    }
    return k >= 0 && !tokens.has(k, Tokens.SYNTHETIC) ? tokens.norm[k] : null;
  }

  private String previousWord(int i) {
    return i > 0 && !tokens.has(i - 1, Tokens.SYNTHETIC) ? tokens.norm[i - 1] : null;
  }

  private boolean subjectIsSomeoneElse() {
    for (int i = clauseFrom; i <= clauseTo; i++) {
      String w = tokens.norm[i];
      if (w.equals("i") || w.equals("we") || matchedTerm[i] >= 0) {
        return false;
      }
      if (cls[i] == COPULA || cls[i] == VERB) {
        return false; // reached the verb
      }
      if (is(i, Lexicon.IS_OTHER)) {
        return true;
      }
      if (i >= valueFrom && i <= valueTo && valueFrom >= 0) {
        return false; // the value itself comes first: "Portland is where I live"
      }
      if (tokens.has(i, Tokens.CAPITALIZED) && !is(i, Lexicon.IS_STOP | Lexicon.IS_TIME_LIKE)) {
        return true;
      }
    }
    return false;
  }

  private void computePrecision() {
    float matched = 0;
    float total = 0;
    for (int i = clauseFrom; i <= clauseTo; i++) {
      if (i >= valueFrom && i <= valueTo && valueFrom >= 0) {
        continue;
      }
      int c = cls[i];
      if (c == STOP || c == COPULA || c == TRANSITION) {
        continue;
      }
      if (c == FREE && is(i, Lexicon.IS_ANSWER_KIND)) {
        continue;
      }
      float w = c == VERB ? 0.5f : 1f;
      if (c == FREE && !tokens.has(i, Tokens.HAS_DIGIT) && !is(i, Lexicon.IS_TIME_LIKE)) {
        unmatchedNouns++;
      }
      if (c == MATCHED && is(i, Lexicon.IS_VERB)) {
        w = 0.5f;
      }
      total += w;
      if (c == MATCHED) {
        matched += w * matchWeight[i];
      }
    }
    precision = total == 0 ? 1f : matched / total;
  }
}
