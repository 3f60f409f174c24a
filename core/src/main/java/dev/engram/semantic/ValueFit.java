package dev.engram.semantic;

import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Tokens;

/**
 * Whether a value a fact offers is the kind of thing the question asks for, judged with the word table:
 * a name for "what is X's name" and "who" (a capitalized word, a word the table does not know, or a
 * person noun), a time for "when" (no word that is neither a time, a number nor a function word), a place
 * for "where" (after a preposition of place, a name, or a place noun), and for "which X" / "what X" a
 * value whose head word is a kind of X when the table knows both. Memory picks the value (it never
 * asks this class which words to take); with semantic recall on it drops an answer, lexical or by
 * meaning, whose value does not fit: "what is the babysitter's name?" is not answered by "charges 15
 * dollars", nor "which gym does my sister go to?" by "architect".
 *
 * <p>Person, place and kind tests use WordNet ancestors when the table has them and fall back to
 * vector cosine with the category word otherwise ({@link SemanticParams#kindCosine}).
 */
public final class ValueFit {
  private ValueFit() {}

  /**
   * Kind nouns among this many most frequent words ("thing", "one", "way", "time") say too little
   * about the value's kind to test it against.
   */
  static final int VAGUE_KIND_RANK = 150;

  /** Prepositions after which a value names a place. */
  private static final java.util.Set<String> PLACE_PREPOSITIONS = java.util.Set.of(
      "in", "at", "on", "near", "under", "along", "inside", "outside", "behind", "beside", "above", "below",
      "by", "over", "across", "within", "from", "to", "into", "around", "beneath", "opposite");

  /**
   * @param kindNoun the noun naming the answer's kind ("which <b>bank</b>", "what <b>drink</b>"), or null
   * @param from first token of the value in {@code fact}
   * @param to last token of the value, inclusive
   */
  public static boolean fits(WordTable table, SemanticParams p, Questions.Kind kind, boolean wantsName,
      String kindNoun, Tokens fact, int from, int to) {
    if (from < 0 || to < from || to >= fact.size) {
      return false;
    }
    boolean name = false;
    boolean digit = false;
    boolean timeOnly = true;
    int head = -1; // last content word the table knows, lower case
    for (int i = from; i <= to; i++) {
      String w = fact.norm[i];
      if (fact.has(i, Tokens.SYNTHETIC)) {
        continue;
      }
      if (fact.has(i, Tokens.HAS_DIGIT)) {
        digit = true;
        continue;
      }
      boolean stop = Lexicon.STOP.contains(w);
      if (!stop && !Lexicon.isTimeLike(w) && !Lexicon.isNumberWord(w) && !TIME_EXTRA.contains(w)) {
        timeOnly = false;
      }
      if (isName(table, fact, i)) {
        name = true;
      } else if (!stop && table.wordId(w) >= 0) {
        head = table.wordId(w);
      } else if (!stop && isLetters(w)) {
        name = true; // a word the table lacks: a name, a brand, an identifier
      }
    }
    if (wantsName && kind != Questions.Kind.COUNT && !name) {
      return false;
    }
    switch (kind) {
      case WHO -> {
        if (!name && !(head >= 0 && isA(table, p, head, "person"))) {
          return false;
        }
      }
      case WHEN -> {
        if (!timeOnly) {
          return false;
        }
      }
      case WHERE -> {
        String before = from > 0 ? fact.norm[from - 1] : "";
        boolean placed = PLACE_PREPOSITIONS.contains(before) || PLACE_PREPOSITIONS.contains(fact.norm[from]);
        if (!placed && !name && !(head >= 0 && isA(table, p, head, "place"))) {
          return false;
        }
      }
      default -> {}
    }
    if (kindNoun != null && (kind == Questions.Kind.WHAT || kind == Questions.Kind.WHO)) {
      int k = table.wordId(kindNoun);
      if (k < 0) {
        k = table.id(dev.engram.text.Stemmer.stem(kindNoun));
      }
      if (k >= VAGUE_KIND_RANK) {
        if (!name && head < 0 && (digit || timeOnly)) {
          // a bare number or date for "which hotel": only kinds near numbers and times take one
          return isA(table, p, k, "number") || isA(table, p, k, "time");
        }
        if (!name && head >= 0 && head != k && !isA(table, p, head, table.word(k))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Time words {@link Lexicon#isTimeLike} leaves out that a "when" value may hold. */
  private static final java.util.Set<String> TIME_EXTRA = java.util.Set.of(
      "am", "pm", "noon", "midnight", "every", "other", "until", "till", "each", "bedtime", "dawn", "dusk",
      "weekend", "weekends", "sunrise", "sunset", "christmas", "easter", "summer", "winter", "spring", "autumn",
      "fall", "o'clock", "oclock", "half", "quarter", "past", "early", "late", "lunch", "dinner", "breakfast");

  /**
   * A capitalized word that is not merely opening the sentence (or that the table does not know), and
   * not a day, month or holiday.
   */
  private static boolean isName(WordTable table, Tokens fact, int i) {
    String w = fact.norm[i];
    if (!fact.has(i, Tokens.CAPITALIZED) || w.length() < 2 || Lexicon.isTimeLike(w) || TIME_EXTRA.contains(w)) {
      return false; // "Tuesday", "March", "Christmas" are capitalized times, not names
    }
    return !fact.has(i, Tokens.FIRST) || table.wordId(fact.norm[i]) < 0;
  }

  private static boolean isLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return s.length() > 1;
  }

  /** True when word {@code id} is a kind of {@code category}: a WordNet ancestor, or a close vector. */
  static boolean isA(WordTable table, SemanticParams p, int id, String category) {
    int c = table.wordId(category);
    if (c < 0) {
      return true; // cannot judge: let it through
    }
    if (c == id || table.hasAncestor(id, c)) {
      return true;
    }
    return table.cosine(id, c) >= p.kindCosine();
  }
}
