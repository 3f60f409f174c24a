package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a phrase into the key a concept is stored under, and compares keys fuzzily.
 *
 * <p>A key is lower case, words of letters and digits joined by single spaces, with leading
 * determiners removed and the last word (the head noun in English noun phrases) made singular, so
 * "The KV-caches" and "kv cache" meet. Only the head is singularised: "glass bells" and "glass bell"
 * must meet, but "news agency" must not become "new agency".
 */
final class ConceptNames {
  private ConceptNames() {}

  private static final String[] DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my",
    "your", "some", "any", "each", "every", "all", "both", "many", "several", "such", "much", "most",
    "more", "other", "another", "certain", "various", "whose", "which", "what"
  };

  /** Words that carry no content in questions and phrases; never seeds, never concepts on their own. */
  private static final String[] STOP_WORDS = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did",
    "how", "what", "why", "when", "where", "who", "whom", "which", "whose", "that", "this", "these",
    "those", "it", "its", "they", "them", "their", "there", "here", "he", "she", "him", "his", "her",
    "we", "us", "our", "you", "your", "i", "me", "my", "can", "could", "will", "would", "should",
    "may", "might", "must", "shall", "has", "have", "had", "not", "no", "so", "if", "then", "than",
    "also", "too", "very", "just", "some", "any", "all", "each", "every", "both", "more", "most",
    "other", "such", "only", "own", "same", "tell", "explain", "describe", "know", "thing", "things",
    "something", "anything", "way", "ways", "lot", "kind", "one", "ones", "use", "used", "uses",
    "work", "works", "made", "make", "makes", "get", "gets", "between", "together", "connected",
    "connect", "relate", "related", "link", "linked", "role", "play", "plays", "part", "both"
  };

  private static final java.util.HashSet<String> DETERMINER_SET = setOf(DETERMINERS);
  private static final java.util.HashSet<String> STOP_SET = setOf(STOP_WORDS);

  private static java.util.HashSet<String> setOf(String[] words) {
    java.util.HashSet<String> set = new java.util.HashSet<>();
    for (String w : words) {
      set.add(w);
    }
    return set;
  }

  static boolean isDeterminer(String lowerWord) {
    return DETERMINER_SET.contains(lowerWord);
  }

  static boolean isStopWord(String lowerWord) {
    return STOP_SET.contains(lowerWord);
  }

  /** Lower-case words of letters and digits; "'s" is dropped, other punctuation separates words. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        cur.append(Character.toLowerCase(c));
      } else if ((c == '\'' || c == '\u2019') && cur.length() > 0) {
        // possessive or contraction: "model's" -> "model", "don't" -> "don" + "t" is not wanted either
        if (i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
            && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
          i++;
        }
        flush(cur, out);
      } else {
        flush(cur, out);
      }
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /**
   * The concept key of {@code phrase}; empty when nothing but determiners and punctuation is left.
   * Determiners are dropped everywhere ("the glow of a lantern eel" -> "glow of lantern eel"), so
   * a question's wording meets the text's.
   */
  static String key(String phrase) {
    List<String> w = words(phrase);
    List<String> kept = new ArrayList<>();
    for (String x : w) {
      if (!isDeterminer(x)) {
        kept.add(x);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kept.size(); i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      // heads are singular: the last word, and the word before "of" ("eels of Lake Oru" = "eel of lake oru")
      boolean head = i == kept.size() - 1 || kept.get(i + 1).equals("of");
      sb.append(head ? singular(kept.get(i)) : kept.get(i));
    }
    return sb.toString();
  }

  /**
   * Concepts too generic to be an answer: time words, directions and placeholders that parse as
   * objects of asides ("every spring", "to the south"). Recall neither returns nor crosses them.
   */
  private static final String[] NOISE = {
    "year", "month", "week", "day", "night", "time", "hour", "minute", "season", "spring", "summer",
    "autumn", "fall", "winter", "morning", "evening", "today", "south", "north", "east", "west", "side",
    "end", "place", "number", "percent", "lot", "bit", "way", "thing", "people", "one", "other", "first",
    "cheap", "strict", "same", "new", "old", "key", "step", "once", "there", "here", "now", "then"
  };
  private static final java.util.HashSet<String> NOISE_SET = setOf(NOISE);

  static boolean isNoiseConcept(String key) {
    return NOISE_SET.contains(key);
  }

  /**
   * English plural to singular by suffix rules. Conservative: words ending in "ss", "us", "is" or
   * shorter than four letters are left alone ("glass", "status", "analysis", "gas").
   */
  static String singular(String w) {
    int n = w.length();
    if (n < 4 || w.charAt(n - 1) != 's') {
      return w;
    }
    if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ics")) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("ches") && n > 5 && isVowel(w.charAt(n - 5)) && !isVowel(w.charAt(n - 6))) {
      return w.substring(0, n - 1); // "caches" -> "cache", "niches" -> "niche"; "beaches" -> "beach" below
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")
        || w.endsWith("zes")) {
      return w.substring(0, n - 2);
    }
    return w.substring(0, n - 1);
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /**
   * Edit distance (Levenshtein plus adjacent transposition, "optimal string alignment") between
   * {@code a} and {@code b}, or {@code max + 1} as soon as it must exceed {@code max}. Three rows of
   * ints; cost O(|a| * |b|) worst case, cut short by the bound.
   */
  static int editDistance(String a, String b, int max) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) {
      return max + 1;
    }
    int[] prev2 = new int[lb + 1];
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1); // "lantren" -> "lantern": one swap, one typo
        }
        cur[j] = v;
        if (v < rowMin) {
          rowMin = v;
        }
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[lb] <= max ? prev[lb] : max + 1;
  }

  /** Typos allowed for a word or key of this length: none below 5 letters, one up to 8, then two. */
  static int typoBudget(int length) {
    if (length < 5) {
      return 0;
    }
    return length <= 8 ? 1 : 2;
  }
}
