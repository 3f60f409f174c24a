package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Learning sources to plain prose: plain text passes through; Markdown loses its markup; WebVTT and
 * SRT subtitles lose cue numbers, timings, tags and settings, their rolling captions are
 * de-duplicated, and filler ("um", "uh", "[Music]", "(laughs)", "&gt;&gt;" speaker marks) is dropped.
 */
public final class SourceText {
  private SourceText() {}

  /** A learning source's format. */
  public enum Format {
    PLAIN, MARKDOWN, WEBVTT, SRT;

    /** The format of a file by its name ("talk.vtt", "notes.md"), looking at the content when the name says nothing. */
    public static Format detect(String fileName, String content) {
      String f = fileName == null ? "" : fileName.toLowerCase();
      if (f.endsWith(".vtt")) {
        return WEBVTT;
      }
      if (f.endsWith(".srt")) {
        return SRT;
      }
      if (f.endsWith(".md") || f.endsWith(".markdown")) {
        return MARKDOWN;
      }
      if (content != null) {
        String head = content.length() > 200 ? content.substring(0, 200) : content;
        if (head.startsWith("WEBVTT") || head.startsWith("\uFEFFWEBVTT")) {
          return WEBVTT;
        }
        if (head.indexOf("-->") >= 0) {
          return SRT;
        }
      }
      return PLAIN;
    }
  }

  private static final String[] FILLER_WORDS = {"um", "uh", "uhm", "umm", "erm", "er", "hmm", "mm", "ah"};

  /** The prose in {@code raw}, read as {@code format}. */
  public static String toProse(String raw, Format format) {
    if (raw == null || format == null) {
      throw new IllegalArgumentException("text and format are required");
    }
    switch (format) {
      case MARKDOWN:
        return markdown(raw);
      case WEBVTT:
      case SRT:
        return subtitles(raw, format);
      default:
        return raw;
    }
  }

  // ---------------------------------------------------------------- Markdown

  static String markdown(String raw) {
    StringBuilder out = new StringBuilder();
    boolean fence = false;
    boolean frontMatter = false;
    List<String> lines = lines(raw);
    for (int li = 0; li < lines.size(); li++) {
      String line = lines.get(li);
      String tr = line.trim();
      if (li == 0 && tr.equals("---")) {
        frontMatter = true;
        continue;
      }
      if (frontMatter) {
        if (tr.equals("---")) {
          frontMatter = false;
        }
        continue;
      }
      if (tr.startsWith("```") || tr.startsWith("~~~")) {
        fence = !fence;
        continue;
      }
      if (fence || line.startsWith("    ") || line.startsWith("\t")) {
        continue; // code is not prose
      }
      if (tr.isEmpty()) {
        out.append("\n\n");
        continue;
      }
      if (isTableRule(tr)) {
        continue;
      }
      boolean block = false;
      // headings, quotes, list markers
      int k = 0;
      while (k < tr.length() && (tr.charAt(k) == '#' || tr.charAt(k) == '>')) {
        k++;
        block = true;
      }
      if (k + 1 < tr.length() && (tr.charAt(k) == '-' || tr.charAt(k) == '*' || tr.charAt(k) == '+')
          && tr.charAt(k + 1) == ' ') {
        k += 2;
        block = true;
      } else {
        int d = k;
        while (d < tr.length() && Character.isDigit(tr.charAt(d))) {
          d++;
        }
        if (d > k && d + 1 < tr.length() && (tr.charAt(d) == '.' || tr.charAt(d) == ')') && tr.charAt(d + 1) == ' ') {
          k = d + 2;
          block = true;
        }
      }
      String text = inline(tr.substring(k).trim());
      if (tr.startsWith("|")) {
        text = inline(tr.replace('|', ' ').trim());
        block = true;
      }
      if (text.isEmpty()) {
        continue;
      }
      if (block) {
        // headings and list items are sentences of their own, even without an end mark
        out.append("\n\n").append(text);
        char last = text.charAt(text.length() - 1);
        if (last != '.' && last != '!' && last != '?') {
          out.append('.');
        }
        out.append("\n\n");
      } else {
        out.append(text).append('\n');
      }
    }
    return out.toString();
  }

  private static boolean isTableRule(String tr) {
    if (tr.indexOf('-') < 0) {
      return false;
    }
    for (int i = 0; i < tr.length(); i++) {
      char c = tr.charAt(i);
      if (c != '|' && c != '-' && c != ':' && c != ' ') {
        return false;
      }
    }
    return true;
  }

  /** Links to their text, images and HTML tags dropped, emphasis and code marks removed. */
  private static String inline(String s) {
    StringBuilder out = new StringBuilder();
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[') {
        int close = s.indexOf(']', i);
        int paren = close >= 0 && close + 1 < n && s.charAt(close + 1) == '(' ? s.indexOf(')', close) : -1;
        if (paren > 0) {
          i = paren;
          continue;
        }
      }
      if (c == '[') {
        int close = s.indexOf(']', i);
        if (close > 0) {
          out.append(s, i + 1, close);
          if (close + 1 < n && s.charAt(close + 1) == '(') {
            int paren = s.indexOf(')', close);
            i = paren > 0 ? paren : close;
          } else {
            i = close;
          }
          continue;
        }
      }
      if (c == '<') {
        int close = s.indexOf('>', i);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (c == '*' || c == '`' || (c == '_' && (i == 0 || i + 1 == n || !Character.isLetterOrDigit(s.charAt(i - 1))
          || !Character.isLetterOrDigit(s.charAt(i + 1))))) {
        continue;
      }
      out.append(c);
    }
    return out.toString().trim();
  }

  // ---------------------------------------------------------------- subtitles

