package dev.engram.server.brain;

import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import dev.engram.spiking.Modulator;
import dev.engram.spiking.Percept;
import dev.engram.spiking.Recall;
import dev.engram.spiking.Senses;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One spiking {@link Brain} behind a lock, stepped by a {@link ParallelStepper}, for the CLI and HTTP hosts. Every
 * method is synchronized: a brain is not for concurrent use, so a second caller waits for the first (HTTP callers
 * run on virtual threads, so only brain endpoints wait; the step budget per call is bounded by the host).
 */
public final class BrainHost implements AutoCloseable {
  /** Scale of a new brain when neither {@code --scale} nor {@code ENGRAM_SPIKING_SCALE} names one: 20,000 neurons. */
  public static final double DEFAULT_SCALE = 0.01;
  /** Fixed seed of a new brain, so two hosts built the same way hold the same brain. */
  public static final long SEED = 20_260_101L;
  /** Most milliseconds one step call may run. */
  public static final int MAX_STEP_MS = 10_000;
  /** Most concepts one recall may list. */
  public static final int MAX_K = 100;

  /** Replaced whole by {@link #restore}; every use is under this host's lock. */
  private Brain brain;
  /** Counts {@link #restore}s, so two samples taken across one are never read as a rate. */
  private long generation;
  private final ParallelStepper stepper;
  private Senses senses = new Senses();
  /** True while a step call runs; read without the lock, so a caller can tell a busy brain from a hung one. */
  private volatile boolean stepping;

  private BrainHost(Brain brain) {
    this.brain = brain;
    this.stepper = new ParallelStepper();
    brain.setStepper(stepper);
  }

  /** A new Cortex-shaped brain at {@code scale} with the fixed {@link #SEED}. */
  public static BrainHost create(double scale) {
    if (!(scale > 0) || scale > 1.0) throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
    return new BrainHost(new Brain(BrainConfig.cortex(scale, SEED)));
  }

  /** A brain restored from a {@link BrainCodec} snapshot; a bad snapshot fails with the codec's message. */
  public static BrainHost fromSnapshot(byte[] data) {
    return new BrainHost(BrainCodec.load(data));
  }

