package dev.engram.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Cortex's spiking brain: regions of ALIF neurons, a procedural random connectome plus a learned overlay,
 * three-factor STDP, four neuromodulators, homeostatic scaling, concept assemblies, imprinting, recall, sleep.
 *
 * <p><b>Neuron layout.</b> Neurons are numbered region by region; inside a region the first
 * {@code round(n * excitatoryFraction)} are excitatory, the rest inhibitory. State is one flat primitive array
 * per variable (structure of arrays): {@code v}, {@code a} (adaptation), {@code refr} (refractory steps left),
 * {@code gain} (homeostatic), {@code rate} (spikes per step, averaged), {@code xPre}/{@code xPost} (STDP
 * traces): 28 bytes per neuron, plus four int input accumulators (16 bytes) and a one-byte force flag.
 *
 * <p><b>Procedural connectome.</b> Neuron s's j-th outgoing synapse is {@link #synapseHash}{@code (base(s), j)},
 * where {@code base(s) = mix(seed ^ s*golden)}: 12 bits pick the target region from a share table, the high 32
 * bits the target cell. Nothing is stored; a spike regenerates its targets. Cost: one multiply-xorshift and a
 * table load per synaptic event, zero bytes per synapse.
 *
 * <p><b>Input.</b> Synaptic input is summed in 32-bit fixed point (Q16, 1 mV = 65536) so that addition order
 * cannot change the result: a parallel stepper gets identical spikes (see {@link Stepper}).
 *
 * <p>Not thread-safe. All randomness is derived from the seed through {@link Det}; no clock, no
 * {@code java.util.Random}.
 */
public final class Brain {
  static final float Q = 65536f;
  static final float INV_Q = 1f / 65536f;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final float SQRT3 = 1.7320508f;

  final BrainConfig config;
  final int n;
  final int regionCount;
  final int[] regionStart; // regionCount + 1 entries
  final int[] inhStart;    // first inhibitory neuron of each region
  final int conceptRegion;
  final int conceptExcCount;
  final long assemblyMul, assemblyAdd;

  // Per-region model constants, index 2*region + (0 excitatory, 1 inhibitory).
  final float[] pDm, pDa, pRest, pReset, pThresh, pJump;
  final int[] pRefSteps;
  // Target-region table: an excitatory synapse of region r lands in region targetTable[r << TABLE_BITS | u] for a
  // uniform u of TABLE_BITS bits; the table holds each region in proportion to its share (local fraction, plus
  // each projection's share of the rest, plus whatever the projections leave unassigned back to local), so
  // shares are quantised to 1/4096. One load instead of a branchy search per synaptic event.
  static final int TABLE_BITS = 12;
  final byte[] targetTable;
  final int[] regionSizes;
  final int wExcQ, wInhQ;
  final int synapsesPerNeuron;
  final float noiseMean, noiseSd;
  final float dPre, dPost, dElig, dRate, dMod, dDopa;
  final float outBudget;
  final float aPlus, aMinus, wMax, lrDt, eligFloor;
  final int homeostasisEvery;

  // Dynamic state (saved).
  long step;
  final float[] v, a, gain, rate, xPre, xPost;
  /** Sum of each neuron's learned outgoing weights (mV), kept incrementally for presynaptic normalisation. */
  final float[] outSum;
  final int[] refr;
  final int[] inP, inL, inI, inX;
  final float[] mod = new float[4];
  final SynapseOverlay overlay;
  final ArrayList<String> conceptNames = new ArrayList<>();
  final HashMap<String, Integer> conceptIds = new HashMap<>();
  final int[] conceptOf; // per neuron of the concept region, -1 when free
  final ArrayList<int[]> replay = new ArrayList<>();
  final long[] regionSpikeTotals;

  // Per-step scratch (not saved: empty between steps).
  final int[] spikes;
  int spikeCount;
  final int[] lastRegionSpikes;
  final byte[] force;
  boolean plasticity = true;
  /** Fraction at which learned synapses transmit; {@link AssemblyParams#encodingGain} while an imprint plays. */
  float learnedTransmission = 1f;
  int[] injectList = new int[0];
  int injectCount, injectStepsLeft;
  int injectQ;
  private Stepper stepper = SerialStepper.INSTANCE;

