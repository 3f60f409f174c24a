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

  private static final java.util.Set<String> DETERMINERS = java.util.Set.of(
      "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that");

  /** Prepositions after which a value names a place. */
  private static final java.util.Set<String> PLACE_PREPOSITIONS = java.util.Set.of(
      "in", "at", "on", "near", "under", "along", "inside", "outside", "behind", "beside", "above", "below",
      "by", "over", "across", "within", "from", "to", "into", "around", "beneath", "opposite");

  /**
   * @param kindNoun the noun naming the answer's kind ("which <b>bank</b>", "what <b>drink</b>"), or null
   * @param kindToken the fact's token that matched the kind noun, or -1: when the value sits right
   *     beside it or across only a copula ("the <b>red</b> folder", "port <b>8443</b>", "my plan is
   *     <b>pro</b>"), the value is what tells this one apart, not a kind of it
   * @param from first token of the value in {@code fact}
   * @param to last token of the value, inclusive
   */
  public static boolean fits(WordTable table, SemanticParams p, Questions.Kind kind, boolean wantsName,
      String kindNoun, int kindToken, Tokens fact, int from, int to) {
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
      if (isName(fact, i) || (TITLES.contains(w) && i < to)) {
        name = true; // "Dr. Mbeki", "prof. hartmann": a title before a word makes it a name in any case
      } else if (!stop && table.wordId(w) >= 0) {
        head = table.wordId(w);
      } else if (!stop && isLetters(w)) {
        name = true; // a word the table lacks: a name, a brand, an identifier
      }
    }
    if (wantsName && kind != Questions.Kind.COUNT && !name) {
      return false;
    }
    // "our neighbour's dog is called Pepper": what something is called answers what it is called (or
    // who), never "what breed is it".
    String lead = from > 0 ? fact.norm[from - 1] : "";
    if ((lead.equals("called") || lead.equals("named")) && !wantsName && kind != Questions.Kind.WHO) {
      return false;
    }
    // "the deadline for the grant is March 1": a day of a date is no amount.
    if (kind == Questions.Kind.COUNT && digit && (partOfDate(fact, from - 1) || partOfDate(fact, to + 1))) {
      return false;
    }
    switch (kind) {
      case WHO -> {
        if (!name && !(head >= 0 && isAgent(table, p, head))) {
          return false;
        }
      }
      case WHEN -> {
        // Words that are no time answer "when" only beside a number and a time word or clock time
        // ("every 10,000 km", "8:15 sharp"): not "the library", nor "90 pounds".
        if (!timeOnly && (!digit || !digitIsTime(fact, from, to))) {
          return false;
        }
      }
      case WHERE -> {
        int b = from - 1;
        while (b >= 0 && DETERMINERS.contains(fact.norm[b])) {
          b--; // "under the flower pot", "in our garage"
        }
        boolean placed = (b >= 0 && PLACE_PREPOSITIONS.contains(fact.norm[b]))
            || PLACE_PREPOSITIONS.contains(fact.norm[from]);
        // The place test is by vector only: the kept hypernym links climb to "place" from too far
        // ("architecture" reaches it through its senses' parents).
        int place = table.wordId("place");
        if (!placed && !name && !(head >= 0 && place >= 0 && table.cosine(head, place) >= p.kindCosine())) {
          return false;
        }
      }
      default -> {}
    }
    if (kindNoun != null && !describes(fact, kindToken, from, to)
        && (kind == Questions.Kind.WHAT || kind == Questions.Kind.WHO)) {
      int k = table.wordId(kindNoun);
      if (k < 0) {
        k = table.id(dev.engram.text.Stemmer.stem(kindNoun));
      }
      if (k >= VAGUE_KIND_RANK && !ROLES.contains(table.word(k))) {
        if (!name && head < 0 && timeOnly && digit) {
          // a time or date for "which restaurant": only kinds near times take one
          return isA(table, p, k, "time") || isA(table, p, k, "date");
        }
        if (!name && head >= 0 && head != k && !isA(table, p, head, table.word(k))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean partOfDate(Tokens fact, int i) {
    return i >= 0 && i < fact.size && (Lexicon.MONTHS.contains(fact.norm[i]) || Lexicon.WEEKDAYS.contains(fact.norm[i]));
  }

  /** Words that may stand between a kind noun and the value that names which one it is. */
  private static final java.util.Set<String> LINKS = java.util.Set.of(
      "is", "are", "was", "were", "be", "the", "a", "an", "called", "named", "now");

  /** True when the value sits beside the kind noun's token, or across only {@link #LINKS}. */
  private static boolean describes(Tokens fact, int kindToken, int from, int to) {
    if (kindToken < 0 || (kindToken >= from && kindToken <= to)) {
      return false;
    }
    int a = kindToken < from ? kindToken + 1 : to + 1;
    int b = kindToken < from ? from - 1 : kindToken - 1;
    for (int i = a; i <= b; i++) {
      if (!LINKS.contains(fact.norm[i])) {
        return false;
      }
    }
    return true;
  }

  /** A "when" value with a number and a word: the number is a time only next to a time word ("9 pm", "May 3"). */
  private static boolean digitIsTime(Tokens fact, int from, int to) {
    for (int i = from; i <= to; i++) {
      String w = fact.norm[i];
      if (!fact.has(i, Tokens.HAS_DIGIT) && (Lexicon.isTimeLike(w) || TIME_EXTRA.contains(w))) {
        return true;
      }
    }
    for (int i = from; i <= to; i++) {
      if (fact.has(i, Tokens.HAS_DIGIT) && fact.norm[i].indexOf(':') >= 0) {
        return true; // "8:15"
      }
    }
    return false;
  }

  /**
   * Kind nouns whose value names a role or a person rather than a kind of the noun ("what's her
   * occupation?" → "veterinarian", which WordNet does not put under "occupation").
   */
  private static final java.util.Set<String> ROLES = java.util.Set.of(
      "job", "occupation", "profession", "career", "trade", "role", "position", "title", "work");

  /** Who may answer "who": a person, or a body of people ("the payments team", "Bean Machines"). */
  private static final String[] AGENTS = {"person", "people", "team", "group", "company", "organization",
      "firm", "department", "agency", "committee", "family", "staff", "crew", "band", "club", "service"};

  private static boolean isAgent(WordTable table, SemanticParams p, int id) {
    for (String agent : AGENTS) {
      int a = table.wordId(agent);
      if (a >= 0 && (a == id || table.hasAncestor(id, a))) {
        return true;
      }
    }
    return isA(table, p, id, "person");
  }

  /** Titles that make the next word a person's name, capitalized or not. */
  private static final java.util.Set<String> TITLES = java.util.Set.of(
      "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "rev", "capt", "sgt");

  /** Time words {@link Lexicon#isTimeLike} leaves out that a "when" value may hold. */
  private static final java.util.Set<String> TIME_EXTRA = java.util.Set.of(
      "am", "pm", "noon", "midnight", "every", "other", "until", "till", "each", "bedtime", "dawn", "dusk",
      "weekend", "weekends", "sunrise", "sunset", "christmas", "easter", "summer", "winter", "spring", "autumn",
      "fall", "o'clock", "oclock", "half", "quarter", "past", "early", "late", "lunch", "dinner", "breakfast");

  /** A capitalized word that is not a day, month or holiday (at a sentence's start too: "Marta is the owner"). */
  private static boolean isName(Tokens fact, int i) {
    String w = fact.norm[i];
    return fact.has(i, Tokens.CAPITALIZED) && w.length() >= 2 && !Lexicon.isTimeLike(w) && !TIME_EXTRA.contains(w)
        && !Lexicon.STOP.contains(w);
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
