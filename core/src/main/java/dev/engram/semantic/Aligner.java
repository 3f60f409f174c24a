package dev.engram.semantic;

import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;

/**
 * Word-to-word alignment of a question with a fact: each question word is matched to the fact word that
 * best stands for it (same stem 1; a WordNet synonym, derivation, similar adjective or hypernym/hyponym;
 * two WordNet steps that are not "up to a shared parent and down again"; or a close word vector), and the
 * fact's alignment score is the IDF-weighted mean of those matches. A paraphrase rewords every word, so
 * comparing whole-text mean vectors cannot tell "where does my grandmother reside" from "where does my
 * uncle live"; aligning word by word can, because "uncle" finds nothing in "Grandma lives in Porto".
 *
 * <p>Weights: a question word weighs its table IDF prior {@code ln(2 + rank / 200)} (the rarest weight
 * when the table lacks it); soft words (the answer's kind noun, the question's own verb: see
 * {@code memory.Query}) weigh {@link AlignParams#softShare} of that and count only when matched. One
 * fact word may stand for several question words ("laptop" for "notebook computer").
 *
 * <p>Cost: per question word and fact word one stem comparison, a scan of the question word's WordNet
 * relations (a few dozen at most) and, when neither is among the {@link AlignParams#commonRank} most
 * frequent words, one 100-d int8 dot product. Word pairs are memoized per aligner (one question).
 */
public final class Aligner {
  private final WordTable table;
  private final SemanticParams p;
  private final AlignParams ap;
  private final int terms;
  private final String[] stems;
  private final String[] roots;
  private final int[] ids;
  private final boolean[] soft;
  private final float[] weights;
  private final java.util.HashMap<Long, Float> memo = new java.util.HashMap<>();

  /**
   * One fact read against the question: per question term its best fact token and match, the recall
   * score (weighted share of the question the fact stands for), and per fact token its best match with
   * any question word and its weight, for {@link #score}.
   */
  public record Alignment(float recall, float weakest, int[] token, float[] match, String[] stem,
      float[] tokenMatch, float[] tokenWeight) {
    /**
     * Recall times a precision factor: the share of the fact's own content words outside its value
     * ({@code from..to}) that some question word stands for, so "my favourite author is X" does not
     * answer "what drink do I like best" as well as "my favourite beverage is X" does.
     */
    public float score(int from, int to, float precisionShare) {
      float got = 0;
      float total = 0;
      for (int i = 0; i < tokenWeight.length; i++) {
        if (tokenWeight[i] > 0 && (i < from || i > to)) {
          total += tokenWeight[i];
          got += tokenWeight[i] * tokenMatch[i];
        }
      }
      float precision = total == 0 ? 1 : got / total;
      return recall * (1 - precisionShare + precisionShare * precision);
    }
  }

  /**
   * @param words the question's content words (normalized, as {@code memory.Query} keeps them)
   * @param soft per word, whether a fact may leave it out
   */
  public Aligner(WordTable table, SemanticParams p, AlignParams ap, String[] words, boolean[] soft, int terms) {
    if (table == null || p == null || ap == null || words == null || soft == null || terms < 0 || terms > words.length
        || terms > soft.length) {
      throw new IllegalArgumentException("Aligner needs a table, parameters and " + terms + " question words");
    }
    this.table = table;
    this.p = p;
    this.ap = ap;
    this.terms = terms;
    stems = new String[terms];
    roots = new String[terms];
    ids = new int[terms];
    this.soft = new boolean[terms];
    weights = new float[terms];
    for (int t = 0; t < terms; t++) {
      stems[t] = Stemmer.stem(words[t]);
      roots[t] = Stemmer.root(stems[t]);
      ids[t] = lookup(words[t], stems[t]);
      this.soft[t] = soft[t];
      float prior = WordEncoder.weight(ids[t] < 0 ? table.size() : ids[t]);
      weights[t] = soft[t] ? prior * (float) ap.softShare() : prior;
    }
  }

  /**
   * A word's table id: its own form, stem or root, else its American spelling ("counsellor",
   * "colour", "centre", "organise": the vectors were learnt mostly from American text).
   */
  private int lookup(String norm, String stem) {
    int id = WordEncoder.lookup(table, norm, stem);
    if (id >= 0 || norm.length() < 5) {
      return id;
    }
    String us = american(norm);
    return us.equals(norm) ? -1 : WordEncoder.lookup(table, us, Stemmer.stem(us));
  }