  public Brain(BrainConfig config) {
    this.config = config;
    List<RegionSpec> regions = config.regions();
    regionCount = regions.size();
    regionStart = new int[regionCount + 1];
    inhStart = new int[regionCount];
    int total = 0;
    for (int r = 0; r < regionCount; r++) {
      regionStart[r] = total;
      int size = (int) Math.round(regions.get(r).fullScaleNeurons() * config.scale());
      inhStart[r] = total + (int) Math.round(size * config.excitatoryFraction());
      total += size;
    }
    regionStart[regionCount] = total;
    n = total;
    double dt = config.dtMs();
    pDm = new float[2 * regionCount];
    pDa = new float[2 * regionCount];
    pRest = new float[2 * regionCount];
    pReset = new float[2 * regionCount];
    pThresh = new float[2 * regionCount];
    pJump = new float[2 * regionCount];
    pRefSteps = new int[2 * regionCount];
    for (int r = 0; r < regionCount; r++) {
      for (int k = 0; k < 2; k++) {
        AlifParams p = k == 0 ? regions.get(r).excitatory() : config.inhibitory();
        int i = 2 * r + k;
        pDm[i] = Det.decay(dt, p.tauMemMs());
        pDa[i] = Det.decay(dt, p.tauAdaptMs());
        pRest[i] = (float) p.vRestMv();
        pReset[i] = (float) p.vResetMv();
        pThresh[i] = (float) p.vThreshMv();
        pJump[i] = (float) p.adaptJumpMv();
        pRefSteps[i] = (int) Math.round(p.refractoryMs() / dt);
      }
    }
    ConnectivityParams conn = config.connectivity();
    targetTable = new byte[regionCount << TABLE_BITS];
    regionSizes = new int[regionCount];
    for (int r = 0; r < regionCount; r++) {
      regionSizes[r] = regionStart[r + 1] - regionStart[r];
      double[] share = new double[regionCount];
      double local = conn.localFraction(), rest = 1 - local, assigned = 0;
      for (Projection p : config.projections())
        if (p.from().equals(regions.get(r).name())) {
          share[BrainConfig.indexOf(regions, p.to())] += rest * p.share();
          assigned += rest * p.share();
        }
      share[r] += 1 - assigned;
      int slot = 0;
      double acc = 0;
      for (int t = 0; t < regionCount; t++) {
        acc += share[t];
        int end = t == regionCount - 1 ? 1 << TABLE_BITS : (int) Math.round(acc * (1 << TABLE_BITS));
        for (; slot < end; slot++) targetTable[(r << TABLE_BITS) | slot] = (byte) t;
      }
    }
    ConnectivityParams c = config.connectivity();
    wExcQ = Math.round((float) c.wExcMv() * Q);
    wInhQ = -Math.round((float) (c.wExcMv() * c.inhibitoryRatio()) * Q);
    synapsesPerNeuron = c.synapsesPerNeuron();
    noiseMean = (float) (c.noiseMeanMvPerMs() * dt);
    noiseSd = (float) (c.noiseSdMv() * Math.sqrt(dt)); // computed once, and only Math.sqrt (exact in IEEE-754)
    StdpParams s = config.stdp();
    dPre = Det.decay(dt, s.tauPlusMs());
    dPost = Det.decay(dt, s.tauMinusMs());
    dElig = Det.decay(dt, s.tauEligMs());
    aPlus = (float) s.aPlus();
    aMinus = (float) s.aMinus();
    wMax = (float) s.wMaxMv();
    lrDt = (float) (s.learningRate() * dt);
    eligFloor = (float) (1e-4 * Math.max(s.aPlus(), s.aMinus()));
    HomeostasisParams h = config.homeostasis();
    dRate = Det.decay(dt, h.tauRateMs());
    homeostasisEvery = Math.max(1, (int) Math.round(h.intervalMs() / dt));
    dMod = Det.decay(dt, config.modulators().tauMs());
    dDopa = Det.decay(dt, config.modulators().dopamineTauMs());
    outBudget = (float) s.outBudgetMv();

    conceptRegion = BrainConfig.indexOf(regions, config.conceptRegion());
    conceptExcCount = inhStart[conceptRegion] - regionStart[conceptRegion];
    conceptOf = new int[regionStart[conceptRegion + 1] - regionStart[conceptRegion]];
    Arrays.fill(conceptOf, -1);
    long mul = (Det.mix(config.seed() ^ 0xA55E4B1E5L) & 0x7FFFFFFFL) % conceptExcCount;
    while (gcd(mul, conceptExcCount) != 1) mul = (mul + 1) % conceptExcCount;
    assemblyMul = mul;
    assemblyAdd = (Det.mix(config.seed() ^ 0x0FF5E7L) & 0x7FFFFFFFL) % conceptExcCount;

    v = new float[n];
    a = new float[n];
    gain = new float[n];
    rate = new float[n];
    xPre = new float[n];
    xPost = new float[n];
    outSum = new float[n];
    refr = new int[n];
    inP = new int[n];
    inL = new int[n];
    inI = new int[n];
    inX = new int[n];
    spikes = new int[n];
    force = new byte[n];
    lastRegionSpikes = new int[regionCount];
    regionSpikeTotals = new long[regionCount];
    overlay = new SynapseOverlay(n);
    Arrays.fill(gain, 1f);
    // Initial voltages uniform between rest and threshold, from the seed: no warm-up transient of synchrony.
    for (int r = 0; r < regionCount; r++) {
      for (int i = regionStart[r]; i < regionStart[r + 1]; i++) {
        int k = 2 * r + (i < inhStart[r] ? 0 : 1);
        v[i] = pRest[k] + (pThresh[k] - pRest[k]) * Det.unit(Det.hash(config.seed(), 0x1A17L, i));
      }
    }
    for (Modulator m : Modulator.values()) mod[m.ordinal()] = (float) config.modulators().base(m);
  }

