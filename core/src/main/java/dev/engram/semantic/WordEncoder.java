package dev.engram.semantic;

import dev.engram.text.Lexicon;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;

/**
 * The built-in text encoder: the IDF-weighted mean of the word vectors of a text's content words, each
 * widened by its WordNet synonyms, then normalized. A word the table lacks takes the vector its scope
 * learned for it ({@link Cooccurrence}), if any. Function words and tokens with digits carry no meaning
 * here (memory matches numbers and identifiers exactly).
 *
 * <p>IDF prior: table ids are frequency ranks, so a word's weight is {@code ln(2 + rank / 200)}: "make"
 * (rank ~100) weighs 0.9, "pharmacist" (rank ~20,000) 4.6. A word the table lacks weighs as the rarest.
 * Cost: one hash lookup and {@code dim} multiply-adds per word and per synonym.
 */
public final class WordEncoder implements Encoder {
  /** Weight of a synonym's vector relative to its word's. */
  static final float SYNONYM_SHARE = 0.3f;
  /** Synonyms added per word at most. */
  static final int MAX_SYNONYMS = 4;

  private final WordTable table;
  private final Cooccurrence learned;

  /** @param learned the scope's co-occurrence vectors, or null for the table alone */
  public WordEncoder(WordTable table, Cooccurrence learned) {
    if (table == null) {
      throw new IllegalArgumentException("a WordEncoder needs a word table");
    }
    this.table = table;
    this.learned = learned;
  }

  @Override
  public int dimension() {
    return table.dimension();
  }

  @Override
  public float[] encode(String text) {
    float[] v = new float[table.dimension()];
    Tokens t = Tokens.of(text);
    for (int i = 0; i < t.size; i++) {
      if (!isContent(t, i)) {
        continue;
      }
      String stem = Stemmer.stem(t.norm[i]);
      int id = lookup(table, t.norm[i], stem);
      if (id >= 0) {
        float w = weight(id);
        table.addTo(v, id, w);
        int synonyms = 0;
        for (int r = table.relationStart(id); r < table.relationEnd(id) && synonyms < MAX_SYNONYMS; r++) {
          if (table.relationKind(r) == WordTable.SYNONYM) {
            table.addTo(v, table.relationTarget(r), w * SYNONYM_SHARE);
            synonyms++;
          }
        }
      } else if (learned != null) {
        learned.addTo(v, stem, weight(table.size()));
      }
    }
    normalize(v);
    return v;
  }

  /**
   * Feeds one fact to the scope's co-occurrence learner: its unknown content words learn from its
   * known ones. Separate from {@link #encode} so a question never teaches anything.
   */
  public void learn(String fact) {
    if (learned == null) {
      return;
    }
    Tokens t = Tokens.of(fact);
    int[] known = new int[t.size];
    String[] unknown = new String[t.size];
    int k = 0;
    int u = 0;
    for (int i = 0; i < t.size; i++) {
      if (!isContent(t, i)) {
        continue;
      }
      String stem = Stemmer.stem(t.norm[i]);
      int id = lookup(table, t.norm[i], stem);
      if (id >= 0) {
        known[k++] = id;
      } else if (stem.length() >= 3 && isLetters(stem)) {
        unknown[u++] = stem;
      }
    }
    learned.learn(table, known, k, unknown, u);
  }

  static boolean isContent(Tokens t, int i) {
    return !t.has(i, Tokens.SYNTHETIC) && !t.has(i, Tokens.HAS_DIGIT) && !Lexicon.STOP.contains(t.norm[i]);
  }

  /** The table id for a token: its surface form, its stem, then its root; -1 when none is known. */
  public static int lookup(WordTable table, String norm, String stem) {
    int id = table.wordId(norm);
    if (id < 0) {
      id = table.id(stem);
    }
    if (id < 0) {
      String root = Stemmer.root(stem);
      if (!root.equals(stem)) {
        id = table.id(root);
      }
    }
    return id;
  }

  private static boolean isLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  static float weight(int rank) {
    return (float) Math.log(2 + rank / 200.0);
  }

  /** Scales {@code v} to unit length in place (a zero vector stays zero). */
  public static void normalize(float[] v) {
    float norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      float s = 1f / (float) Math.sqrt(norm);
      for (int d = 0; d < v.length; d++) {
        v[d] *= s;
      }
    }
  }
}
