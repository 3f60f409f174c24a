package dev.engram.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Time words that only mean something relative to now: "this week", "next month", "last year", "today",
 * "tomorrow". A question about "this week" must not be answered by a fact about "next week", though both
 * share every content word; these phrases are read here as canonical labels ("next week", "today").
 */
public final class Deixis {
  private static final String[] SHIFTERS = {"this", "next", "last", "coming", "previous", "current"};
  private static final String[] UNITS = {"week", "weekend", "month", "year", "quarter", "semester", "term",
    "sprint", "season", "time"};
  private static final String[] DAYS = {"today", "tomorrow", "yesterday", "tonight"};

  private Deixis() {}

  /** The canonical deictic time labels in {@code t}, in order; empty when there are none. */
  public static List<String> of(Tokens t) {
    List<String> out = null; // most texts name no relative time: no list for them
    for (int i = 0; i < t.size; i++) {
      String w = t.norm[i];
      if (contains(DAYS, w)) {
        out = out == null ? new ArrayList<>(2) : out;
        out.add(w);
      } else if (contains(SHIFTERS, w) && i + 1 < t.size) {
        String unit = Stemmer.stem(t.norm[i + 1]);
        for (String u : UNITS) {
          if (u.equals(unit) || Stemmer.stem(u).equals(unit)) {
            out = out == null ? new ArrayList<>(2) : out;
            out.add((w.equals("current") ? "this" : w.equals("coming") ? "next" : w.equals("previous") ? "last" : w)
                + " " + u);
          }
        }
      }
    }
    return out == null ? List.of() : out;
  }

  /** True when both sides name a relative time and none of them agree ("this week" vs "next week"). */
  public static boolean conflict(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    for (String x : a) {
      if (b.contains(x)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(String[] words, String w) {
    for (String s : words) {
      if (s.equals(w)) {
        return true;
      }
    }
    return false;
  }
}
