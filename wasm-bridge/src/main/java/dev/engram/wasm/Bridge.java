package dev.engram.wasm;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import dev.engram.memory.MemoryConfig;
import dev.engram.neuron.Dispatcher;
import dev.engram.neuron.Router;
import dev.engram.ops.Shell;
import java.util.Map;
import java.util.SortedMap;
import org.teavm.jso.JSExport;

/**
 * The wasm/JS face of core: one {@code @JSExport public static} method per operation over one static
 * {@link Engram}, so one wasm instance (or one import of the JS build) is one memory.
 * The ONNX encoders' pre-processing is not here but in {@link OnnxBridge}, a second module loaded only
 * by npm's engram/onnx, so this one stays small.
 *
 * <p>Only strings, string arrays, ints and doubles cross, which TeaVM converts on both targets without
 * glue code ({@code @JSBody} glue would need code generation from strings, which Cloudflare Workers
 * forbid). Two results are objects in Java and are flattened here:
 *
 * <ul>
 *   <li>{@link #recallValue} returns {@code [value, fact]} and leaves the confidence for
 *       {@link #lastConfidence}: a double must not travel as text, because TeaVM's {@code
 *       Double.toString} does not always print the shortest form the JVM prints (2.5E22 comes out as
 *       2.4999999999999998E22), so a JSON number would not round-trip bit-exactly;
 *   <li>{@link #chain} returns {@code [value, start, hop1, hop2, ...]}, value {@code null} when a hop
 *       found nothing;
 *   <li>a list of {@link Recalled} ({@link #recallScored}, {@link #recallPage}, {@link #assoc},
 *       {@link #notes}) returns {@code [next, text0, kind0, value0, why0, text1, ...]} (four strings per
 *       item after the page's cursor), and leaves the ids for {@link #lastIds} and the doubles for
 *       {@link #lastNumbers} ({@code [score0, strength0, score1, ...]});
 *   <li>{@link #vars} returns {@code [name0, value0, name1, ...]} in core's (sorted) order, and {@link
 *       #stats} its six counts as doubles (exact up to 2^53; a long does not cross as a JS number).
 * </ul>
 *
 * <p>Clock: plastic strength decays with the time since a fact was last used, so {@code strength} and
 * the ranking it feeds depend on when a call runs. {@link #setClock} pins this instance's clock to a
 * given millisecond (the golden vectors do this, so every runtime sees the same times) and {@link
 * #useWallClock} returns to {@code System.currentTimeMillis()}, the default.
 *
 * <p>Errors: an {@link IllegalArgumentException} thrown by core is not caught here. TeaVM 0.15.0 turns
 * an exception escaping an export into a JS {@code Error} carrying the Java message on both targets
 * (wasm-gc throws its {@code JavaError}, the JS build its wrapped throwable), and the instance stays
 * usable afterwards; the npm layer rethrows it as a plain {@code Error} with the same message.
 */
public final class Bridge {
  /** The pinned time in ms, or {@code NaN} while the wall clock is used. */
  private static double fixedNow = Double.NaN;

  private static final Engram ENGRAM = new Engram(MemoryConfig.DEFAULT, Bridge::now);
  /**
   * The dispatcher, null until {@link #loadRouter}: the weights are not in the wasm module (they would
   * add their whole size to every download), the host passes their bytes in once.
   */
  private static Dispatcher dispatcher;
  private static double lastConfidence;
  private static int[] lastIds = new int[0];
  private static double[] lastNumbers = new double[0];
  /**
   * Made on the first knowledge or brain call, not in this class's initializer: a memory-only page
   * should not pay for building a knowledge base at start-up (cold start, docs/WASM.md).
   */
  private static KnowledgeCalls knowledge;
  private static BrainCalls brain;

  private static KnowledgeCalls knowledge() {
    if (knowledge == null) {
      knowledge = new KnowledgeCalls();
    }
    return knowledge;
  }

  private static BrainCalls brain() {
    if (brain == null) {
      brain = new BrainCalls();
    }
    return brain;
  }

  private static long now() {
    return Double.isNaN(fixedNow) ? System.currentTimeMillis() : (long) fixedNow;
  }

  private Bridge() {}

  /** TeaVM needs an entry point; the exports are the interface, so there is nothing to run. */
  public static void main(String[] args) {}

  @JSExport
  public static int observe(String scope, String text) {
    return ENGRAM.observe(scope, text);
  }

