package dev.engram.neuron;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns recalled facts plus a message into the packed sequence the router reads:
 * {@code <bos> (<fact> fact)* <msg> message <cls>}, the classifier reading the {@code <cls>} position.
 *
 * <p>Each element packs a token id (low 16 bits) and an <em>overlap channel</em> (bits 16+):
 * 1 when the token belongs to a content word that also occurs on the other side (a message word found
 * in some fact, a fact word found in the message), 2 for a content word that does not, 0 for
 * everything else (specials, punctuation, function words). Words are compared after a light
 * suffix-stripping stem. This hands the model the one comparison a small network learns slowly from
 * a few minutes of data, "does a recalled fact talk about what is asked", while leaving the decision
 * (which words matter, which are questions, which are live) to the trained weights.
 *
 * <p>Text is normalised first (ASCII letters lower-cased, runs of white space collapsed, trimmed),
 * so casing never changes a route. When the sequence would not fit the context, the message keeps
 * its last {@code context/2} tokens (the end of a turn carries its question mark or request), and
 * facts, best first, are kept while they fit, the last one cut short: a documented budget, not an
 * error, because a router must route any message.
 */
public final class RouterInput {
  public static final int NONE = 0;
  public static final int SHARED = 1;
  public static final int UNSHARED = 2;

  private static final Set<String> FUNCTION_WORDS = new HashSet<>();

  static {
    String[] words = {
      "the", "a", "an", "is", "are", "was", "were", "be", "been", "am", "my", "our", "your", "their", "his", "her",
      "its", "i", "me", "we", "you", "he", "she", "it", "they", "them", "us", "what", "whats", "what's", "when",
      "where", "who", "whos", "who's", "which", "how", "why", "do", "does", "did", "to", "of", "in", "on", "at",
      "for", "and", "or", "this", "that", "these", "those", "can", "could", "would", "should", "will", "shall",
      "tell", "please", "again", "know", "remind", "forgot", "forget", "need", "give", "there", "any", "with",
      "from", "by", "about", "has", "have", "had", "get", "got", "so", "ok", "hey", "just", "not", "no", "yes",
      "it's", "i'm", "i've", "we're", "you're", "let", "me", "some", "up", "out", "if", "then", "than", "as", "um",
      "pls", "thanks", "quick", "question", "sorry", "btw", "fyi", "also", "too", "very", "really", "all", "into"
    };
    for (String w : words) {
      FUNCTION_WORDS.add(w);
    }
  }

  private RouterInput() {}

  public static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    }
    return b.toString();
  }

  /** The comparison key of a word chunk, or null for a function word / non-word. */
  static String stem(String chunk) {
    String w = chunk.trim();
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.isEmpty() || FUNCTION_WORDS.contains(w)) {
      return null;
    }
    char c0 = w.charAt(0);
    boolean word = c0 >= 0x80 || (c0 >= 'a' && c0 <= 'z') || (c0 >= '0' && c0 <= '9');
    if (!word) {
      return null;
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("ed")) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Chunks of {@code text} as the tokenizer cuts it. */
  private static String[] chunks(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    String[] out = new String[b.length];
    int n = 0;
    int i = 0;
    while (i < b.length) {
      int end = BpeTokenizer.chunkEnd(b, i, b.length);
      out[n++] = new String(b, i, end - i, StandardCharsets.UTF_8);
      i = end;
    }
    String[] r = new String[n];
    System.arraycopy(out, 0, r, 0, n);
    return r;
  }

  private static Set<String> stems(String[] chunks) {
    Set<String> s = new HashSet<>();
    for (String c : chunks) {
      String k = stem(c);
      if (k != null) {
        s.add(k);
      }
    }
    return s;
  }

  /** Appends the packed tokens of {@code chunks} (at most {@code max}); returns the new length. */
  private static int emit(BpeTokenizer tok, String[] chunks, Set<String> other, int[] out, int n, int max) {
    int end = n + max;
    for (String c : chunks) {
      String k = stem(c);
      int ov = k == null ? NONE : (other.contains(k) ? SHARED : UNSHARED);
      for (int id : tok.encode(c)) {
        if (n == end) {
          return n;
        }
        out[n++] = id | (ov << 16);
      }
    }
    return n;
  }

  private static int count(BpeTokenizer tok, String[] chunks) {
    int n = 0;
    for (String c : chunks) {
      n += tok.encode(c).length;
    }
    return n;
  }

  public static int[] encode(BpeTokenizer tok, String[] facts, String message, int context) {
    if (message == null) {
      throw new IllegalArgumentException("message is required");
    }
    if (context < 8) {
      throw new IllegalArgumentException("context must be >= 8, got " + context);
    }
    String[] msg = chunks(normalize(message));
    int factCount = 0;
    String[][] fs = new String[facts == null ? 0 : facts.length][];
    Set<String> factStems = new HashSet<>();
    for (int i = 0; i < fs.length; i++) {
      if (facts[i] != null) {
        fs[factCount] = chunks(normalize(facts[i]));
        factStems.addAll(stems(fs[factCount]));
        factCount++;
      }
    }
    Set<String> msgStems = stems(msg);
    int msgTokens = count(tok, msg);
    int msgLen = Math.min(msgTokens, context / 2);
    int[] out = new int[context];
    int n = 0;
    out[n++] = BpeTokenizer.BOS;
    int budget = context - 3 - msgLen;
    for (int i = 0; i < factCount && budget >= 2; i++) {
      out[n++] = BpeTokenizer.FACT;
      int before = n;
      n = emit(tok, fs[i], msgStems, out, n, budget - 1);
      budget -= n - before + 1;
    }
    out[n++] = BpeTokenizer.MSG;
    if (msgLen == msgTokens) {
      n = emit(tok, msg, factStems, out, n, msgLen);
    } else {
      int[] all = new int[msgTokens];
      emit(tok, msg, factStems, all, 0, msgTokens);
      System.arraycopy(all, msgTokens - msgLen, out, n, msgLen);
      n += msgLen;
    }
    out[n++] = BpeTokenizer.CLS;
    int[] ids = new int[n];
    System.arraycopy(out, 0, ids, 0, n);
    return ids;
  }
}