  private static long gcd(long x, long y) {
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }

  // ---------------------------------------------------------------- accessors

  public BrainConfig config() { return config; }
  public int neuronCount() { return n; }
  public long stepCount() { return step; }
  public double timeMs() { return step * config.dtMs(); }
  public int regionCount() { return regionCount; }
  public String regionName(int r) { return config.regions().get(r).name(); }
  public int regionStart(int r) { return regionStart[r]; }
  public int regionSize(int r) { return regionStart[r + 1] - regionStart[r]; }
  public int firstInhibitory(int r) { return inhStart[r]; }
  public int learnedSynapseCount() { return overlay.size; }
  public int conceptCount() { return conceptNames.size(); }
  public List<String> concepts() { return List.copyOf(conceptNames); }
  /** Concepts the concept region can hold with dedicated assemblies. */
  public int conceptCapacity() { return conceptExcCount / config.assemblies().size(); }
  /** Spikes of region r in the last step. */
  public int lastSpikes(int r) { return lastRegionSpikes[r]; }
  /** Spikes of region r since the brain was built. */
  public long totalSpikes(int r) { return regionSpikeTotals[r]; }
  public int lastSpikeCount() { return spikeCount; }
  /** The spike list of the last step, ascending neuron ids (valid until the next step). */
  public int[] spikeBuffer() { return spikes; }
  public float modulator(Modulator m) { return mod[m.ordinal()]; }
  public float voltage(int i) { checkNeuron(i); return v[i]; }
  public float adaptation(int i) { checkNeuron(i); return a[i]; }
  public float gain(int i) { checkNeuron(i); return gain[i]; }
  public void setStepper(Stepper s) {
    if (s == null) throw new IllegalArgumentException("stepper must not be null");
    stepper = s;
  }

  /** Mean rate (Hz) of region r over the last {@code steps} steps, from the totals the caller sampled. */
  public double rateHz(int r, long spikesInWindow, long steps) {
    return spikesInWindow * 1000.0 / (regionSize(r) * steps * config.dtMs());
  }

  public void setModulator(Modulator m, double level) {
    if (m == null) throw new IllegalArgumentException("modulator must not be null");
    Check.range("modulator level (" + m + ")", level, 0, 1);
    mod[m.ordinal()] = (float) level;
  }

  public void setPlasticity(boolean on) { plasticity = on; }
  public boolean plasticity() { return plasticity; }

  private void checkNeuron(int i) {
    if (i < 0 || i >= n) throw new IllegalArgumentException("neuron " + i + " out of range [0, " + n + ")");
  }

  // ---------------------------------------------------------------- stepping

  /** Runs {@code steps} clock steps through the current stepper. */
  public void step(int steps) {
    if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    for (int i = 0; i < steps; i++) stepper.step(this);
  }

  /** Forces the given neurons to spike in the next step (then the flag clears). */
  public void forceSpikes(int[] neurons) {
    if (neurons == null) throw new IllegalArgumentException("neurons must not be null");
    for (int i : neurons) checkNeuron(i);
    for (int i : neurons) force[i] = 1;
  }