  @JSExport
  public static int observeMany(String scope, String[] texts) {
    return ENGRAM.observeMany(scope, texts);
  }

  @JSExport
  public static String get(String scope, String question) {
    return ENGRAM.get(scope, question);
  }

  @JSExport
  public static String[] recall(String scope, String question, int k) {
    return ENGRAM.recall(scope, question, k);
  }

  /** {@code [value, fact]}; the confidence of this answer is then {@link #lastConfidence}. */
  @JSExport
  public static String[] recallValue(String scope, String question) {
    Answer answer = ENGRAM.recallValue(scope, question);
    lastConfidence = answer.confidence();
    return new String[] {answer.value(), answer.fact()};
  }

  /** The confidence of the answer the last successful {@link #recallValue} returned. */
  @JSExport
  public static double lastConfidence() {
    return lastConfidence;
  }

  @JSExport
  public static double assess(String scope, String question) {
    return ENGRAM.assess(scope, question);
  }

  /** {@code [value, start, hop1, ...]}: the final value (or {@code null}) followed by the path. */
  @JSExport
  public static String[] chain(String scope, String expression) {
    Chain chain = ENGRAM.chain(scope, expression);
    String[] path = chain.path();
    String[] out = new String[path.length + 1];
    out[0] = chain.value();
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  @JSExport
  public static int size(String scope) {
    return ENGRAM.size(scope);
  }

  /**
   * A versioned, checksummed snapshot of {@code scope} (all scopes when {@code null}), as core's codec
   * writes it; it crosses as an {@code Int8Array}.
   */
  @JSExport
  public static byte[] dump(String scope) {
    return ENGRAM.dump(scope);
  }

  /**
   * Builds the dispatcher from the bytes of {@code router.bpe} and {@code router.i8} (core's
   * {@link Router#fromBytes}, which checks magic, version and checksum); replaces one loaded before.
   */
  @JSExport
  public static void loadRouter(byte[] tokenizer, byte[] model) {
    if (tokenizer == null || model == null) {
      throw new IllegalArgumentException("loadRouter needs the bytes of router.bpe and router.i8");
    }
    dispatcher = new Dispatcher(Router.fromBytes(tokenizer, model), Dispatcher.DEFAULT_RECALL_K);
  }

  /**
   * Turns on semantic recall with the bytes of {@code words.bin} (core's word table, checked for magic,
   * version and checksum); they are never inside the wasm module. See docs/ENCODERS.md.
   */
  @JSExport
  public static void useSemantic(byte[] wordTable) {
    if (wordTable == null) {
      throw new IllegalArgumentException("useSemantic needs the bytes of words.bin");
    }
    ENGRAM.useSemantic(wordTable);
  }

  /**
   * Routes one turn ({@link Dispatcher#decide}): returns {@code [route, value, fact0, fact1, ...]} and
   * leaves the confidence for {@link #lastConfidence} (a double must not travel as text, see above).
   */
  @JSExport
  public static String[] route(String scope, String message) {
    if (dispatcher == null) {
      throw new IllegalStateException("the router is not loaded; call loadRouter first");
    }
    Dispatcher.Decision d = dispatcher.decide(ENGRAM, scope, message);
    String[] flat = new String[2 + d.facts().length];
    flat[0] = d.route().name();
    flat[1] = d.value();
    System.arraycopy(d.facts(), 0, flat, 2, d.facts().length);
    lastConfidence = d.confidence();
    return flat;
  }

  /** Restores the scopes a snapshot holds (replacing scopes of the same name); returns their names. */
  @JSExport
  public static String[] load(byte[] snapshot) {
    return ENGRAM.load(snapshot);
  }

  /** Flat page, see the class comment: {@code [next, text, kind, value, why, ...]}, ids and doubles aside. */
  @JSExport
  public static String[] recallScored(String scope, String question, int k) {
    return flatten(ENGRAM.recallScored(scope, question, k), null);
  }

  /** Flat page, see the class comment; {@code cursor} null or "" for the first page. */
  @JSExport
  public static String[] recallPage(String scope, String question, int k, String cursor) {
    RecallPage page = ENGRAM.recallPage(scope, question, k, cursor);
    return flatten(page.items(), page.next());
  }

  @JSExport
  public static String[] assoc(String scope, String cue, int k) {
    return flatten(ENGRAM.assoc(scope, cue, k), null);
  }

  @JSExport
  public static int note(String scope, String kind, String text) {
    return ENGRAM.note(scope, kind, text);
  }

  /** Flat page of notes; {@code kind} null for every kind. */
  @JSExport
  public static String[] notes(String scope, String kind, int k, String cursor) {
    RecallPage page = ENGRAM.notes(scope, kind, k, cursor);
    return flatten(page.items(), page.next());
  }

  /** The ids of the items of the last page returned (recallScored, recallPage, assoc, notes). */
  @JSExport
  public static int[] lastIds() {
    return lastIds;
  }

  /** {@code [score0, strength0, score1, strength1, ...]} of the items of the last page returned. */
  @JSExport
  public static double[] lastNumbers() {
    return lastNumbers;
  }

  /** Where {@link Flat} leaves the ints and doubles of a structured result. */
  static void setSideResults(int[] ints, double[] doubles) {
    lastIds = ints;
    lastNumbers = doubles;
  }

  private static String[] flatten(Recalled[] items, String next) {
    String[] out = new String[1 + 4 * items.length];
    int[] ids = new int[items.length];
    double[] numbers = new double[2 * items.length];
    out[0] = next;
    for (int i = 0; i < items.length; i++) {
      Recalled r = items[i];
      out[1 + 4 * i] = r.text();
      out[2 + 4 * i] = r.kind();
      out[3 + 4 * i] = r.value();
      out[4 + 4 * i] = r.why();
      ids[i] = r.id();
      numbers[2 * i] = r.score();
      numbers[2 * i + 1] = r.strength();
    }
    lastIds = ids;
    lastNumbers = numbers;
    return out;
  }

  @JSExport
  public static int forget(String scope, String substring) {
    return ENGRAM.forget(scope, substring);
  }

  @JSExport
  public static boolean forgetId(String scope, int id) {
    return ENGRAM.forgetId(scope, id);
  }

  @JSExport
  public static void setVar(String scope, String name, String value) {
    ENGRAM.setVar(scope, name, value);
  }

  @JSExport
  public static String getVar(String scope, String name) {
    return ENGRAM.getVar(scope, name);
  }

  @JSExport
  public static boolean deleteVar(String scope, String name) {
    return ENGRAM.deleteVar(scope, name);
  }

  /** {@code [name0, value0, name1, value1, ...]}, sorted by name as core sorts them. */
  @JSExport
  public static String[] vars(String scope) {
    SortedMap<String, String> vars = ENGRAM.vars(scope);
    String[] out = new String[2 * vars.size()];
    int i = 0;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      out[i++] = e.getKey();
      out[i++] = e.getValue();
    }
    return out;
  }

