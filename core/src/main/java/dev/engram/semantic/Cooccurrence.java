package dev.engram.semantic;

import java.util.HashMap;

/**
 * What a scope's own facts teach the encoder: a vector for each word the table does not know ("wifi",
 * "kubectl", a product name), the mean of the table vectors of the words it appears with. A fact that
 * says "the Starling network is the wireless one" places "starling" near "network" and "wireless", so a
 * later question about the wireless network finds facts that only say "Starling".
 *
 * <p>Layout: stem -> float[dim + 1] (sum of unit context vectors, then the number of facts it was seen
 * in). Bounded at {@link #MAX_WORDS} words per scope; later unknown words are not learned (their facts
 * still encode from their known words). Saved with the snapshot (see {@link SemanticScope#toBytes}).
 */
public final class Cooccurrence {
  /** Most unknown words one scope learns vectors for (each costs dim + 1 floats). */
  public static final int MAX_WORDS = 50_000;

  private final int dim;
  final HashMap<String, float[]> sums = new HashMap<>();

  public Cooccurrence(int dim) {
    this.dim = dim;
  }

  /** Learns from one fact: {@code unknown} stems get the mean of the {@code known} table words' vectors. */
  void learn(WordTable table, int[] known, int knownCount, String[] unknown, int unknownCount) {
    if (knownCount == 0 || unknownCount == 0) {
      return;
    }
    float[] context = new float[dim];
    for (int i = 0; i < knownCount; i++) {
      table.addTo(context, known[i], 1f / knownCount);
    }
    for (int u = 0; u < unknownCount; u++) {
      float[] acc = sums.get(unknown[u]);
      if (acc == null) {
        if (sums.size() >= MAX_WORDS) {
          continue;
        }
        acc = new float[dim + 1];
        sums.put(unknown[u], acc);
      }
      for (int d = 0; d < dim; d++) {
        acc[d] += context[d];
      }
      acc[dim] += 1;
    }
  }

  /** Adds {@code weight} times the learned unit vector of {@code stem}; false when it has none. */
  boolean addTo(float[] acc, String stem, float weight) {
    float[] sum = sums.get(stem);
    if (sum == null) {
      return false;
    }
    float norm = 0;
    for (int d = 0; d < dim; d++) {
      norm += sum[d] * sum[d];
    }
    if (norm == 0) {
      return false;
    }
    float s = weight / (float) Math.sqrt(norm);
    for (int d = 0; d < dim; d++) {
      acc[d] += s * sum[d];
    }
    return true;
  }

  /** How many unknown words have a learned vector. */
  public int size() {
    return sums.size();
  }
}
