package dev.engram.wasm;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.Modulator;
import dev.engram.spiking.Percept;
import dev.engram.spiking.Recall;
import dev.engram.spiking.RecallMode;
import dev.engram.spiking.Senses;
import java.util.List;

/**
 * The spiking-brain operations behind {@link Bridge}'s brain exports, over one {@link Brain} stepped on this
 * thread (core's serial stepper; the JVM server's parallel stepper gives the same spikes). What each returns
 * is what server-jvm's BrainHost/BrainVerbs put in the HTTP {@code /v1/brain/status|step|imprint|recall}
 * JSON, computed the same way (rates rounded to 0.01 Hz, recall cut to k), so the npm layer only renames
 * fields. The brain is built on first use at {@link #DEFAULT_SCALE} with {@link #DEFAULT_SEED}, as the
 * server builds its own, because building one costs time and memory a memory-only user should not pay.
 */
final class BrainCalls {
  /** BrainHost.DEFAULT_SCALE: 20,000 neurons. */
  static final double DEFAULT_SCALE = 0.01;
  /** BrainHost.SEED, so a default npm brain is the server's default brain. */
  static final long DEFAULT_SEED = 20_260_101L;
  /** BrainHost.MAX_STEP_MS. */
  static final int MAX_STEP_MS = 10_000;
  /** BrainHost.MAX_K. */
  static final int MAX_K = 100;

  /** server-jvm Media.MAX_SIDE, MAX_PIXELS and MAX_SECONDS: the same pictures and sounds are refused everywhere. */
  static final int MAX_SIDE = 8192;
  static final long MAX_PIXELS = 4096L * 4096;
  static final double MAX_SECONDS = 60;

  private Brain brain;
  /** Built on first watch or listen: the encoders' tables are small, but a memory-only user should not build them. */
  private Senses senses;

  private Brain brain() {
    if (brain == null) {
      brain = new Brain(BrainConfig.cortex(DEFAULT_SCALE, DEFAULT_SEED));
    }
    return brain;
  }

  void reset(double scale, long seed) {
    if (!(scale > 0) || scale > 1.0) {
      throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
    }
    brain = new Brain(BrainConfig.cortex(scale, seed));
  }

  /**
   * strings: region names, then modulator names (lower case); ints: neurons, learnedSynapses, concepts,
   * conceptCapacity, per region neurons; doubles: scale, proceduralSynapses, timeMs, per region rateHz
   * (mean over the brain's life, 0 before the first step), per modulator level.
   */
  String[] status() {
    Brain b = brain();
    BrainConfig c = b.config();
    Flat f = new Flat();
    f.i(b.neuronCount()).i(b.learnedSynapseCount()).i(b.conceptCount()).i(b.conceptCapacity());
    f.d(c.scale()).d((double) ((long) b.neuronCount() * c.connectivity().synapsesPerNeuron())).d(b.timeMs());
    long steps = b.stepCount();
    for (int r = 0; r < b.regionCount(); r++) {
      f.s(b.regionName(r)).i(b.regionSize(r)).d(rounded(steps == 0 ? 0 : b.rateHz(r, b.totalSpikes(r), steps)));
    }
    for (Modulator m : Modulator.values()) {
      // A float widened exactly; npm prints it back to the float's shortest form, as the server's JSON does.
      f.s(m.name().toLowerCase()).d(b.modulator(m));
    }
    return f.finish();
  }

  /**
   * Runs {@code ms} ms (BrainHost.step). strings: region names; ints: per region neurons; doubles: timeMs
   * after, per region rateHz over this call.
   */
  String[] step(int ms) {
    if (ms < 1 || ms > MAX_STEP_MS) {
      throw new IllegalArgumentException("ms must be between 1 and " + MAX_STEP_MS + " per call, got " + ms);
    }
    Brain b = brain();
    long steps = Math.max(1, Math.round(ms / b.config().dtMs()));
    long[] before = new long[b.regionCount()];
    for (int r = 0; r < before.length; r++) {
      before[r] = b.totalSpikes(r);
    }
    b.step((int) steps);
    Flat f = new Flat();
    f.d(b.timeMs());
    for (int r = 0; r < before.length; r++) {
      f.s(b.regionName(r)).i(b.regionSize(r)).d(rounded(b.rateHz(r, b.totalSpikes(r) - before[r], steps)));
    }
    return f.finish();
  }