  /**
   * Phase 1: integrate neurons [lo, hi), append spikes (ascending) to {@code out} from {@code pos}; returns the
   * new end. Consumes (zeroes) their input accumulators and force flags. Independent per neuron.
   */
  public int updateNeurons(int lo, int hi, int[] out, int pos) {
    ModulatorParams mp = config.modulators();
    float ach = mod[Modulator.ACETYLCHOLINE.ordinal()] - (float) mp.baseAcetylcholine();
    float ne = mod[Modulator.NOREPINEPHRINE.ordinal()] - (float) mp.baseNorepinephrine();
    float ht = mod[Modulator.SEROTONIN.ordinal()] - (float) mp.baseSerotonin();
    float neScale = Math.max(0f, 1f + (float) mp.neGain() * ne);
    float procScale = Math.max(0f, 1f - (float) mp.achRecurrentSuppression() * ach) * neScale;
    float learnScale = neScale * learnedTransmission;
    float injScale = Math.max(0f, 1f + (float) mp.achInputBoost() * ach);
    float thrOffset = (float) mp.serotoninThresholdMv() * ht;
    long noiseSeed = Det.mix(config.seed() ^ (step * GOLDEN));
    float oneMinusRate = 1f - dRate;
    for (int r = 0; r < regionCount; r++) {
      int rs = Math.max(lo, regionStart[r]), re = Math.min(hi, regionStart[r + 1]);
      for (int part = 0; part < 2; part++) {
        int from = part == 0 ? rs : Math.max(rs, inhStart[r]);
        int to = part == 0 ? Math.min(re, inhStart[r]) : re;
        if (from >= to) continue;
        int k = 2 * r + part;
        float dm = pDm[k], da = pDa[k], rest = pRest[k], reset = pReset[k], thr = pThresh[k] + thrOffset, jump = pJump[k];
        int refSteps = pRefSteps[k];
        for (int i = from; i < to; i++) {
          float input = (procScale * inP[i] + learnScale * inL[i]) * INV_Q * gain[i] + inI[i] * INV_Q + injScale * (inX[i] * INV_Q);
          inP[i] = 0;
          inL[i] = 0;
          inI[i] = 0;
          inX[i] = 0;
          float ai = a[i] * da;
          boolean forced = force[i] != 0;
          boolean fired;
          if (refr[i] > 0 && !forced) {
            refr[i]--;
            fired = false;
          } else {
            long h = Det.mix(noiseSeed + i * GOLDEN);
            float g = ((h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48)) * (1f / 65536f) - 2f;
            float vi = rest + (v[i] - rest) * dm + input + noiseMean + noiseSd * SQRT3 * g;
            fired = forced || vi >= thr + ai;
            if (fired) {
              vi = reset;
              ai += jump;
              refr[i] = refSteps;
            }
            v[i] = vi;
          }
          force[i] = 0;
          a[i] = ai;
          rate[i] = rate[i] * dRate + (fired ? oneMinusRate : 0f);
          if (fired) out[pos++] = i;
        }
      }
    }
    return pos;
  }

  /** Phase 2: the first {@code count} entries of {@link #spikeBuffer()} are this step's spikes. */
  public void commitSpikes(int count) {
    spikeCount = count;
    Arrays.fill(lastRegionSpikes, 0);
    int r = 0;
    for (int i = 0; i < count; i++) {
      int s = spikes[i];
      while (s >= regionStart[r + 1]) r++;
      lastRegionSpikes[r]++;
    }
    for (r = 0; r < regionCount; r++) regionSpikeTotals[r] += lastRegionSpikes[r];
  }

  /** Phase 3 (serial): traces, eligibility from this step's spikes, and dopamine-gated weight change. */
  public void learn() {
    if (!plasticity) return;
    SynapseOverlay o = overlay;
    for (int i = 0; i < n; i++) {
      xPre[i] *= dPre;
      xPost[i] *= dPost;
    }
    if (o.size > 0) {
      for (int si = 0; si < spikeCount; si++) {
        int s = spikes[si];
        for (int e = o.headOut[s]; e >= 0; e = o.nextOut[e]) o.addElig(e, -aMinus * xPost[o.post[e]]);
        for (int e = o.headIn[s]; e >= 0; e = o.nextIn[e]) o.addElig(e, aPlus * xPre[o.pre[e]]);
      }
    }
    for (int si = 0; si < spikeCount; si++) {
      int s = spikes[si];
      xPre[s] += 1f;
      xPost[s] += 1f;
    }
    float gate = lrDt * mod[Modulator.DOPAMINE.ordinal()];
    int kept = 0;
    float[] w = o.w, el = o.elig;
    float invMax = 1f / wMax;
    for (int j = 0; j < o.activeCount; j++) {
      int e = o.active[j];
      float dw = gate * el[e];
      float wi = w[e];
      if (dw > 0) dw = dw * (wMax - wi) * invMax;
      wi += dw;
      wi = wi < 0 ? 0 : (wi > wMax ? wMax : wi);
      outSum[o.pre[e]] += wi - w[e];
      w[e] = wi;
      float ne = el[e] * dElig;
      if (ne > eligFloor || ne < -eligFloor) {
        el[e] = ne;
        o.active[kept++] = e;
      } else {
        el[e] = 0;
      }
    }
    o.activeCount = kept;
  }

  /** Phase 4: deliver spikes [from, to) of the spike list into this brain's accumulators. */
  public void deliver(int from, int to) {
    deliverInto(from, to, inP, inL, inI);
  }

