package dev.engram.semantic;

/**
 * One scope's fact encodings and the search over them.
 *
 * <p>Layout: row {@code f} of {@code rows} ({@code dim} int8 components) with scale {@code scales[f]}
 * is fact {@code f}'s unit encoding; a fact with no known word has scale 0 and is never returned.
 * 100 bytes + 4 per fact for the built-in encoder.
 *
 * <p>Search: up to {@code bruteForceMax} facts, every row is scored (exact). Beyond that, a
 * random-hyperplane LSH index (Charikar 2002): {@link #TABLES} tables of {@link #BITS} sign bits each,
 * every fact sits in one bucket per table (an intrusive linked list: {@code head} per bucket,
 * {@code next} per fact and table). A query probes, in each table, its own bucket and the
 * {@link #BITS} buckets one bit away, then scores those facts exactly. Two facts at cosine 0.8 share a
 * 12-bit bucket with probability (1 - acos(0.8)/pi)^12 = 0.15, and are found through some probed
 * bucket of some table far more often; at a million facts a query scores ~1-3% of them. The index is
 * built on the first search past {@code bruteForceMax} and kept up to date after that.
 * Hyperplanes come from a fixed integer generator, so every runtime builds the same buckets.
 */
public final class FactVectors {
  static final int TABLES = 4;
  static final int BITS = 12;
  private static final long SEED = 0x5DEECE66DL;

  private final int dim;
  private byte[] rows = new byte[0];
  private float[] scales = new float[0];
  private int count;
  private final float[] planes;
  private int[] head;
  private int[] next;
  private int[] stamp = new int[0];
  private int stampClock;

  public FactVectors(int dim) {
    this.dim = dim;
    planes = new float[TABLES * BITS * dim];
    long s = SEED;
    for (int i = 0; i < planes.length; i++) {
      // xorshift64*, top 24 bits to a float in [-1, 1): exact in float on every runtime.
      s ^= s << 13;
      s ^= s >>> 7;
      s ^= s << 17;
      planes[i] = ((s >>> 40) - (1 << 23)) / (float) (1 << 23);
    }
  }

  public int size() {
    return count;
  }

  public int dimension() {
    return dim;
  }

  /** Appends the encoding of the next fact (fact numbers are dense, in observation order). */
  public void add(float[] unit) {
    if (unit.length != dim) {
      throw new IllegalArgumentException("encoding has " + unit.length + " components, the index " + dim);
    }
    float max = 0;
    for (float x : unit) {
      max = Math.max(max, Math.abs(x));
    }
    byte[] q = new byte[dim];
    float scale = max == 0 ? 0 : max / 127f;
    for (int d = 0; d < dim; d++) {
      q[d] = scale == 0 ? 0 : (byte) Math.round(unit[d] / scale);
    }
    addRow(q, scale);
  }

  void addRow(byte[] q, float scale) {
    if (count == scales.length) {
      int cap = count + (count >> 1) + 16;
      rows = java.util.Arrays.copyOf(rows, cap * dim);
      scales = java.util.Arrays.copyOf(scales, cap);
    }
    System.arraycopy(q, 0, rows, count * dim, dim);
    scales[count] = scale;
    count++;
    if (head != null) {
      insert(count - 1);
    }
  }

  /** Cosine of fact {@code f}'s encoding with a unit query. */
  public float cosine(int f, float[] query) {
    int base = f * dim;
    float dot = 0;
    for (int d = 0; d < dim; d++) {
      dot += rows[base + d] * query[d];
    }
    return dot * scales[f];
  }

  /**
   * The (at most {@code k}) facts whose encodings are nearest {@code query}, best first, as fact numbers;
   * exhaustive up to {@code bruteForceMax} facts, LSH beyond.
   */
  public int[] nearest(float[] query, int k, int bruteForceMax) {
    int[] best = new int[k];
    float[] sims = new float[k];
    int kept = 0;
    if (k == 0) {
      return best;
    }
    if (count <= bruteForceMax) {
      for (int f = 0; f < count; f++) {
        kept = offer(best, sims, kept, f, query);
      }
    } else {
      if (head == null) {
        buildIndex();
      }
      if (stamp.length < count) {
        stamp = new int[Math.max(count, stamp.length * 2)];
        stampClock = 0;
      }
      int visit = ++stampClock;
      for (int t = 0; t < TABLES; t++) {
        int key = signature(query, t);
        for (int flip = -1; flip < BITS; flip++) {
          int bucket = t << BITS | (flip < 0 ? key : key ^ (1 << flip));
          for (int f = head[bucket]; f >= 0; f = next[f * TABLES + t]) {
            if (stamp[f] != visit) {
              stamp[f] = visit;
              kept = offer(best, sims, kept, f, query);
            }
          }
        }
      }
    }
    return java.util.Arrays.copyOf(best, kept);
  }

  private int offer(int[] best, float[] sims, int kept, int f, float[] query) {
    if (scales[f] == 0) {
      return kept;
    }
    float c = cosine(f, query);
    int k = best.length;
    if (kept < k || c > sims[kept - 1]) {
      int pos = kept < k ? kept++ : kept - 1;
      while (pos > 0 && sims[pos - 1] < c) {
        sims[pos] = sims[pos - 1];
        best[pos] = best[pos - 1];
        pos--;
      }
      sims[pos] = c;
      best[pos] = f;
    }
    return kept;
  }

  private void buildIndex() {
    head = new int[TABLES << BITS];
    java.util.Arrays.fill(head, -1);
    next = new int[Math.max(16, scales.length) * TABLES];
    for (int f = 0; f < count; f++) {
      insert(f);
    }
  }

  private void insert(int f) {
    if (next.length < (f + 1) * TABLES) {
      next = java.util.Arrays.copyOf(next, Math.max((f + 1) * TABLES, next.length * 3 / 2));
    }
    float[] v = new float[dim];
    int base = f * dim;
    for (int d = 0; d < dim; d++) {
      v[d] = rows[base + d];
    }
    for (int t = 0; t < TABLES; t++) {
      int bucket = t << BITS | signature(v, t);
      next[f * TABLES + t] = head[bucket];
      head[bucket] = f;
    }
  }

  private int signature(float[] v, int table) {
    int key = 0;
    for (int b = 0; b < BITS; b++) {
      int base = (table * BITS + b) * dim;
      float dot = 0;
      for (int d = 0; d < dim; d++) {
        dot += planes[base + d] * v[d];
      }
      if (dot >= 0) {
        key |= 1 << b;
      }
    }
    return key;
  }

  /** Row {@code f}'s components (for the snapshot). */
  void row(int f, byte[] into) {
    System.arraycopy(rows, f * dim, into, 0, dim);
  }

  float scale(int f) {
    return scales[f];
  }
}