  /** {@code [concepts, learnedSynapses]} after imprinting. */
  int[] imprint(String subject, String relation, String object) {
    Brain b = brain();
    try {
      b.imprintTriple(subject, relation, object);
    } catch (IllegalStateException e) {
      // BrainHost turns a full concept region into bad input (the caller's to fix with a larger scale).
      if (e.getMessage() != null && e.getMessage().startsWith("assembly capacity")) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      throw e;
    }
    return new int[] {b.conceptCount(), b.learnedSynapseCount()};
  }

  /**
   * Best first, at most k, over {@code steps} steps per pass (0: the brain's default, as the server runs it).
   * strings: concepts; ints: per hit (spikes, firstSpikeStep); doubles: spikesPerNeuron.
   */
  String[] recall(String concept, int k, int steps) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    }
    if (concept == null) {
      throw new IllegalArgumentException("concept is required");
    }
    Brain b = brain();
    List<Recall.Hit> ranked = steps == 0 ? b.recall(concept).ranked()
        : b.recall(List.of(concept), steps, RecallMode.NEUTRAL).ranked();
    Flat f = new Flat();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      Recall.Hit h = ranked.get(i);
      f.s(h.concept()).i(h.spikes()).i(h.firstSpikeStep()).d(h.spikesPerNeuron());
    }
    return f.finish();
  }

  /**
   * Shows an RGBA picture to the visual region (BrainHost.watch + BrainVerbs.perceived); {@code label} null
   * recognises only. strings: region, label (null when none), per hit concept; ints: dimension, groupSize, steps,
   * boundSynapses, per hit (spikes, firstSpikeStep); doubles: cosine (4 decimals), sensorySpikes, per hit
   * spikesPerNeuron.
   */
  String[] watch(int width, int height, byte[] rgba, String label, int k) {
    checkK(k);
    if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
      throw new IllegalArgumentException("the image is " + width + "x" + height + "; the limit is " + MAX_SIDE
          + " on a side and " + MAX_PIXELS + " pixels in all");
    }
    Pixels image = new Pixels(width, height, rgba);
    return perceived(capacity(() -> senses().watch(brain(), image, label)), k);
  }

  /** Plays mono samples (-1..1) at {@code sampleRate} to the auditory region; flattened as {@link #watch}. */
  String[] listen(float[] samples, int sampleRate, String label, int k) {
    checkK(k);
    AudioClip clip = new AudioClip(samples, sampleRate);
    if (clip.seconds() > MAX_SECONDS) {
      throw new IllegalArgumentException("the sound is " + Math.round(clip.seconds() * 10) / 10.0 + " s long; the limit is "
          + (int) MAX_SECONDS + " s");
    }
    return perceived(capacity(() -> senses().listen(brain(), clip, label)), k);
  }

  private Senses senses() {
    if (senses == null) {
      senses = new Senses();
    }
    return senses;
  }

  private static void checkK(int k) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    }
  }

  private static Percept capacity(java.util.function.Supplier<Percept> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("assembly capacity")) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      throw e;
    }
  }

  private static String[] perceived(Percept p, int k) {
    Flat f = new Flat();
    f.s(p.region()).s(p.label());
    f.i(p.dimension()).i(p.groupSize()).i(p.steps()).i(p.boundSynapses());
    f.d(Math.round(p.cosine() * 10000) / 10000.0).d((double) p.sensorySpikes());
    List<Recall.Hit> ranked = p.ranked();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      Recall.Hit h = ranked.get(i);
      f.s(h.concept()).i(h.spikes()).i(h.firstSpikeStep()).d(h.spikesPerNeuron());
    }
    return f.finish();
  }

  /** {@code [replayed, pruned, remaining]}. */
  int[] sleep() {
    Brain.SleepReport r = brain().sleep();
    return new int[] {r.replayed(), r.pruned(), r.remaining()};
  }

  byte[] save() {
    return BrainCodec.save(brain());
  }

  /** Replaces the brain with the snapshot's; a bad snapshot is refused with the codec's message and the brain kept. */
  void load(byte[] snapshot) {
    if (snapshot == null) {
      throw new IllegalArgumentException("snapshot is required");
    }
    brain = BrainCodec.load(snapshot);
  }

  /** Total spikes per region since the brain was built (a long each, exact as a double up to 2^53). */
  double[] spikeTotals() {
    Brain b = brain();
    double[] out = new double[b.regionCount()];
    for (int r = 0; r < out.length; r++) {
      out[r] = b.totalSpikes(r);
    }
    return out;
  }

  private static double rounded(double rateHz) {
    return Math.round(rateHz * 100) / 100.0;
  }
}