  /** Phase 4 for a parallel stepper: deliver into caller-owned accumulators (merge with {@link #addAccumulators}). */
  public void deliverInto(int from, int to, int[] accP, int[] accL, int[] accI) {
    int k = synapsesPerNeuron;
    byte[] table = targetTable;
    int[] sizes = regionSizes;
    SynapseOverlay o = overlay;
    long seed = config.seed();
    int r = 0;
    for (int si = from; si < to; si++) {
      int s = spikes[si];
      while (s >= regionStart[r + 1]) r++;
      while (s < regionStart[r]) r--;
      long base = Det.mix(seed ^ (s * GOLDEN));
      int rs = regionStart[r], rn = regionStart[r + 1] - rs;
      if (s < inhStart[r]) {
        int tableBase = r << TABLE_BITS, mask = (1 << TABLE_BITS) - 1;
        int exc = wExcQ;
        for (int j = 1; j <= k; j++) {
          long h = synapseHash(base, j);
          int tr = table[tableBase | ((int) h & mask)];
          accP[regionStart[tr] + Det.below(h, sizes[tr])] += exc;
        }
        float sum = outSum[s];
        float f = sum > outBudget ? Q * (outBudget / sum) : Q;
        for (int e = o.headOut[s]; e >= 0; e = o.nextOut[e]) accL[o.post[e]] += (int) (o.w[e] * f);
      } else {
        int wi = wInhQ;
        for (int j = 1; j <= k; j++) accI[rs + Det.below(synapseHash(base, j), rn)] += wi;
      }
    }
  }

  /**
   * The j-th synapse of the neuron whose stream base is {@code base}: one multiply-xorshift (Stafford-style
   * variant 13 with a single multiply) over a Weyl sequence. Weaker than SplitMix64 but ample for picking targets
   * (high 32 bits: target cell, low 12 bits: target region), and it is the synaptic event's main cost.
   */
  static long synapseHash(long base, int j) {
    long z = base + j * GOLDEN;
    z = (z ^ (z >>> 32)) * 0xD6E8FEB86659FD93L;
    return z ^ (z >>> 32);
  }

  /** Adds caller-owned accumulators into the brain's and zeroes them (integer sums: order-independent). */
  public void addAccumulators(int[] accP, int[] accL, int[] accI) {
    addAccumulators(0, n, accP, accL, accI);
  }

  /**
   * Adds neurons [lo, hi) of caller-owned accumulators into the brain's and zeroes them there, so a parallel
   * stepper can merge disjoint ranges on several threads and reuse its accumulators without a separate clear.
   */
  public void addAccumulators(int lo, int hi, int[] accP, int[] accL, int[] accI) {
    if (lo < 0 || hi > n || lo > hi) throw new IllegalArgumentException("range [" + lo + ", " + hi + ") not within [0, " + n + ")");
    for (int i = lo; i < hi; i++) {
      inP[i] += accP[i];
      inL[i] += accL[i];
      inI[i] += accI[i];
      accP[i] = 0;
      accL[i] = 0;
      accI[i] = 0;
    }
  }

  /** Phase 5 (serial): homeostasis, modulator relaxation, clock. */
  public void endStep() {
    step++;
    pumpInjection();
    if (step % homeostasisEvery == 0) homeostasis();
    ModulatorParams mp = config.modulators();
    for (Modulator m : Modulator.values()) {
      float base = (float) mp.base(m);
      mod[m.ordinal()] = base + (mod[m.ordinal()] - base) * (m == Modulator.DOPAMINE ? dDopa : dMod);
    }
  }

  /** Queues one step of recall injection into the next step's input (serial, so a parallel stepper cannot repeat it). */
  private void pumpInjection() {
    if (injectStepsLeft <= 0) return;
    for (int i = 0; i < injectCount; i++) inX[injectList[i]] += injectQ;
    injectStepsLeft--;
  }

  private void homeostasis() {
    HomeostasisParams h = config.homeostasis();
    float target = (float) (h.targetRateHz() * config.dtMs() / 1000.0);
    float eta = (float) h.rate(), lo = (float) h.gainMin(), hi = (float) h.gainMax();
    float invT = 1f / target;
    for (int r = 0; r < regionCount; r++) {
      for (int i = regionStart[r]; i < inhStart[r]; i++) {
        float g = gain[i] * (1f + eta * (target - rate[i]) * invT);
        gain[i] = g < lo ? lo : (g > hi ? hi : g);
      }
    }
  }

  // ---------------------------------------------------------------- learned synapses

  /** Creates (or finds) a learned synapse from excitatory neuron {@code pre} to {@code post}; returns its id. */
  public int connect(int pre, int post, double weightMv) {
    checkNeuron(pre);
    checkNeuron(post);
    if (!isExcitatory(pre)) throw new IllegalArgumentException("learned synapses are excitatory: neuron " + pre + " is inhibitory");
    if (pre == post) throw new IllegalArgumentException("no autapses: pre == post == " + pre);
    Check.range("weightMv", weightMv, 0, config.stdp().wMaxMv());
    return addSynapse(pre, post, (float) weightMv);
  }

  int addSynapse(int pre, int post, float w) {
    int before = overlay.size;
    int id = overlay.add(pre, post, w);
    if (overlay.size > before) outSum[pre] += w;
    return id;
  }

  /** Recomputes the presynaptic sums from the weights in id order (after pruning; deterministic). */
  void recomputeOutSums() {
    Arrays.fill(outSum, 0f);
    for (int e = 0; e < overlay.size; e++) outSum[overlay.pre[e]] += overlay.w[e];
  }