  @JSExport
  public static String[] scopes() {
    return ENGRAM.scopes();
  }

  /** {@code [scopes, facts, forgotten, terms, links, vars]} for {@code scope}, or the store when null. */
  @JSExport
  public static double[] stats(String scope) {
    Stats s = ENGRAM.stats(scope);
    return new double[] {s.scopes(), s.facts(), s.forgotten(), s.terms(), s.links(), s.vars()};
  }

  /**
   * One line of the shell vocabulary ({@link Shell}) in, one line out; errors come back as "error: ...".
   * A null line is refused here: core's shell would fail on it with a NullPointerException.
   */
  @JSExport
  public static String shell(String scope, String line) {
    if (line == null) {
      throw new IllegalArgumentException("line is required");
    }
    return Shell.execute(ENGRAM, scope, line);
  }

  /**
   * Pins this instance's clock to {@code ms} (a whole, non-negative number of milliseconds since the
   * epoch) for plastic strength and decay; {@link #useWallClock} undoes it.
   */
  @JSExport
  public static void setClock(double ms) {
    if (!(ms >= 0 && ms <= 9.007199254740991E15) || ms != Math.floor(ms)) {
      throw new IllegalArgumentException("clock must be a whole number of ms in 0..2^53-1, got " + ms);
    }
    fixedNow = ms;
  }

  /** Returns to the wall clock ({@code System.currentTimeMillis()}), the default. */
  @JSExport
  public static void useWallClock() {
    fixedNow = Double.NaN;
  }

  /**
   * The input limits of {@link Limits}, in the order scope chars, text chars, batch, question chars, k,
   * variable name chars, variable value chars, so the npm layer rejects oversize input before copying it
   * across and never disagrees with core.
   */
  @JSExport
  public static int[] limits() {
    return new int[] {
      Limits.MAX_SCOPE_CHARS, Limits.MAX_TEXT_CHARS, Limits.MAX_BATCH, Limits.MAX_QUESTION_CHARS, Limits.MAX_K,
      Limits.MAX_VAR_NAME_CHARS, Limits.MAX_VAR_VALUE_CHARS
    };
  }