  /** The scale for a new brain: the option if given, else {@code ENGRAM_SPIKING_SCALE}, else {@link #DEFAULT_SCALE}. */
  public static double scale(Double option, String env) {
    if (option != null) return option;
    if (env == null || env.isBlank()) return DEFAULT_SCALE;
    try {
      return Double.parseDouble(env.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ENGRAM_SPIKING_SCALE must be a number such as 0.01, got '" + env + "'");
    }
  }

  /** Reads a snapshot file; a missing file returns null, a bad one throws IllegalArgumentException naming it. */
  public static BrainHost load(Path file) throws IOException {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return fromSnapshot(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the snapshot to a temporary file beside {@code file}, then renames it over, so a reader never sees half a file. */
  public synchronized void save(Path file) throws IOException {
    byte[] data = BrainCodec.save(brain);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    // Named by process and thread rather than createTempFile, which would leave the snapshot readable by its owner only.
    Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId() + ".tmp");
    try {
      Files.write(tmp, data);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** One region: its name, size and mean rate (Hz) over the brain's whole life (0 before the first step). */
  public record Region(String name, int neurons, double rateHz) {}

  /** What {@code status} reports. */
  public record Status(double scale, int neurons, long proceduralSynapses, int learnedSynapses, double timeMs,
      int concepts, int conceptCapacity, List<Region> regions, Map<String, Float> modulators) {}

  /** Rates (Hz) of each region over the {@code ms} just stepped. */
  public record StepReport(int ms, double timeMs, double wallMs, List<Region> regions) {}

  public synchronized Status status() {
    List<Region> regions = new ArrayList<>();
    long steps = brain.stepCount();
    for (int r = 0; r < brain.regionCount(); r++) {
      regions.add(new Region(brain.regionName(r), brain.regionSize(r),
          steps == 0 ? 0 : brain.rateHz(r, brain.totalSpikes(r), steps)));
    }
    BrainConfig c = brain.config();
    return new Status(c.scale(), brain.neuronCount(), (long) brain.neuronCount() * c.connectivity().synapsesPerNeuron(),
        brain.learnedSynapseCount(), brain.timeMs(), brain.conceptCount(), brain.conceptCapacity(), regions, modulators());
  }

  /** Runs {@code ms} milliseconds of brain time (1..{@link #MAX_STEP_MS}). */
  public synchronized StepReport step(int ms) {
    if (ms < 1 || ms > MAX_STEP_MS)
      throw new IllegalArgumentException("ms must be between 1 and " + MAX_STEP_MS + " per call, got " + ms);
    long steps = Math.max(1, Math.round(ms / brain.config().dtMs()));
    long[] before = new long[brain.regionCount()];
    for (int r = 0; r < before.length; r++) before[r] = brain.totalSpikes(r);
    long start = System.nanoTime();
    stepping = true;
    try {
      brain.step((int) steps);
    } finally {
      stepping = false;
    }
    double wall = (System.nanoTime() - start) / 1e6;
    List<Region> regions = new ArrayList<>();
    for (int r = 0; r < before.length; r++) {
      regions.add(new Region(brain.regionName(r), brain.regionSize(r),
          brain.rateHz(r, brain.totalSpikes(r) - before[r], steps)));
    }
    return new StepReport(ms, brain.timeMs(), wall, regions);
  }

  /**
   * A reading of the brain's counters: spikes per region since it was built, steps run, time, and the
   * modulator levels. Two samples give the rates over the time between them, whoever stepped the brain.
   */
  public record Sample(long generation, long steps, double timeMs, double dtMs, long[] regionSpikes,
      List<String> regionNames, int[] regionSizes, Map<String, Float> modulators) {
    /**
     * Each region's rate (Hz) between {@code earlier} and this sample (0 when no step ran between them, or
     * when the brain was replaced between them: its counters started over).
     */
    public List<Region> ratesSince(Sample earlier) {
      long stepped = generation == earlier.generation ? steps - earlier.steps : 0;
      List<Region> regions = new ArrayList<>();
      for (int r = 0; r < regionSpikes.length; r++) {
        double hz = stepped <= 0 ? 0
            : (regionSpikes[r] - earlier.regionSpikes[r]) * 1000.0 / (regionSizes[r] * stepped * dtMs);
        regions.add(new Region(regionNames.get(r), regionSizes[r], hz));
      }
      return regions;
    }
  }

  public synchronized Sample sample() {
    int n = brain.regionCount();
    long[] spikes = new long[n];
    int[] sizes = new int[n];
    List<String> names = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      spikes[r] = brain.totalSpikes(r);
      sizes[r] = brain.regionSize(r);
      names.add(brain.regionName(r));
    }
    return new Sample(generation, brain.stepCount(), brain.timeMs(), brain.config().dtMs(), spikes, List.copyOf(names), sizes,
        modulators());
  }

  /** Modulator levels by lower-case name ("dopamine", …), in {@link Modulator} order. */
  private Map<String, Float> modulators() {
    Map<String, Float> mods = new LinkedHashMap<>();
    for (Modulator m : Modulator.values()) mods.put(m.name().toLowerCase(java.util.Locale.ROOT), brain.modulator(m));
    return mods;
  }

  /** Whether a step call is running now (does not wait for the lock). */
  public boolean stepping() {
    return stepping;
  }

  public synchronized void imprint(String subject, String relation, String object) {
    try {
      brain.imprintTriple(subject, relation, object);
    } catch (IllegalStateException e) {
      // A full concept region is the caller's to fix (a larger scale), not a server fault.
      if (e.getMessage() != null && e.getMessage().startsWith("assembly capacity")) throw new IllegalArgumentException(e.getMessage(), e);
      throw e;
    }
  }

  /** The top {@code k} concepts a spiking recall from {@code concept} reaches (recall leaves the brain unchanged). */
  public synchronized List<Recall.Hit> recall(String concept, int k) {
    if (k < 1 || k > MAX_K) throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
    if (concept == null) throw new IllegalArgumentException("concept is required");
    List<Recall.Hit> ranked = brain.recall(concept).ranked();
    return List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
  }

  /**
   * The encoders watch and listen use: the built-in ones ({@link Senses#Senses()}) until a host plugs in others
   * (ONNX models, say) whose vectors fit the sensory regions.
   */
  public synchronized void setSenses(Senses senses) {
    if (senses == null) throw new IllegalArgumentException("senses must not be null");
    this.senses = senses;
  }

  /**
   * Shows {@code image} to the visual region: without a label, what the brain recognises (the brain is left as it
   * was); with one, the picture is bound to that concept (the brain changes, so save it).
   */
  public synchronized Percept watch(Pixels image, String label) {
    return capacityIsBadInput(() -> senses.watch(brain, image, label));
  }

  /** Plays {@code clip} to the auditory region; as {@link #watch}. */
  public synchronized Percept listen(AudioClip clip, String label) {
    return capacityIsBadInput(() -> senses.listen(brain, clip, label));
  }

  private static Percept capacityIsBadInput(java.util.function.Supplier<Percept> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("assembly capacity")) throw new IllegalArgumentException(e.getMessage(), e);
      throw e;
    }
  }

  public synchronized Brain.SleepReport sleep() {
    return brain.sleep();
  }

  public synchronized byte[] snapshot() {
    return BrainCodec.save(brain);
  }

  /**
   * Replaces the brain with the one in {@code data} (a snapshot as {@link #snapshot} writes it). The bytes are
   * decoded and checked first, so a bad snapshot is an IllegalArgumentException and the brain is kept.
   */
  public synchronized void restore(byte[] data) {
    if (data == null || data.length == 0) throw new IllegalArgumentException("the snapshot is empty");
    Brain loaded = BrainCodec.load(data);
    loaded.setStepper(stepper);
    brain = loaded;
    generation++;
  }

  @Override
  public void close() {
    stepper.close();
  }
}