  /** Weight (mV) of the learned synapse pre -> post, or NaN when there is none. */
  public float learnedWeight(int pre, int post) {
    int id = overlay.find(pre, post);
    return id < 0 ? Float.NaN : overlay.w[id];
  }

  public boolean isExcitatory(int i) {
    checkNeuron(i);
    int r = 0;
    while (i >= regionStart[r + 1]) r++;
    return i < inhStart[r];
  }

  // ---------------------------------------------------------------- concepts

  static String checkName(String name) {
    if (name == null) throw new IllegalArgumentException("concept name must not be null");
    String t = name.trim();
    if (t.isEmpty()) throw new IllegalArgumentException("concept name must not be blank");
    if (t.length() > 200) throw new IllegalArgumentException("concept name longer than 200 characters: " + t.substring(0, 40) + "...");
    return t;
  }

  /** The id of {@code name}, allocating its assembly if it is new. */
  public int concept(String name) {
    String t = checkName(name);
    Integer id = conceptIds.get(t);
    if (id != null) return id;
    int c = conceptNames.size();
    if (c >= conceptCapacity())
      throw new IllegalStateException("assembly capacity exhausted: " + c + " concepts of " + config.assemblies().size()
          + " neurons fill the " + conceptExcCount + " excitatory neurons of " + config.conceptRegion() + "; raise the scale or lower AssemblyParams.size");
    conceptNames.add(t);
    conceptIds.put(t, c);
    int[] members = assembly(c);
    int base = regionStart[conceptRegion];
    for (int m : members) conceptOf[m - base] = c;
    return c;
  }

  /** Existing concept id or -1. */
  public int conceptId(String name) {
    Integer id = conceptIds.get(checkName(name));
    return id == null ? -1 : id;
  }

  /** Neuron ids of concept c's assembly: slots [c*size, (c+1)*size) of a seeded permutation of the region's excitatory cells. */
  public int[] assembly(int c) {
    if (c < 0 || c >= conceptNames.size()) throw new IllegalArgumentException("unknown concept id " + c);
    int size = config.assemblies().size();
    int[] out = new int[size];
    int base = regionStart[conceptRegion];
    for (int j = 0; j < size; j++) {
      long slot = (long) c * size + j;
      out[j] = base + (int) ((assemblyMul * slot + assemblyAdd) % conceptExcCount);
    }
    return out;
  }

  /** Imprints subject -> relation -> object (Cortex's S->R, R->O and S->O links) as a timed sequence. */
  public void imprintTriple(String subject, String relation, String object) {
    imprintSequence(Arrays.asList(subject, relation, object)); // asList: a null reaches checkName's message, not an NPE
  }

  /**
   * Imprints a sequence: creates learned synapses (at {@link StdpParams#wInitMv}) between the assemblies of
   * every pair of items at most two apart, both directions; forces each assembly to spike
   * {@link AssemblyParams#offsetMs} after the previous one with dopamine at its imprint level; then runs the
   * brain for {@link AssemblyParams#gapMs} so the eligibility becomes weight. STDP alone sets the weights:
   * forward links potentiate, backward links depress. Stores the sequence for replay during sleep.
   */
  public void imprintSequence(List<String> items) {
    if (items == null || items.size() < 2) throw new IllegalArgumentException("a sequence needs at least 2 concepts");
    if (items.size() > 64) throw new IllegalArgumentException("a sequence holds at most 64 concepts, got " + items.size());
    int[] ids = new int[items.size()];
    for (int i = 0; i < ids.length; i++) ids[i] = concept(items.get(i));
    for (int i = 0; i < ids.length; i++)
      for (int j = i + 1; j < ids.length; j++)
        if (ids[i] == ids[j]) throw new IllegalArgumentException("a sequence must not repeat a concept: " + items.get(i));
    present(ids, (float) config.modulators().imprintDopamine(), true);
    if (replay.size() < config.assemblies().replayCapacity()) replay.add(ids);
  }

  private void present(int[] ids, float dopamine, boolean createLinks) {
    AssemblyParams ap = config.assemblies();
    float w0 = (float) config.stdp().wInitMv();
    if (createLinks)
      for (int i = 0; i < ids.length; i++)
        for (int j = 0; j < ids.length; j++)
          if (i != j && Math.abs(i - j) <= 2) link(ids[i], ids[j], ap.fanout(), w0);
    boolean was = plasticity;
    plasticity = true;
    learnedTransmission = (float) ap.encodingGain();
    int offset = Math.max(1, (int) Math.round(ap.offsetMs() / config.dtMs()));
    int gap = (int) Math.round(ap.gapMs() / config.dtMs());
    int dopa = Modulator.DOPAMINE.ordinal();
    for (int i = 0; i < ids.length; i++) {
      forceSpikes(assembly(ids[i]));
      for (int s = 0; s < offset; s++) {
        if (mod[dopa] < dopamine) mod[dopa] = dopamine;
        stepper.step(this);
      }
    }
    step(gap);
    learnedTransmission = 1f;
    plasticity = was;
  }