  /** British to American spelling for the regular patterns: -our, -re, -ise/-yse, -ll- before a suffix. */
  static String american(String w) {
    String[][] endings = {{"ours", "ors"}, {"our", "or"}, {"tres", "ters"}, {"tre", "ter"}, {"ising", "izing"},
        {"ised", "ized"}, {"ise", "ize"}, {"yse", "yze"}, {"llor", "lor"}, {"lled", "led"}, {"lling", "ling"},
        {"ogue", "og"}, {"cence", "cense"}};
    for (String[] e : endings) {
      if (w.endsWith(e[0]) && w.length() > e[0].length() + 2) {
        return w.substring(0, w.length() - e[0].length()) + e[1];
      }
    }
    int our = w.indexOf("our");
    if (our > 1 && our + 3 < w.length()) {
      return w.substring(0, our) + "or" + w.substring(our + 3); // "colourful", "favourite"
    }
    return w;
  }

  /** The question word's table id, or -1. */
  public int id(int term) {
    return ids[term];
  }

  /** Aligns the question with one fact's tokens. */
  public Alignment align(Tokens fact) {
    int[] token = new int[terms];
    float[] match = new float[terms];
    String[] stem = new String[terms];
    float[] tokenMatch = new float[fact.size];
    float[] tokenWeight = new float[fact.size];
    java.util.Arrays.fill(token, -1);
    for (int i = 0; i < fact.size; i++) {
      if (fact.has(i, Tokens.SYNTHETIC) || fact.has(i, Tokens.HAS_DIGIT)) {
        continue;
      }
      String norm = fact.norm[i];
      String normal = Questions.normalize(norm);
      if (Lexicon.STOP.contains(norm) || Lexicon.STOP.contains(normal)) {
        continue;
      }
      String s = Stemmer.stem(normal);
      String root = Stemmer.root(s);
      int id = lookup(normal, s);
      boolean name = fact.has(i, Tokens.CAPITALIZED) && !fact.has(i, Tokens.FIRST);
      tokenWeight[i] = name ? 0 : WordEncoder.weight(id < 0 ? table.size() : id);
      for (int t = 0; t < terms; t++) {
        float m;
        if (s.equals(stems[t]) || root.equals(roots[t]) || s.equals(roots[t]) || root.equals(stems[t])) {
          m = 1f;
        } else {
          m = similarity(ids[t], id);
        }
        if (m > tokenMatch[i]) {
          tokenMatch[i] = m;
        }
        if (m > match[t]) {
          match[t] = m;
          token[t] = i;
          stem[t] = s;
        }
      }
    }
    float got = 0;
    float total = 0;
    float weakest = 1;
    for (int t = 0; t < terms; t++) {
      total += weights[t];
      got += weights[t] * match[t];
      if (!soft[t] && (ids[t] < 0 || ids[t] >= ap.commonRank())) {
        weakest = Math.min(weakest, match[t]);
      }
    }
    return new Alignment(total == 0 ? 0 : got / total, weakest, token, match, stem, tokenMatch, tokenWeight);
  }

  /**
   * How well table word {@code b} stands for {@code a}, 0..1 (0 when either is unknown): the best of a
   * direct WordNet relation, an ancestor a few steps up, a two-step WordNet link, and their vectors'
   * cosine ({@link AlignParams#vectorWeight}), except that common words match only by a direct
   * relation and two words WordNet sets apart as near siblings ("mother"/"daughter") never by vector.
   */
  public float similarity(int a, int b) {
    if (a < 0 || b < 0) {
      return 0;
    }
    if (a == b) {
      return 1;
    }
    long key = ((long) a << 32) | b;
    Float cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    float best = 0;
    for (int r = table.relationStart(a); r < table.relationEnd(a); r++) {
      if (table.relationTarget(r) == b) {
        int kind = table.relationKind(r);
        best = Math.max(best, kind == WordTable.HYPERNYM || kind == WordTable.HYPONYM
            ? (float) ap.hypernymWeight() : p.relationWeight(kind));
      }
    }
    int up = Math.max(table.ancestorDepth(a, b), table.ancestorDepth(b, a));
    if (up > 0 && up <= ap.maxAncestorSteps()) {
      best = Math.max(best, (float) ap.ancestorWeight() - 0.05f * (up - 1));
    }
    if (a >= ap.commonRank() && b >= ap.commonRank()) {
      boolean linked = table.linked(a, b) || table.linked(b, a);
      if (linked) {
        best = Math.max(best, (float) ap.linkedWeight());
      }
      int shared = table.sharedAncestorSteps(a, b);
      boolean siblings = !linked && up == 0 && shared > 0 && shared <= ap.contrastSteps();
      if (!siblings) {
        best = Math.max(best, ap.vectorWeight(table.cosine(a, b)));
      }
    }
    memo.put(key, best);
    return best;
  }
}
