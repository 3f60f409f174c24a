package dev.engram.spiking;

/**
 * The learned synapses: a sparse overlay on top of the procedural connectome.
 *
 * <p>Layout: parallel arrays indexed by synapse id (creation order) — {@code pre}, {@code post}, weight {@code w}
 * (mV), eligibility {@code elig}, and two intrusive singly linked lists threaded through {@code nextOut} /
 * {@code nextIn} with per-neuron heads, so a spike walks exactly its own learned synapses in both directions
 * (out for delivery and depression, in for potentiation). A {@link LongIntMap} from (pre, post) to id prevents
 * duplicates. Cost: 24 bytes per synapse plus ~16 in the pair map, plus 8 bytes per neuron for the heads;
 * ids are dense, so pruning compacts and rebuilds in creation order (deterministic).
 */
final class SynapseOverlay {
  int size;
  int[] pre = new int[64], post = new int[64], nextOut = new int[64], nextIn = new int[64];
  float[] w = new float[64], elig = new float[64];
  final int[] headOut, headIn;
  LongIntMap pairs = new LongIntMap(64);
  /** Synapses with non-zero eligibility, in the order they became eligible: the only ones a step must update. */
  int[] active = new int[64];
  int activeCount;

  SynapseOverlay(int neurons) {
    headOut = new int[neurons];
    headIn = new int[neurons];
    java.util.Arrays.fill(headOut, -1);
    java.util.Arrays.fill(headIn, -1);
  }

  static long key(int p, int q) {
    return ((long) p << 32) | (q & 0xFFFFFFFFL);
  }

  int find(int p, int q) {
    return pairs.get(key(p, q));
  }

  /** Adds a synapse, or returns the existing id for the pair. */
  int add(int p, int q, float weight) {
    int id = pairs.get(key(p, q));
    if (id >= 0) return id;
    if (size == pre.length) grow();
    id = size++;
    pre[id] = p;
    post[id] = q;
    w[id] = weight;
    elig[id] = 0;
    nextOut[id] = headOut[p];
    headOut[p] = id;
    nextIn[id] = headIn[q];
    headIn[q] = id;
    pairs.put(key(p, q), id);
    return id;
  }

  private void grow() {
    int n = pre.length * 2;
    pre = java.util.Arrays.copyOf(pre, n);
    post = java.util.Arrays.copyOf(post, n);
    nextOut = java.util.Arrays.copyOf(nextOut, n);
    nextIn = java.util.Arrays.copyOf(nextIn, n);
    w = java.util.Arrays.copyOf(w, n);
    elig = java.util.Arrays.copyOf(elig, n);
  }

  void addElig(int id, float delta) {
    if (delta == 0) return;
    if (elig[id] == 0) {
      if (activeCount == active.length) active = java.util.Arrays.copyOf(active, active.length * 2);
      active[activeCount++] = id;
    }
    elig[id] += delta;
    if (elig[id] == 0) elig[id] = Float.MIN_NORMAL; // stays on the active list; the list and the non-zero set must agree
  }

  /** Drops synapses weaker than {@code below} (only those with no pending eligibility); returns how many. */
  int prune(float below) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (w[i] < below && elig[i] == 0) continue;
      pre[kept] = pre[i];
      post[kept] = post[i];
      w[kept] = w[i];
      elig[kept] = elig[i];
      kept++;
    }
    int removed = size - kept;
    if (removed > 0) rebuild(kept);
    return removed;
  }

  /** Rebuilds lists, pair map and active list from the first {@code n} entries, in id order. */
  void rebuild(int n) {
    size = n;
    java.util.Arrays.fill(headOut, -1);
    java.util.Arrays.fill(headIn, -1);
    pairs = new LongIntMap(Math.max(64, n * 2));
    activeCount = 0;
    for (int id = 0; id < n; id++) {
      int p = pre[id], q = post[id];
      nextOut[id] = headOut[p];
      headOut[p] = id;
      nextIn[id] = headIn[q];
      headIn[q] = id;
      pairs.put(key(p, q), id);
      if (elig[id] != 0) {
        if (activeCount == active.length) active = java.util.Arrays.copyOf(active, active.length * 2);
        active[activeCount++] = id;
      }
    }
  }

  /** Sets the entry arrays wholesale (used by the codec), then rebuilds. */
  void load(int[] pres, int[] posts, float[] ws, float[] eligs) {
    int n = pres.length;
    int cap = Math.max(64, n);
    pre = java.util.Arrays.copyOf(pres, cap);
    post = java.util.Arrays.copyOf(posts, cap);
    w = java.util.Arrays.copyOf(ws, cap);
    elig = java.util.Arrays.copyOf(eligs, cap);
    nextOut = new int[cap];
    nextIn = new int[cap];
    rebuild(n);
  }
}
