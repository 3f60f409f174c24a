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
  /** Per token, the question term it matches, or -1. */
  final int[] matchedTerm;
  final float[] matchWeight;
  /** Weighted share of the question's terms this fact matches, 0..1 (soft terms only count when present). */
  float coverage;
  /** Weighted share of the fact's own cue words (outside the value) that the question matched, 0..1. */
  float precision;
  String value;
  float valueScore;
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
    matchedTerm = new int[n];
    matchWeight = new float[n];
    float[] best = new float[q.termCount];
    for (int i = 0; i < n; i++) {
      matchedTerm[i] = -1;
      if (tokens.has(i, Tokens.SYNTHETIC)) {
        continue;
      }
      int term = q.match(Stemmer.stem(tokens.norm[i]));
      if (term < 0) {
        term = q.match(tokens.norm[i]);
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
    extractValue(q);
    computePrecision();
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
    if (tokens.has(i, Tokens.HAS_DIGIT) || Lexicon.isNumberWord(w)) {
      return FREE;
    }
    if (Lexicon.STOP.contains(w)) {
      return STOP;
    }
    if (Lexicon.TRANSITION.contains(w)) {
      return TRANSITION;
    }
    if (Lexicon.VERB.contains(w) || looksLikeParticiple(i)) {
      return VERB;
    }
    return FREE;
  }

  /** "painted", "located", "scheduled": a lower-case -ed word is a verb form, not a value. */
  private boolean looksLikeParticiple(int i) {
    String w = tokens.norm[i];
    return w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed") && !tokens.has(i, Tokens.CAPITALIZED);
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

  private void extractValue(Query q) {
    int n = tokens.size;
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = classOf(i);
    }
    // The split: the first copula or "key: value" colon with words on both sides; a passive
    // "X is owned by Y" splits at "by". Left of the split is [0, leftEnd), right is [rightStart, n).
    int leftEnd = -1;
    int rightStart = -1;
    for (int i = 1; i < n && leftEnd < 0; i++) {
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
    for (int i = 0; i < n; i++) {
      if (cls[i] == MATCHED) {
        if (leftEnd >= 0 && i >= rightStart) {
          matchedRight++;
        } else {
          matchedLeft++;
        }
      }
    }
    float bestScore = -1e9f;
    int i = 0;
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
        // Inner "of"/"and"/"de" between capitalised words: "Bank of America", "Tom and Jerry".
        if (j + 1 < n && cls[j] == STOP && cls[j + 1] == FREE && !commaBefore(j) && !commaBefore(j + 1)
            && tokens.has(to, Tokens.CAPITALIZED) && tokens.has(j + 1, Tokens.CAPITALIZED)
            && (tokens.norm[j].equals("of") || tokens.norm[j].equals("and") || tokens.norm[j].equals("de")
                || tokens.norm[j].equals("the"))) {
          to = j + 1;
          j += 2;
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
        bestScore = score;
        valueFrom = from;
        valueTo = to;
      }
      i = to + 1;
    }
    if (valueFrom >= 0) {
      if (q.kind == Questions.Kind.COUNT) {
        trimToNumber();
      }
      value = tokens.span(valueFrom, valueTo);
      valueScore = bestScore;
    }
  }

  /** "Chicago | last year": a time phrase next to a non-time word starts a new chunk; numbers join either. */
  private boolean timeBoundary(int a, int b) {
    boolean ta = Lexicon.isTimeLike(tokens.norm[a]);
    boolean tb = Lexicon.isTimeLike(tokens.norm[b]);
    if (ta == tb) {
      return false;
    }
    int other = ta ? b : a;
    return !tokens.has(other, Tokens.HAS_DIGIT) && !Lexicon.isNumberWord(tokens.norm[other]);
  }

  private boolean isDatePart(int i) {
    String w = tokens.norm[i];
    return tokens.has(i, Tokens.NUMERIC) || Lexicon.MONTHS.contains(w) || Lexicon.WEEKDAYS.contains(w)
        || (tokens.has(i, Tokens.HAS_DIGIT) && (w.endsWith("st") || w.endsWith("nd") || w.endsWith("rd")
            || w.endsWith("th")));
  }

  private void trimToNumber() {
    for (int i = valueFrom; i <= valueTo; i++) {
      if (tokens.has(i, Tokens.HAS_DIGIT) || Lexicon.isNumberWord(tokens.norm[i])) {
        int j = i;
        while (j + 1 <= valueTo && (tokens.has(j + 1, Tokens.HAS_DIGIT) || Lexicon.isNumberWord(tokens.norm[j + 1]))) {
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
    for (int i = from; i <= to; i++) {
      String w = tokens.norm[i];
      if (tokens.has(i, Tokens.HAS_DIGIT)) {
        digit = true;
      }
      if (tokens.has(i, Tokens.HAS_DIGIT) || Lexicon.isNumberWord(w)) {
        number = true;
      }
      if (Lexicon.isTimeLike(w) || isDatePart(i)) {
        time = true;
      }
      if (Lexicon.COLORS.contains(w)) {
        color = true;
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
    boolean afterLocative = before != null && Lexicon.LOCATIVE.contains(before);
    switch (q.kind) {
      case WHO -> score += capital ? 1.5f : -0.5f;
      case WHEN -> score += time || digit ? 1.5f : -1f;
      case WHERE -> {
        if (time) {
          score -= 1.5f;
        } else {
          score += (afterLocative ? 1.5f : 0f) + (capital ? 0.5f : 0f);
        }
      }
      case COUNT -> score += number ? 2f : -3f;
      case COLOR -> score += color ? 2f : -1f;
      default -> {}
    }
    // Adjacent to a matched cue: "the pro plan", "14 tables".
    if (to + 1 < tokens.size && cls[to + 1] == MATCHED) {
      score += q.kind == Questions.Kind.COUNT && number ? 1.5f : 0.5f;
    }
    if (from > 0 && cls[from - 1] == MATCHED && from != rightStart) {
      score += 0.25f;
    }
    int length = to - from + 1;
    if (length > 4) {
      score -= 0.1f * (length - 4);
    }
    return score;
  }

  private int firstContentAfter(int[] cls, int start) {
    for (int i = start; i < tokens.size; i++) {
      if (cls[i] == FREE || cls[i] == MATCHED) {
        return i;
      }
    }
    return -1;
  }

  private String previousWord(int i) {
    return i > 0 && !tokens.has(i - 1, Tokens.SYNTHETIC) ? tokens.norm[i - 1] : null;
  }

  private void computePrecision() {
    float matched = 0;
    float total = 0;
    for (int i = 0; i < tokens.size; i++) {
      if (i >= valueFrom && i <= valueTo && valueFrom >= 0) {
        continue;
      }
      int c = classOf(i);
      if (c == STOP || c == COPULA || c == TRANSITION) {
        continue;
      }
      if (c == FREE && Lexicon.ANSWER_KIND.contains(tokens.norm[i])) {
        continue;
      }
      float w = c == VERB ? 0.5f : 1f;
      if (c == MATCHED && Lexicon.VERB.contains(tokens.norm[i])) {
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