  private void link(int from, int to, int fanout, float w0) {
    int[] src = assembly(from), dst = assembly(to);
    long salt = Det.hash(config.seed(), from, to);
    for (int p : src) {
      if (fanout >= dst.length) {
        for (int q : dst) if (q != p) addSynapse(p, q, w0);
      } else {
        for (int k = 0; k < fanout; k++) {
          int q = dst[Det.below(Det.hash(salt, p, k), dst.length)];
          if (q != p) addSynapse(p, q, w0);
        }
      }
    }
  }

  /** Mean learned weight (mV) from assembly {@code from} to assembly {@code to} over existing synapses, NaN if none. */
  public double meanWeight(String from, String to) {
    int f = conceptId(from), t = conceptId(to);
    if (f < 0 || t < 0) throw new IllegalArgumentException("unknown concept: " + (f < 0 ? from : to));
    double sum = 0;
    int count = 0;
    int base = regionStart[conceptRegion];
    for (int p : assembly(f))
      for (int e = overlay.headOut[p]; e >= 0; e = overlay.nextOut[e])
        if (conceptOf[overlay.post[e] - base] == t) {
          sum += overlay.w[e];
          count++;
        }
    return count == 0 ? Double.NaN : sum / count;
  }

  // ---------------------------------------------------------------- recall

  public Recall recall(String seed) {
    return recall(Arrays.asList(seed), config.assemblies().recallSteps(), RecallMode.NEUTRAL);
  }

  /**
   * Spiking recall: injects current into the seed assemblies and runs exactly {@code steps} steps with plasticity
   * off, then runs the same steps again from the same state without the injection. Noise is a pure function of
   * (seed, step, neuron), so the second pass is the exact spontaneous counterfactual, and a concept's score is its
   * evoked minus its spontaneous assembly spikes: what the seed caused, not what the background happened to do.
   * Concepts with a positive score are ranked. Every bit of dynamic state is restored, so recall never changes
   * the brain. Cost: 2 x steps.
   */
  public Recall recall(List<String> seeds, int steps, RecallMode mode) {
    if (seeds == null || seeds.isEmpty()) throw new IllegalArgumentException("recall needs at least one seed concept");
    Check.intRange("recall steps", steps, 1, 100_000);
    if (mode == null) throw new IllegalArgumentException("recall mode must not be null");
    int[] seedIds = new int[seeds.size()];
    for (int i = 0; i < seedIds.length; i++) {
      if (seeds.get(i) == null) throw new IllegalArgumentException("seed concept must not be null");
      seedIds[i] = conceptId(seeds.get(i));
      if (seedIds[i] < 0) throw new IllegalArgumentException("unknown concept: " + seeds.get(i));
    }
    int concepts = conceptNames.size();
    int[] evoked = new int[concepts], spont = new int[concepts], first = new int[concepts];
    Arrays.fill(first, Integer.MAX_VALUE);
    Snapshot snap = snapshot();
    boolean was = plasticity;
    plasticity = false;
    long total = run(seedIds, steps, mode, evoked, first);
    restore(snap);
    snap = snapshot();
    run(new int[0], steps, mode, spont, null);
    restore(snap);
    plasticity = was;
    int size = config.assemblies().size();
    int[] score = new int[concepts];
    for (int c = 0; c < concepts; c++) score[c] = evoked[c] - spont[c];
    for (int id : seedIds) score[id] = 0;
    Integer[] order = new Integer[concepts];
    int m = 0;
    for (int c = 0; c < concepts; c++) if (score[c] > 0) order[m++] = c;
    Integer[] ranked = Arrays.copyOf(order, m);
    Arrays.sort(ranked, (x, y) -> score[x] != score[y] ? Integer.compare(score[y], score[x])
        : first[x] != first[y] ? Integer.compare(first[x], first[y]) : Integer.compare(x, y));
    List<Recall.Hit> hits = new ArrayList<>(m);
    for (Integer c : ranked) hits.add(new Recall.Hit(conceptNames.get(c), score[c], first[c], score[c] / (double) size));
    return new Recall(hits, steps, total);
  }

