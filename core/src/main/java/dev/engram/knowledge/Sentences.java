package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence splitting and chunking for learning.
 *
 * <p>A sentence ends at '.', '!' or '?' followed by white space or the end, unless the word before
 * the dot is a known abbreviation or a single letter (an initial); blank lines always end one.
 * Single newlines inside a paragraph are spaces (wrapped text). A run of text with no end mark
 * (unpunctuated captions) is cut at a word boundary after {@link #MAX_SENTENCE_CHARS} characters,
 * so one sentence never swallows a whole transcript.
 */
public final class Sentences {
  private Sentences() {}

  public static final int MAX_SENTENCE_CHARS = 300;

  private static final String[] ABBREVIATIONS = {
    "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "vs", "st", "no", "fig", "approx", "prof", "jr", "sr", "cf", "al"
  };

  public static List<String> split(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        // blank line: paragraph end
        int j = i + 1;
        boolean blank = false;
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r' || text.charAt(j) == '\n')) {
          if (text.charAt(j) == '\n') {
            blank = true;
          }
          j++;
        }
        if (blank) {
          emit(cur, out);
          i = j - 1;
        } else {
          appendSpace(cur);
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        appendSpace(cur);
        if (cur.length() >= MAX_SENTENCE_CHARS) {
          emit(cur, out);
        }
        continue;
      }
      cur.append(c);
      if ((c == '.' || c == '!' || c == '?') && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1))
          || text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'' || text.charAt(i + 1) == ')')) {
        if (c == '.' && isAbbreviation(cur)) {
          continue;
        }
        // keep a closing quote or bracket with its sentence
        while (i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'' || text.charAt(i + 1) == ')')) {
          cur.append(text.charAt(++i));
        }
        emit(cur, out);
      }
    }
    emit(cur, out);
    return out;
  }

  private static void appendSpace(StringBuilder cur) {
    if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
      cur.append(' ');
    }
  }

  /** True when the word that ends with the dot just appended is an abbreviation or an initial. */
  private static boolean isAbbreviation(StringBuilder cur) {
    int end = cur.length() - 1;
    int start = end;
    while (start > 0 && cur.charAt(start - 1) != ' ') {
      start--;
    }
    String word = cur.substring(start, end).toLowerCase();
    if (word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(cur.charAt(start))) {
      return true;
    }
    for (String a : ABBREVIATIONS) {
      if (a.equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static void emit(StringBuilder cur, List<String> out) {
    int end = cur.length();
    while (end > 0 && cur.charAt(end - 1) == ' ') {
      end--;
    }
    int start = 0;
    while (start < end && cur.charAt(start) == ' ') {
      start++;
    }
    if (end > start) {
      boolean content = false;
      for (int i = start; i < end && !content; i++) {
        content = Character.isLetterOrDigit(cur.charAt(i));
      }
      if (content) {
        out.add(cur.substring(start, end));
      }
    }
    cur.setLength(0);
  }

  /**
   * Groups sentences, in order, into chunks of at most {@code maxChars} characters (a longer single
   * sentence is a chunk of its own): the unit an LLM extractor receives in one prompt.
   */
  public static List<List<String>> chunks(List<String> sentences, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be >= 1, got " + maxChars);
    }
    List<List<String>> out = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    int size = 0;
    for (String s : sentences) {
      if (!cur.isEmpty() && size + s.length() + 1 > maxChars) {
        out.add(cur);
        cur = new ArrayList<>();
        size = 0;
      }
      cur.add(s);
      size += s.length() + 1;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }
}
