package dev.engram.text;

/** Tells questions from statements, and what kind of answer a question wants. */
public final class Questions {
  private Questions() {}

  /** The kind of answer a question asks for, read from its question words. */
  public enum Kind {
    /** what / which / a request such as "remind me of my wifi password". */
    WHAT,
    WHO,
    WHERE,
    WHEN,
    /** how many / how much / how old / what number: a number is wanted. */
    COUNT,
    /** what color. */
    COLOR,
    HOW,
    WHY,
    /** is / does / can …: answered by yes or no, or by the fact itself. */
    YES_NO
  }

  private static final java.util.HashSet<String> AUX_START = new java.util.HashSet<>(java.util.Arrays.asList(
      "is", "are", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should", "shall",
      "have", "has", "had", "may", "might", "am", "isn", "aren", "don", "doesn", "didn", "won"));

  private static final java.util.HashSet<String> WH = new java.util.HashSet<>(java.util.Arrays.asList(
      "what", "which", "who", "whom", "whose", "where", "when", "why", "how", "whats"));

  /** True for a question word (what, which, who, whom, whose, where, when, why, how), spellings folded. */
  public static boolean isWhWord(String word) {
    return WH.contains(normalize(word));
  }

  /** True when {@code sentence} asks rather than states: it ends with '?' or opens like a question. */
  public static boolean isQuestion(String sentence) {
    String s = sentence.trim();
    if (s.isEmpty()) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == '?') {
      return true;
    }
    if (last == '.' || last == '!') {
      return false;
    }
    Tokens t = Tokens.of(s);
    if (t.size == 0) {
      return false;
    }
    String first = normalize(t.norm[0]);
    if (WH.contains(first)) {
      // "what I want is pizza" states; "what is my plan" asks: a wh-word followed by a verb asks.
      return t.size > 1 && (AUX_START.contains(t.norm[1]) || t.norm[1].equals("is"));
    }
    if (AUX_START.contains(first)) {
      return t.size > 1 && (t.norm[1].equals("you") || t.norm[1].equals("i") || t.norm[1].equals("we")
          || t.norm[1].equals("my") || t.norm[1].equals("the") || t.norm[1].equals("there")
          || t.norm[1].equals("it") || t.norm[1].equals("not"));
    }
    return first.equals("remind") || (first.equals("tell") && t.size > 1 && t.norm[1].equals("me"));
  }

  /** A question word with a common misspelling corrected. */
  public static String normalize(String norm) {
    String fixed = Lexicon.TYPOS.get(norm);
    return fixed == null ? norm : fixed;
  }

  /** The kind of answer the tokenized question wants. */
  public static Kind kindOf(Tokens q) {
    for (int i = 0; i < q.size; i++) {
      String w = normalize(q.norm[i]);
      String next = i + 1 < q.size ? normalize(q.norm[i + 1]) : "";
      switch (w) {
        case "who", "whom", "whose":
          return Kind.WHO;
        case "where":
          return Kind.WHERE;
        case "when":
          return Kind.WHEN;
        case "why":
          return Kind.WHY;
        case "how":
          if (next.equals("many") || next.equals("much") || next.equals("old") || next.equals("long")
              || next.equals("far") || next.equals("tall") || next.equals("big") || next.equals("often")) {
            return Kind.COUNT;
          }
          return Kind.HOW;
        case "what", "which", "whats":
          if (next.equals("time") || next.equals("day") || next.equals("date") || next.equals("year")
              || next.equals("month")) {
            return Kind.WHEN;
          }
          if (next.equals("color") || next.equals("colour")) {
            return Kind.COLOR;
          }
          if (next.equals("number")) {
            return Kind.COUNT;
          }
          return Kind.WHAT;
        default:
          break;
      }
    }
    if (q.size > 0 && AUX_START.contains(normalize(q.norm[0]))) {
      return Kind.YES_NO;
    }
    return Kind.WHAT;
  }
}
