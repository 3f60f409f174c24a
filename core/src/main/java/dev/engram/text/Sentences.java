package dev.engram.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences at {@code . ! ?} and line breaks, without breaking numbers ("3.5"),
 * initials and common abbreviations ("Dr.", "e.g.", "U.S."), or identifiers ("example.com").
 */
public final class Sentences {
  private static final String[] ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd",
    "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "mt", "ave", "fig", "dept", "est", "u.s", "u.k", "a.m", "p.m"
  };

  private Sentences() {}

  /** The trimmed, non-empty sentences of {@code text}, each keeping its closing punctuation. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int begin = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean cut = false;
      int endExclusive = i + 1;
      if (c == '\n' || c == '\r') {
        cut = true;
        endExclusive = i;
      } else if (c == '!' || c == '?') {
        while (i + 1 < n && (text.charAt(i + 1) == '!' || text.charAt(i + 1) == '?')) {
          i++;
        }
        endExclusive = i + 1;
        cut = true;
      } else if (c == '.' || c == '\u2026') {
        boolean nextIsSpaceOrEnd = i + 1 >= n || Chars.isWhitespace(text.charAt(i + 1))
            || text.charAt(i + 1) == '"' || text.charAt(i + 1) == ')';
        if (nextIsSpaceOrEnd && !isAbbreviation(text, begin, i)) {
          while (i + 1 < n && text.charAt(i + 1) == '.') {
            i++;
          }
          endExclusive = i + 1;
          cut = true;
        }
      }
      if (cut) {
        add(out, text, begin, endExclusive);
        begin = i + 1;
      }
    }
    add(out, text, begin, n);
    return out;
  }

  private static void add(List<String> out, String text, int from, int to) {
    if (to <= from) {
      return;
    }
    String s = text.substring(from, to).trim();
    boolean hasWord = false;
    for (int i = 0; i < s.length() && !hasWord; i++) {
      hasWord = Chars.isLetterOrDigit(s.charAt(i));
    }
    if (hasWord) {
      out.add(s);
    }
  }

  /** True when the word ending at the '.' at {@code dot} is an abbreviation or a single initial. */
  private static boolean isAbbreviation(String text, int begin, int dot) {
    int s = dot;
    while (s > begin && !Chars.isWhitespace(text.charAt(s - 1))) {
      s--;
    }
    String word = text.substring(s, dot).toLowerCase();
    if (word.length() == 1 && Chars.isLetter(word.charAt(0)) && Chars.isUpperCase(text.charAt(s))) {
      return true; // an initial: "J. R. Tolkien"
    }
    for (String a : ABBREVIATIONS) {
      if (a.equals(word)) {
        return true;
      }
    }
    return false;
  }
}