  static String subtitles(String raw, Format format) {
    List<String> captionLines = new ArrayList<>();
    List<String> lines = lines(raw);
    boolean skipBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String tr = lines.get(i).trim();
      if (i == 0 && tr.startsWith("\uFEFF")) {
        tr = tr.substring(1);
      }
      if (tr.isEmpty()) {
        skipBlock = false;
        continue;
      }
      if (skipBlock) {
        continue;
      }
      if (format == Format.WEBVTT && (tr.startsWith("WEBVTT") || tr.startsWith("NOTE") || tr.equals("STYLE")
          || tr.equals("REGION") || tr.startsWith("Kind:") || tr.startsWith("Language:"))) {
        skipBlock = !tr.startsWith("Kind:") && !tr.startsWith("Language:");
        continue;
      }
      if (tr.indexOf("-->") >= 0) {
        continue; // timing line (and VTT cue settings on it)
      }
      if (isAllDigits(tr) && i + 1 < lines.size() && lines.get(i + 1).indexOf("-->") >= 0) {
        continue; // SRT cue number / numeric VTT cue id
      }
      if (format == Format.WEBVTT && i + 1 < lines.size() && lines.get(i + 1).indexOf("-->") >= 0) {
        continue; // VTT cue identifier
      }
      String text = cleanCaption(tr);
      if (!text.isEmpty()) {
        captionLines.add(text);
      }
    }
    return dedupe(captionLines);
  }

  private static boolean isAllDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Tags, bracketed sound labels, speaker marks, entities and filler words removed. */
  static String cleanCaption(String s) {
    StringBuilder b = new StringBuilder();
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '{') {
        int close = s.indexOf(c == '<' ? '>' : '}', i);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      if (c == '[' || c == '(') {
        int close = s.indexOf(c == '[' ? ']' : ')', i);
        if (close > 0) {
          i = close; // [Music], [Applause], (laughs)
          continue;
        }
      }
      if (c == '&') {
        int semi = s.indexOf(';', i);
        if (semi > i && semi - i <= 6) {
          String ent = s.substring(i + 1, semi);
          String rep = ent.equals("amp") ? "&" : ent.equals("nbsp") ? " " : ent.equals("quot") ? "\""
              : ent.equals("apos") || ent.equals("#39") ? "'" : ent.equals("lt") || ent.equals("gt") ? " " : null;
          if (rep != null) {
            b.append(rep);
            i = semi;
            continue;
          }
        }
      }
      if (c == '>' && i + 1 < n && s.charAt(i + 1) == '>') {
        i++;
        continue; // ">>" speaker change
      }
      if (c == '\u266A' || c == '\u266B') {
        continue; // music notes
      }
      b.append(c);
    }
    // filler words, with the comma that often follows them
    StringBuilder out = new StringBuilder();
    int i = 0;
    String t = b.toString();
    while (i < t.length()) {
      while (i < t.length() && t.charAt(i) == ' ') {
        i++;
      }
      int j = i;
      while (j < t.length() && t.charAt(j) != ' ') {
        j++;
      }
      if (j > i) {
        String word = t.substring(i, j);
        String bare = stripPunct(word).toLowerCase();
        if (!isFiller(bare)) {
          if (out.length() > 0) {
            out.append(' ');
          }
          out.append(word);
        }
      }
      i = j;
    }
    return out.toString().trim();
  }

  private static String stripPunct(String w) {
    int a = 0;
    int z = w.length();
    while (a < z && !Character.isLetterOrDigit(w.charAt(a))) {
      a++;
    }
    while (z > a && !Character.isLetterOrDigit(w.charAt(z - 1))) {
      z--;
    }
    return w.substring(a, z);
  }

  private static boolean isFiller(String bare) {
    for (String f : FILLER_WORDS) {
      if (f.equals(bare)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Joins caption lines, dropping what rolling captions repeat: a line equal to the previous one is
   * skipped, and a line that starts with the words the text so far ends with contributes only its new
   * words (YouTube auto-captions show each line twice, growing).
   */
  static String dedupe(List<String> captionLines) {
    List<String> words = new ArrayList<>();
    List<String> norm = new ArrayList<>();
    for (String line : captionLines) {
      List<String> lw = new ArrayList<>();
      List<String> ln = new ArrayList<>();
      for (String w : spaceSplit(line)) {
        lw.add(w);
        // compared with punctuation: a rolled line repeats it exactly, while "caves." then
        // "The salt caves, ..." is a new sentence that merely starts with the same words
        ln.add(w.toLowerCase());
      }
      int max = Math.min(ln.size(), norm.size());
      int overlap = 0;
      for (int k = max; k >= 1; k--) {
        boolean same = true;
        for (int x = 0; x < k && same; x++) {
          same = norm.get(norm.size() - k + x).equals(ln.get(x));
        }
        // one shared word is chance ("... the" / "the ..."); two or a whole repeated line is a roll
        if (same && (k >= 2 || k == ln.size())) {
          overlap = k;
          break;
        }
      }
      for (int x = overlap; x < lw.size(); x++) {
        words.add(lw.get(x));
        norm.add(ln.get(x));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
    }
    return sb.toString();
  }

  private static List<String> spaceSplit(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      int j = i;
      while (j < s.length() && s.charAt(j) != ' ') {
        j++;
      }
      if (j > i) {
        out.add(s.substring(i, j));
      }
      i = j;
    }
    return out;
  }

  private static List<String> lines(String raw) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= raw.length(); i++) {
      if (i == raw.length() || raw.charAt(i) == '\n') {
        int end = i;
        if (end > start && raw.charAt(end - 1) == '\r') {
          end--;
        }
        out.add(raw.substring(start, end));
        start = i + 1;
      }
    }
    return out;
  }
}