  // ------------------------------------------------------------------ knowledge (one knowledge base)

  /**
   * Learns {@code text} under {@code topic}; {@code format} is text, md, vtt or srt (null: detected from the
   * text). Returns {@code [sentences, chunks, triples, newConcepts, aliases]}.
   */
  @JSExport
  public static int[] learn(String topic, String text, String format) {
    return knowledge().learn(topic, text, format);
  }

  /** A grounded answer, flattened as {@link KnowledgeCalls#ask} documents (ints and doubles aside). */
  @JSExport
  public static String[] ask(String question) {
    return knowledge().ask(question);
  }

  /** Topic names in learning order; the concept count of each is left in {@link #lastIds}. */
  @JSExport
  public static String[] topics() {
    return knowledge().topics();
  }

  /** Concepts of {@code topic} (all when null), most connected first, flattened as {@link KnowledgeCalls#concepts}. */
  @JSExport
  public static String[] concepts(String topic) {
    return knowledge().concepts(topic);
  }

  /**
   * {@code [from0, to0, triple0, ...]}: a seeded walk of at most {@code length} steps from the concept
   * {@code start} names (anywhere when null). The seed crosses as a double and must be a whole number
   * within 2^53 (a JS number has no exact long beyond that).
   */
  @JSExport
  public static String[] dream(String start, int length, double seed) {
    return knowledge().dream(start, length, whole("seed", seed));
  }

  // ------------------------------------------------------------------ the spiking brain (one brain)

  /** Replaces the brain with a new Cortex-shaped one at {@code scale} (0, 1] with {@code seed}. */
  @JSExport
  public static void brainReset(double scale, double seed) {
    brain().reset(scale, whole("seed", seed));
  }

  /** Flattened as {@link BrainCalls#status} documents. */
  @JSExport
  public static String[] brainStatus() {
    return brain().status();
  }

  /** Runs {@code ms} (1..10,000) ms; flattened as {@link BrainCalls#step} documents. */
  @JSExport
  public static String[] brainStep(int ms) {
    return brain().step(ms);
  }

  /** Imprints subject -> relation -> object; returns {@code [concepts, learnedSynapses]}. */
  @JSExport
  public static int[] brainImprint(String subject, String relation, String object) {
    return brain().imprint(subject, relation, object);
  }

  /**
   * The top {@code k} (1..100) concepts a recall from {@code concept} reaches in {@code steps} per pass (0:
   * the default budget); see {@link BrainCalls#recall}.
   */
  @JSExport
  public static String[] brainRecall(String concept, int k, int steps) {
    return brain().recall(concept, k, steps);
  }

  /**
   * Shows a {@code width x height} RGBA picture to the visual region; binds it to {@code label} unless null; the top
   * {@code k} (1..100) concepts it drives. Flattened as {@link BrainCalls#watch} documents.
   */
  @JSExport
  public static String[] brainWatch(int width, int height, byte[] rgba, String label, int k) {
    return brain().watch(width, height, rgba, label, k);
  }

  /** Plays mono samples at {@code sampleRate} Hz to the auditory region; as {@link #brainWatch}. */
  @JSExport
  public static String[] brainListen(float[] samples, int sampleRate, String label, int k) {
    return brain().listen(samples, sampleRate, label, k);
  }

  /** Replay and pruning; returns {@code [replayed, pruned, remaining]}. */
  @JSExport
  public static int[] brainSleep() {
    return brain().sleep();
  }

  /** The brain's versioned, checksummed snapshot (core's BrainCodec), as an {@code Int8Array}. */
  @JSExport
  public static byte[] brainSave() {
    return brain().save();
  }

  /** Replaces the brain with a snapshot's; a corrupt or foreign one is refused and the brain kept. */
  @JSExport
  public static void brainLoad(byte[] snapshot) {
    brain().load(snapshot);
  }

  /** Spikes per region since the brain was built. */
  @JSExport
  public static double[] brainSpikeTotals() {
    return brain().spikeTotals();
  }

  private static long whole(String what, double v) {
    if (!(Math.abs(v) <= 9.007199254740991E15) || v != Math.floor(v)) {
      throw new IllegalArgumentException(what + " must be a whole number within 2^53-1, got " + v);
    }
    return (long) v;
  }
}