  /** One recall pass from the current state: injects into the seeds' assemblies (none for the baseline) and counts assembly spikes. */
  private long run(int[] seedIds, int steps, RecallMode mode, int[] count, int[] first) {
    if (mode == RecallMode.FOCUSED) mod[Modulator.ACETYLCHOLINE.ordinal()] = 1f;
    if (mode == RecallMode.BROAD) mod[Modulator.NOREPINEPHRINE.ordinal()] = 1f;
    int size = config.assemblies().size();
    injectList = new int[seedIds.length * size];
    injectCount = 0;
    for (int id : seedIds) for (int m : assembly(id)) injectList[injectCount++] = m;
    injectQ = Math.round((float) config.assemblies().injectMv() * Q);
    injectStepsLeft = injectCount == 0 ? 0 : Math.max(1, (int) Math.round(config.assemblies().injectMs() / config.dtMs()));
    // The first step's injection has to be in the accumulators before that step integrates.
    pumpInjection();
    int lo = regionStart[conceptRegion], hi = regionStart[conceptRegion + 1];
    long total = 0;
    for (int t = 0; t < steps; t++) {
      stepper.step(this);
      total += spikeCount;
      for (int si = 0; si < spikeCount; si++) {
        int s = spikes[si];
        if (s < lo || s >= hi) continue;
        int c = conceptOf[s - lo];
        if (c < 0) continue;
        count[c]++;
        if (first != null && first[c] == Integer.MAX_VALUE) first[c] = t;
      }
    }
    injectStepsLeft = 0;
    injectCount = 0;
    return total;
  }

  static final class Snapshot {
    long step;
    float[] v, a, gain, rate;
    int[] refr, inP, inL, inI, inX;
    float[] mod;
    long[] totals;
  }

  private Snapshot scratch;

  Snapshot snapshot() {
    Snapshot s = scratch != null ? scratch : new Snapshot();
    scratch = null;
    s.step = step;
    s.v = copy(v, s.v);
    s.a = copy(a, s.a);
    s.gain = copy(gain, s.gain);
    s.rate = copy(rate, s.rate);
    s.refr = copy(refr, s.refr);
    s.inP = copy(inP, s.inP);
    s.inL = copy(inL, s.inL);
    s.inI = copy(inI, s.inI);
    s.inX = copy(inX, s.inX);
    s.mod = mod.clone();
    s.totals = regionSpikeTotals.clone();
    return s;
  }

  void restore(Snapshot s) {
    step = s.step;
    System.arraycopy(s.v, 0, v, 0, n);
    System.arraycopy(s.a, 0, a, 0, n);
    System.arraycopy(s.gain, 0, gain, 0, n);
    System.arraycopy(s.rate, 0, rate, 0, n);
    System.arraycopy(s.refr, 0, refr, 0, n);
    System.arraycopy(s.inP, 0, inP, 0, n);
    System.arraycopy(s.inL, 0, inL, 0, n);
    System.arraycopy(s.inI, 0, inI, 0, n);
    System.arraycopy(s.inX, 0, inX, 0, n);
    System.arraycopy(s.mod, 0, mod, 0, 4);
    System.arraycopy(s.totals, 0, regionSpikeTotals, 0, regionCount);
    spikeCount = 0;
    Arrays.fill(lastRegionSpikes, 0);
    scratch = s;
  }

  private static float[] copy(float[] src, float[] dst) {
    if (dst == null || dst.length != src.length) return src.clone();
    System.arraycopy(src, 0, dst, 0, src.length);
    return dst;
  }

  private static int[] copy(int[] src, int[] dst) {
    if (dst == null || dst.length != src.length) return src.clone();
    System.arraycopy(src, 0, dst, 0, src.length);
    return dst;
  }

  // ---------------------------------------------------------------- perception

  /**
   * Shows {@code embedding} to sensory {@code region} as a latency code and reads back what the brain made of
   * it ({@link LatencyCode}): the rate-decoded vector and its cosine with the embedding, and the concept
   * assemblies it drove. Without a label the brain is left exactly as it was; with one, the brain lives through
   * the presentation and the percept is bound to {@code label}'s assembly (created when new).
   */
  public Percept perceive(String region, float[] embedding, String label, LatencyParams params) {
    return LatencyCode.perceive(this, region, embedding, label, params);
  }

  // ---------------------------------------------------------------- sleep

  /** What one sleep did. */
  public record SleepReport(int replayed, int pruned, int remaining) {}

  /**
   * Sleep: NREM replay of every stored sequence (the imprint presentation again, at replay dopamine), which
   * strengthens forward links and further depresses backward ones; then structural pruning of learned synapses
   * weaker than {@link AssemblyParams#pruneBelowMv}. Only synapses that STDP drove down are removed, so what was
   * learned stays.
   */
  public SleepReport sleep() {
    float da = (float) config.modulators().replayDopamine();
    int replayed = 0;
    for (int[] seq : replay) {
      present(seq, da, false);
      replayed++;
    }
    // Let pending eligibility settle before pruning decides.
    step((int) Math.ceil(5 * config.stdp().tauEligMs() / config.dtMs()));
    int pruned = overlay.prune((float) config.assemblies().pruneBelowMv());
    if (pruned > 0) recomputeOutSums();
    return new SleepReport(replayed, pruned, overlay.size);
  }
}
