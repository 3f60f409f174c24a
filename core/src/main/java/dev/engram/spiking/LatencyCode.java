package dev.engram.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Perception into the brain: an embedding is latency-coded into a sensory region's excitatory cells, the brain
 * runs, the region's spikes are rate-decoded back, and the concept assemblies it drove are ranked; with a label,
 * the percept is bound to the label's assembly by learned synapses.
 *
 * <p><b>Code.</b> Dimension i owns a group of {@code g} excitatory cells (slots {@code [i g, (i+1) g)} of a
 * seeded permutation of the region's excitatory cells, a pure function of the brain's seed and the region, so
 * nothing is stored). The unit embedding is standardised, {@code z = x sqrt(d)}, and mapped to
 * {@code u = 1/2 + z / (2 zRange)} clipped to [0, 1]; the window holds {@code L = windowMs / periodMs} slots
 * of {@code periodMs}, and the group fires in the last {@code n = round(u L)} of them. So a larger value spikes
 * earlier (its first spike is at slot {@code L - n}) and more often: time to first spike and spike count carry
 * the same number, which is what lets a rate decoder read back what a latency code wrote. Inside a slot, cell j
 * of a group fires at step {@code j mod period}, so a group's cells do not all fire in the same step. The spikes
 * are imposed (forced) as a retina or cochlea would impose them; everything downstream of them (recurrent and
 * long-range synapses, learned synapses to concept assemblies) is the ordinary network.
 *
 * <p><b>Decode.</b> The window is run twice from the same state (noise is a pure function of seed, step and cell,
 * as in {@link Brain#recall}): once with the pattern and once with the neutral code, every group firing in the
 * middle {@code round(L/2)} slots. Each group's difference in spikes per cell, plus {@code round(L/2)}, is its
 * count {@code c}, decoded as {@code z' = (2 c / L - 1) zRange}, and then centred: the network adds spikes to
 * every group alike, a little more for a pattern than for the neutral code (cells with few forced spikes are
 * free to fire between them), so the level is not recoverable but the shape is. The cosine between z' and z says
 * how much of the vector survived quantisation to L + 1 levels, clipping at zRange and the network's activity.
 *
 * <p><b>Recognition.</b> Concept assemblies are counted over the window plus {@code readoutMs}; a concept scores
 * the spikes the pattern drove beyond what the neutral code drove (a picture as such, any picture, excites every
 * bound assembly somewhat; the neutral pass measures that and takes it away), ranked like a recall. Without a
 * label both passes are undone: perceiving never changes the brain.
 *
 * <p><b>Binding.</b> With a label the evoked pass is kept (the brain lived through it) and then the groups
 * decoded above the middle of the code ({@code z' > 0}) are wired to the label's assembly: each cell of such a
 * group gets learned synapses to {@code fanout} cells of the assembly (seeded picks), of weight
 * {@code bindMv z'_i / sum(z'+) / g x size / fanout}, so each assembly cell receives {@code bindMv} in all,
 * shared in proportion to how strongly each group fired. An existing synapse is strengthened by that much
 * (up to {@link StdpParams#wMaxMv}). This is an explicit one-shot Hebbian write (an outer product of the decoded
 * percept and the assembly), not STDP: with the latency code the strongest dimensions fire first, the furthest
 * from any assembly spike that follows, so pair-based STDP would weight them least. The synapses are ordinary
 * learned synapses afterwards (STDP, pruning and the snapshot treat them like any other).
 */
final class LatencyCode {
  private LatencyCode() {}

  static Percept perceive(Brain b, String region, float[] embedding, String label, LatencyParams p) {
    if (p == null) throw new IllegalArgumentException("latency parameters must not be null");
    if (region == null) throw new IllegalArgumentException("region must not be null");
    int r = BrainConfig.indexOf(b.config.regions(), region);
    if (r < 0) {
      StringBuilder names = new StringBuilder();
      for (RegionSpec s : b.config.regions()) names.append(names.length() == 0 ? "" : ", ").append(s.name());
      throw new IllegalArgumentException("unknown region '" + region + "'; the brain has " + names);
    }
    if (r == b.conceptRegion) {
      throw new IllegalArgumentException("region " + region + " holds the concept assemblies; perceive into a sensory region such as visual or auditory");
    }
    if (embedding == null || embedding.length == 0) throw new IllegalArgumentException("embedding must have at least one dimension");
    int d = embedding.length;
    int rs = b.regionStart[r];
    int exc = b.inhStart[r] - rs;
    if (d > exc) {
      throw new IllegalArgumentException("a " + d + "-dimensional embedding needs at least " + d + " excitatory cells in region "
          + region + ", which has " + exc + " at scale " + b.config.scale() + "; raise the scale");
    }
    double norm = 0;
    for (int i = 0; i < d; i++) {
      float v = embedding[i];
      if (!Float.isFinite(v)) throw new IllegalArgumentException("embedding[" + i + "] is not a finite number: " + v);
      norm += (double) v * v;
    }
    if (norm == 0) throw new IllegalArgumentException("embedding is all zeros: nothing to perceive (silence, or an encoder that read nothing)");
    String name = label == null ? null : Brain.checkName(label);
    if (name != null && b.conceptId(name) < 0 && b.conceptCount() >= b.conceptCapacity()) {
      throw new IllegalArgumentException("assembly capacity exhausted: " + b.conceptCount() + " concepts fill " + b.config.conceptRegion()
          + "; raise the scale to bind a new label");
    }

    int g = Math.min(p.maxGroup(), exc / d);
    double dt = b.config.dtMs();
    int period = Math.max(1, (int) Math.round(p.periodMs() / dt));
    int levels = Math.max(1, (int) Math.round(p.windowMs() / p.periodMs()));
    int window = levels * period;
    int steps = window + (int) Math.round(p.readoutMs() / dt);
    double scale = Math.sqrt(d) / Math.sqrt(norm);
    float[] z = new float[d];
    int[] fire = new int[d]; // slots the group fires in: the last fire[i] of the window
    for (int i = 0; i < d; i++) {
      z[i] = (float) (embedding[i] * scale);
      double u = 0.5 + z[i] / (2 * p.zRange());
      u = u < 0 ? 0 : (u > 1 ? 1 : u);
      fire[i] = (int) Math.floor(u * levels + 0.5);
    }

    // Groups: a seeded affine permutation of the region's excitatory cells (as concept assemblies are drawn).
    long mul = (Det.mix(b.config.seed() ^ 0x5E50C0DEL ^ ((long) r << 40)) & 0x7FFFFFFFL) % exc;
    if (mul == 0) mul = 1;
    while (gcd(mul, exc) != 1) mul = (mul + 1) % exc;
    long add = (Det.mix(b.config.seed() ^ 0x5E50ADDL ^ ((long) r << 40)) & 0x7FFFFFFFL) % exc;
    int[] cells = new int[d * g];
    int[] groupOf = new int[exc];
    Arrays.fill(groupOf, -1);
    for (int slot = 0; slot < cells.length; slot++) {
      int cell = (int) ((mul * slot + add) % exc);
      cells[slot] = rs + cell;
      groupOf[cell] = slot / g;
    }

    int concepts = b.conceptCount();
    int[] neutralGroups = new int[d];
    int[] evokedGroups = new int[d];
    int[] neutralConcepts = new int[concepts];
    int[] evokedConcepts = new int[concepts];
    int[] first = new int[concepts];
    Arrays.fill(first, Integer.MAX_VALUE);
    int[] neutral = new int[d];
    Arrays.fill(neutral, (int) Math.floor(0.5 * levels + 0.5));
    Pass pass = new Pass(b, r, cells, groupOf, g, levels, period, window, steps);
    boolean was = b.plasticity;
    Brain.Snapshot snap = b.snapshot();
    b.plasticity = false;
    pass.run(neutral, neutralGroups, neutralConcepts, null);
    b.restore(snap);
    long sensory;
    if (name == null) {
      snap = b.snapshot();
      sensory = pass.run(fire, evokedGroups, evokedConcepts, first);
      b.restore(snap);
      b.plasticity = was;
    } else {
      // Plasticity stays off through the kept pass too: the binding below is the learning, and STDP on the
      // older bindings during a strongly driven presentation would strengthen whichever concept the new
      // pattern overlaps, turning the first bound concept into an attractor for every later picture.
      sensory = pass.run(fire, evokedGroups, evokedConcepts, first);
      b.plasticity = was;
    }

    float[] decoded = new float[d];
    double mean = 0;
    for (int i = 0; i < d; i++) {
      // The neutral pass fired neutral[i] per cell, plus what the network added; subtracting it leaves the
      // code's departure from the middle.
      double c = (evokedGroups[i] - neutralGroups[i]) / (double) g + neutral[i];
      decoded[i] = (float) ((2 * c / levels - 1) * p.zRange());
      mean += decoded[i];
    }
    // The network adds spikes to every group alike, and more to a pattern than to the neutral code (cells with
    // few forced spikes are free to fire between them), so the level is not recoverable; the shape is. The
    // decoded vector is centred (an embedding's mean is near zero: the encoders' random projections see to it).
    mean /= d;
    double dot = 0;
    double nd = 0;
    double nz = 0;
    for (int i = 0; i < d; i++) {
      decoded[i] = (float) (decoded[i] - mean);
      dot += (double) decoded[i] * z[i];
      nd += (double) decoded[i] * decoded[i];
      nz += (double) z[i] * z[i];
    }
    double cosine = nd == 0 ? 0 : dot / (Math.sqrt(nd) * Math.sqrt(nz));

    int[] score = new int[concepts];
    Integer[] order = new Integer[concepts];
    int m = 0;
    for (int c = 0; c < concepts; c++) {
      score[c] = evokedConcepts[c] - neutralConcepts[c];
      if (score[c] > 0) order[m++] = c;
    }
    Integer[] ranked = Arrays.copyOf(order, m);
    Arrays.sort(ranked, (x, y) -> score[x] != score[y] ? Integer.compare(score[y], score[x])
        : first[x] != first[y] ? Integer.compare(first[x], first[y]) : Integer.compare(x, y));
    int size = b.config.assemblies().size();
    List<Recall.Hit> hits = new ArrayList<>(m);
    for (Integer c : ranked) hits.add(new Recall.Hit(b.conceptNames.get(c), score[c], first[c], score[c] / (double) size));

    int bound = name == null ? 0 : bind(b, name, decoded, cells, g, p);
    return new Percept(region, name, d, g, decoded, cosine, List.copyOf(hits), steps, sensory, bound);
  }

  /** Writes the binding (see the class doc); returns how many synapse writes it made. */
  private static int bind(Brain b, String name, float[] decoded, int[] cells, int g, LatencyParams p) {
    double total = 0;
    for (float v : decoded) if (v > 0) total += v;
    int c = b.concept(name);
    if (total <= 0) return 0;
    int[] members = b.assembly(c);
    int fanout = Math.min(members.length, b.config.assemblies().fanout());
    float wMax = (float) b.config.stdp().wMaxMv();
    long salt = Det.hash(b.config.seed(), 0x5E45EL, c);
    SynapseOverlay o = b.overlay;
    int writes = 0;
    for (int i = 0; i < decoded.length; i++) {
      if (!(decoded[i] > 0)) continue;
      float w = (float) (p.bindMv() * decoded[i] / total / g * members.length / fanout);
      for (int j = 0; j < g; j++) {
        int pre = cells[i * g + j];
        for (int k = 0; k < fanout; k++) {
          int post = fanout >= members.length ? members[k] : members[Det.below(Det.hash(salt, pre, k), members.length)];
          int id = o.find(pre, post);
          if (id < 0) {
            b.addSynapse(pre, post, Math.min(w, wMax));
          } else {
            float nw = Math.min(wMax, o.w[id] + w);
            b.outSum[pre] += nw - o.w[id];
            o.w[id] = nw;
          }
          writes++;
        }
      }
    }
    return writes;
  }

  private static long gcd(long x, long y) {
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }

  /** One run of the window and read-out, with or without the code, counting group and assembly spikes. */
  private static final class Pass {
    final Brain b;
    final int rs, re, conceptLo, conceptHi;
    final int[] cells, groupOf;
    final int g, levels, period, window, steps;

    Pass(Brain b, int r, int[] cells, int[] groupOf, int g, int levels, int period, int window, int steps) {
      this.b = b;
      this.rs = b.regionStart[r];
      this.re = b.inhStart[r];
      this.conceptLo = b.regionStart[b.conceptRegion];
      this.conceptHi = b.regionStart[b.conceptRegion + 1];
      this.cells = cells;
      this.groupOf = groupOf;
      this.g = g;
      this.levels = levels;
      this.period = period;
      this.window = window;
      this.steps = steps;
    }

    /** Returns the region's spikes in the window. */
    long run(int[] fire, int[] groups, int[] concepts, int[] first) {
      long sensory = 0;
      for (int t = 0; t < steps; t++) {
        if (t < window) {
          int slot = t / period;
          int phase = t % period;
          for (int k = 0; k < cells.length; k++) {
            int i = k / g;
            if (slot >= levels - fire[i] && (k - i * g) % period == phase) b.force[cells[k]] = 1;
          }
        }
        b.step(1);
        int[] spikes = b.spikes;
        for (int si = 0; si < b.spikeCount; si++) {
          int s = spikes[si];
          if (t < window && s >= rs && s < re) {
            sensory++;
            int grp = groupOf[s - rs];
            if (grp >= 0) groups[grp]++;
          } else if (s >= conceptLo && s < conceptHi) {
            int c = b.conceptOf[s - conceptLo];
            if (c < 0 || c >= concepts.length) continue;
            concepts[c]++;
            if (first != null && first[c] == Integer.MAX_VALUE) first[c] = t;
          }
        }
      }
      return sensory;
    }
  }
}
