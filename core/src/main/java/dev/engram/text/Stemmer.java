package dev.engram.text;

import java.util.HashMap;

/**
 * A conservative inflectional stemmer: it folds plural, third-person, past and progressive forms onto
 * one key ("owns", "owned", "owning" -> "own"; "cities" -> "city"; "running" -> "run") and nothing more.
 *
 * <p>Why not Porter: Porter also strips derivations ("general" and "generate" both become "gener"),
 * which makes unrelated words collide and costs precision in a memory that must abstain. Derivations
 * ("owner" from "own", "management" from "manage") are instead joined through
 * {@link #root}, which memory matches at a lower weight.
 *
 * <p>Words containing digits are never stemmed: "project17" and "project170" stay apart.
 */
public final class Stemmer {
  private static final HashMap<String, String> IRREGULAR = new HashMap<>();

  static {
    String[] pairs = {
      "children", "child", "men", "man", "women", "woman", "people", "person", "mice", "mouse",
      "feet", "foot", "teeth", "tooth", "geese", "goose", "went", "go", "gone", "go", "goes", "go",
      "bought", "buy", "paid", "pay", "made", "make", "met", "meet", "ran", "run", "sold", "sell",
      "told", "tell", "took", "take", "taken", "take", "wrote", "write", "written", "write",
      "drove", "drive", "driven", "drive", "ate", "eat", "eaten", "eat", "kept", "keep", "built", "build",
      "sent", "send", "spent", "spend", "taught", "teach", "thought", "think", "found", "find",
      "held", "hold", "led", "lead", "won", "win", "flew", "fly", "flown", "fly", "grew", "grow",
      "grown", "grow", "knew", "know", "known", "know", "began", "begin", "begun", "begin",
      "chose", "choose", "chosen", "choose", "got", "get", "gotten", "get", "gave", "give", "given", "give",
      "saw", "see", "seen", "see", "came", "come", "became", "become", "left", "leave", "lost", "lose",
      "felt", "feel", "heard", "hear", "said", "say", "says", "say", "did", "do", "done", "do", "does", "do",
      "had", "have", "has", "have", "having", "have", "was", "be", "were", "be", "been", "be", "is", "be",
      "are", "be", "am", "be", "being", "be", "brought", "bring", "caught", "catch", "fought", "fight",
      "stood", "stand", "understood", "understand", "sat", "sit", "slept", "sleep", "spoke", "speak",
      "spoken", "speak", "stole", "steal", "stolen", "steal", "swam", "swim", "threw", "throw",
      "thrown", "throw", "wore", "wear", "worn", "wear", "broke", "break", "broken", "break",
      "forgot", "forget", "forgotten", "forget", "hid", "hide", "hidden", "hide", "rode", "ride",
      "ridden", "ride", "rang", "ring", "sang", "sing", "sung", "sing", "drank", "drink", "drunk", "drink",
      "lent", "lend", "meant", "mean", "dealt", "deal", "fed", "feed", "shot", "shoot", "lay", "lie",
      "laid", "lay", "born", "born", "data", "data", "media", "media", "criteria", "criterion",
      "analyses", "analysis", "news", "news", "series", "series", "species", "species", "physics", "physics",
      "mathematics", "mathematics", "economics", "economics", "politics", "politics", "always", "always",
      "perhaps", "perhaps", "yes", "yes", "this", "this", "his", "his", "its", "its", "us", "us", "thus", "thus",
      "lens", "lens", "bus", "bus", "gas", "gas", "plus", "plus", "bias", "bias", "alias", "alias",
      "canvas", "canvas", "atlas", "atlas", "christmas", "christmas", "texas", "texas", "paris", "paris",
      "wifi", "wifi", "glasses", "glasses", "pants", "pants", "jeans", "jeans", "scissors", "scissors",
      "clothes", "clothes", "thanks", "thanks", "sometimes", "sometimes", "lives", "live", "wives", "wife",
      "knives", "knife", "leaves", "leaf", "shelves", "shelf", "halves", "half", "wolves", "wolf",
      "calves", "calf", "selves", "self", "ourselves", "ourselves", "themselves", "themselves",
      "better", "good", "best", "good", "worse", "bad", "worst", "bad"
    };
    for (int i = 0; i < pairs.length; i += 2) {
      IRREGULAR.put(pairs[i], pairs[i + 1]);
    }
  }

  /** Irregular past forms and participles: "took", "written", "went". */
  private static final java.util.HashSet<String> IRREGULAR_VERB_FORMS = new java.util.HashSet<>();

