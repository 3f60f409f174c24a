package dev.engram.text;

import java.util.List;
import java.util.Locale;

/**
 * The one rule by which engram grades a value (the memory suite, the dispatcher evaluation): an answer is right when, after {@link #normalize}, it EQUALS one of
 * the case's accepted answers after the same normalization. There is no substring or token-overlap
 * credit, so a whole sentence ("my plan is pro") never passes for a value ("pro"); a case that should
 * accept a longer form ("pro plan") lists it among its accepted answers.
 *
 * <p>Normalization, in order: lower case; typographic quotes and apostrophes become plain ones;
 * leading and trailing whitespace and the punctuation {@code . , ; : ! ? " ' ( ) [ ] { }} are trimmed
 * (repeatedly, so {@code "(Friday)."} becomes {@code friday}); runs of whitespace inside become one
 * space; a period that ends a word inside the answer is dropped, so {@code "Dr. Okafor"} and
 * {@code "Dr Okafor"} are the same name (periods inside a token, as in {@code 10.0.9.31} or
 * {@code vpn.northwind.io}, stay); then one leading preposition of place or time ({@code in}, {@code on},
 * {@code at}) and one leading article ({@code the}, {@code a}, {@code an}) are dropped, so
 * {@code "on Friday"} answers {@code Friday}. Nothing else is dropped: {@code "called Miso"},
 * {@code "Luis now"} or {@code "owned by Samir"} do not match {@code Miso}, {@code Luis}, {@code Samir}.
 * Characters that carry meaning in values ({@code $ % # - + / @ :} inside) are kept.
 */
public final class ValueMatch {
  private static final String TRIM = ".,;:!?\"'()[]{}";
  private static final String[] PREPOSITIONS = {"in ", "on ", "at "};
  private static final String[] ARTICLES = {"the ", "a ", "an "};

  private ValueMatch() {}

  public static String normalize(String answer) {
    if (answer == null) {
      return null;
    }
    String s = answer.toLowerCase(Locale.ROOT)
        .replace('\u2018', '\'').replace('\u2019', '\'')
        .replace('\u201c', '"').replace('\u201d', '"');
    int start = 0;
    int end = s.length();
    while (start < end && trimmable(s.charAt(start))) {
      start++;
    }
    while (end > start && trimmable(s.charAt(end - 1))) {
      end--;
    }
    StringBuilder out = new StringBuilder(end - start);
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Chars.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      if (c == '.' && i + 1 < end && Chars.isWhitespace(s.charAt(i + 1))) {
        continue;
      }
      out.append(c);
    }
    String collapsed = dropLeading(out.toString(), PREPOSITIONS);
    return dropLeading(collapsed, ARTICLES);
  }

  private static String dropLeading(String text, String[] words) {
    for (String word : words) {
      if (text.startsWith(word) && text.length() > word.length()) {
        return text.substring(word.length());
      }
    }
    return text;
  }

  /** True when {@code answer} matches one of {@code accepted} under the rule above. */
  public static boolean matches(String answer, List<String> accepted) {
    String got = normalize(answer);
    if (got == null || got.isEmpty()) {
      return false;
    }
    for (String value : accepted) {
      if (got.equals(normalize(value))) {
        return true;
      }
    }
    return false;
  }

  private static boolean trimmable(char c) {
    return Chars.isWhitespace(c) || TRIM.indexOf(c) >= 0;
  }
}