  static {
    String[] verbs = {"went", "gone", "bought", "paid", "made", "met", "ran", "sold", "told", "took", "taken",
      "wrote", "written", "drove", "driven", "ate", "eaten", "kept", "built", "sent", "spent", "taught",
      "thought", "found", "held", "led", "won", "flew", "flown", "grew", "grown", "knew", "known", "began",
      "begun", "chose", "chosen", "got", "gotten", "gave", "given", "saw", "seen", "came", "became", "left",
      "lost", "felt", "heard", "said", "brought", "caught", "fought", "stood", "understood", "sat", "slept",
      "spoke", "spoken", "stole", "stolen", "swam", "threw", "thrown", "wore", "worn", "broke", "broken",
      "forgot", "forgotten", "hid", "hidden", "rode", "ridden", "rang", "sang", "sung", "drank", "drunk",
      "lent", "meant", "dealt", "fed", "shot", "laid", "put", "set", "cut", "hit", "let", "shut", "quit"};
    for (String v : verbs) {
      IRREGULAR_VERB_FORMS.add(v);
    }
  }

  /** True for an irregular past form or participle ("took", "written"): a verb, never a value. */
  public static boolean isIrregularVerbForm(String w) {
    return IRREGULAR_VERB_FORMS.contains(w);
  }

  private Stemmer() {}

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean hasVowel(String s, int end) {
    for (int i = 0; i < end; i++) {
      if (isVowel(s.charAt(i)) || (i > 0 && s.charAt(i) == 'y')) {
        return true;
      }
    }
    return false;
  }

  /** The stem of a lower-case word. */
  public static String stem(String w) {
    int n = w.length();
    if (n <= 2) {
      return w;
    }
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return w; // digits, joiners, non-ASCII: keep exact
      }
    }
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      // The base form is stemmed too, so "lives", "live" and "living" meet.
      return irregular.equals(w) ? w : stem(irregular);
    }
    String s = w;
    if (s.endsWith("ies") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("ied") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("sses")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("ches") || s.endsWith("shes") || s.endsWith("xes") || s.endsWith("zzes")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")
        && n > 3) {
      s = s.substring(0, n - 1);
    } else if (s.endsWith("ing") && n > 5 && hasVowel(s, n - 3)) {
      s = undouble(s.substring(0, n - 3));
    } else if (s.endsWith("eed") && n > 4) {
      s = s.substring(0, n - 1);
    } else if (s.endsWith("ed") && n > 4 && hasVowel(s, n - 2)) {
      s = undouble(s.substring(0, n - 2));
    }
    // A final silent 'e' is dropped so "make", "makes" and "making" share "mak".
    int m = s.length();
    if (m > 3 && s.charAt(m - 1) == 'e' && s.charAt(m - 2) != 'e') {
      s = s.substring(0, m - 1);
    }
    return s;
  }

  private static String undouble(String s) {
    int m = s.length();
    if (m >= 3) {
      char a = s.charAt(m - 1);
      if (a == s.charAt(m - 2) && !isVowel(a) && a != 'l' && a != 's' && a != 'z') {
        return s.substring(0, m - 1);
      }
    }
    return s;
  }

  private static final String[] DERIVATIONAL = {"ation", "ition", "ment", "ship", "ness", "ist", "er", "or"};

  /**
   * The root a derived word shares with its base: "owner" and "ownership" -> "own", "management" and
   * "manager" -> "manag" (the stem of "manage"), "deployment" -> "deploy". At most two suffixes are
   * removed and at least three letters stay. A word with no derivational suffix is its own root.
   *
   * <p>Memory indexes a word under its root as well as its stem, and a question looks its words up
   * by root at a lower weight, so word families meet in two lookups instead of a list of guesses.
   */
  public static String root(String stem) {
    String r = stem;
    for (int round = 0; round < 2; round++) {
      String next = stripOne(r);
      if (next == null) {
        break;
      }
      r = next;
    }
    return r;
  }

  private static String stripOne(String s) {
    // Quick refusals first (this runs for every unmatched word of every fact read): every suffix leaves
    // at least three letters and ends in n, t, p, s or r.
    int n = s.length();
    if (n < 5) {
      return null;
    }
    char last = s.charAt(n - 1);
    if (last != 'n' && last != 't' && last != 'p' && last != 's' && last != 'r') {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return null;
      }
    }
    for (String suffix : DERIVATIONAL) {
      int keep = s.length() - suffix.length();
      if (keep >= 3 && s.endsWith(suffix)) {
        String base = s.substring(0, keep);
        boolean agentive = suffix.equals("er") || suffix.equals("or");
        return undouble(stem(agentive || base.endsWith("e") ? base : base + "e"));
      }
    }
    return null;
  }
}
