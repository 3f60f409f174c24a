package dev.engram.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.knowledge.Association;
import dev.engram.knowledge.ConceptMatch;
import dev.engram.knowledge.DreamWalk;
import dev.engram.knowledge.GroundedAnswer;
import dev.engram.knowledge.KnowledgeBase;
import dev.engram.knowledge.KnowledgeGraph;
import dev.engram.knowledge.SourceText;
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainCodec;
import dev.engram.spiking.BrainConfig;
import dev.engram.spiking.Modulator;
import dev.engram.spiking.Recall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors for knowledge and the spiking brain: fixed scripts run through core's {@link KnowledgeBase}
 * and {@link Brain} on the JVM, each result written in the JSON shape the server's HTTP API gives it
 * (server-jvm KnowledgeVerbs/BrainVerbs/BrainHost: same field names, nesting, order and rounding), to
 * target/golden/knowledge.json and brain.json. npm/test replays them through {@code engram.knowledge} and
 * {@code engram.brain} on every host and requires equality (wall times excepted; a snapshot is compared
 * by length and FNV-1a digest, so save gives the JVM's bytes). The format is {@link Json}'s, with ops named
 * {@code knowledge.*} and {@code brain.*}; an options object for dream is written as {@code {"options": {...}}}.
 */
class KnowledgeBrainGoldenTest {
  /** BrainHost.DEFAULT_SCALE and BrainHost.SEED: the brain npm builds on first use. */
  private static final double DEFAULT_SCALE = 0.01;
  private static final long DEFAULT_SEED = 20_260_101L;

  static final String VELMORA = """
      Velmora is a harbour town on the Ossin coast. Velmora bells are cast from river glass. \
      The bells ring at dusk. River glass comes from the Sallow river, also called the Grey river. \
      The glassmakers of Velmora sell their bells to Tarrow. Tarrow is a mountain city.""";
  static final String KETTLEMARK = """
      # Kettlemark

      Kettlemark is a village in the Brenn valley. The famous bread of **Kettlemark** is ashloaf.

      - Ashloaf is baked in clay ovens.
      - Clay ovens are heated with pine cones.

      The bakers of Kettlemark trade ashloaf with Velmora.""";
  static final String TALK = """
      WEBVTT

      00:00:01.000 --> 00:00:03.000
      um so the Orrin lantern

      00:00:03.000 --> 00:00:05.000
      um so the Orrin lantern burns whale oil.

      00:00:05.000 --> 00:00:08.000
      The Orrin lantern guides ships to Velmora.
      """;
  static final String SUBTITLES = """
      1
      00:00:01,000 --> 00:00:02,500
      Quillfish live in the Sallow river.

      2
      00:00:02,500 --> 00:00:04,000
      Quillfish eat river moss.
      """;

  // ---------------------------------------------------------------- knowledge

  static String knowledgeGolden() {
    KnowledgeBase kb = new KnowledgeBase();
    Script s = new Script();
    s.run("knowledge.topics", List.of(), () -> topics(kb.graph()));
    s.run("knowledge.ask", args("What is Velmora?"), () -> ask(kb.graph(), kb.ask("What is Velmora?")));
    s.run("knowledge.dream", args(options(null, 8, 1)), () -> dream(1, kb.dream(null, 8, 1)));
    s.run("knowledge.learn", args("Velmora", VELMORA, null), () -> learned("Velmora", kb, VELMORA, null));
    s.run("knowledge.learn", args("Kettlemark", KETTLEMARK, "md"), () -> learned("Kettlemark", kb, KETTLEMARK, "md"));
    s.run("knowledge.learn", args("Orrin talk", TALK, "vtt"), () -> learned("Orrin talk", kb, TALK, "vtt"));
    s.run("knowledge.learn", args("Quillfish", SUBTITLES, null), () -> learned("Quillfish", kb, SUBTITLES, null));
    s.run("knowledge.learn", args("  ", "Some text.", null), () -> learned("  ", kb, "Some text.", null));
    s.run("knowledge.learn", args("Pdf", "Some text.", "pdf"), () -> learned("Pdf", kb, "Some text.", "pdf"));
    for (String q : List.of("What are Velmora bells made of?", "What is the famous bread of Kettlemark?",
        "How are clay ovens heated?", "What does the Orrin lantern burn?", "Where do quillfish live?",
        "What do the bakers of Kettlemark trade with the bell makers?", "Tell me about Velmroa bells",
        "What is the capital of Zanzibar?", "   ")) {
      s.run("knowledge.ask", args(q), () -> ask(kb.graph(), kb.ask(q)));
    }
    s.run("knowledge.ask", args(repeat("why ", 1025)), () -> ask(kb.graph(), kb.ask("why ".repeat(1025))));
    s.run("knowledge.topics", List.of(), () -> topics(kb.graph()));
    s.run("knowledge.concepts", List.of(), () -> concepts(kb.graph(), null));
    s.run("knowledge.concepts", args("Kettlemark"), () -> concepts(kb.graph(), "Kettlemark"));
    s.run("knowledge.concepts", args("Atlantis"), () -> concepts(kb.graph(), "Atlantis"));
    for (long seed : new long[] {1, 7, 42, -3, 9007199254740991L}) {
      s.run("knowledge.dream", args(options(null, 8, seed)), () -> dream(seed, kb.dream(null, 8, seed)));
    }
    s.run("knowledge.dream", args(options("Velmora bells", 5, 11)), () -> dream(11, kb.dream("Velmora bells", 5, 11)));
    s.run("knowledge.dream", args(options("Atlantis", 5, 11)), () -> dream(11, kb.dream("Atlantis", 5, 11)));
    s.run("knowledge.dream", args(options(null, 0, 1)), () -> dream(1, kb.dream(null, 0, 1)));
    s.run("knowledge.dream", args(options(null, 65, 1)), () -> dream(1, kb.dream(null, 65, 1)));
    return s.json();
  }

  /** KnowledgeVerbs.format plus the HTTP handler's detection when no format is given. */
  static SourceText.Format format(String name, String text) {
    if (name == null) {
      return SourceText.Format.detect(null, text);
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "text", "plain", "txt" -> SourceText.Format.PLAIN;
      case "md", "markdown" -> SourceText.Format.MARKDOWN;
      case "vtt", "webvtt" -> SourceText.Format.WEBVTT;
      case "srt" -> SourceText.Format.SRT;
      default -> throw new IllegalArgumentException("unknown format '" + name + "'; use text, md, vtt or srt");
    };
  }

  /** KnowledgeVerbs.learned without "ms" (wall time; the replay checks it is a number and drops it). */
  static Map<String, Object> learned(String topic, KnowledgeBase kb, String text, String format) {
    KnowledgeBase.LearnReport r = kb.learn(topic, text, format(format, text));
    return obj("topic", r.topic(), "sentences", r.sentences(), "chunks", r.chunks(), "triples", r.triples(),
        "newConcepts", r.newConcepts(), "aliases", r.aliases());
  }

  /** KnowledgeVerbs.ask. */
  static Map<String, Object> ask(KnowledgeGraph graph, GroundedAnswer a) {
    List<Object> seeds = new ArrayList<>();
    for (ConceptMatch m : a.seeds()) {
      seeds.add(obj("name", m.name(), "kind", m.kind().name().toLowerCase(Locale.ROOT), "score", m.score()));
    }
    double strongest = a.associations().isEmpty() ? 0 : a.associations().get(0).strength();
    for (Association s : a.associations()) {
      strongest = Math.max(strongest, s.strength());
    }
    List<Object> list = new ArrayList<>();
    for (Association s : a.associations()) {
      List<Object> triples = new ArrayList<>();
      for (int t : s.triples()) {
        triples.add(graph.tripleText(t));
      }
      list.add(obj("name", s.name(), "strength", s.strength(), "percent", s.percentOf(strongest), "tag",
          s.tag().label(), "hops", s.hops(), "via", s.via() >= 0 ? graph.name(s.via()) : null, "triples", triples));
    }
    return obj("question", a.question(), "knowsNothing", a.knowsNothing(), "answer", a.text(),
        "facts", new ArrayList<Object>(a.facts()), "seeds", seeds, "associations", list);
  }

  /** KnowledgeVerbs.topics. */
  static Map<String, Object> topics(KnowledgeGraph graph) {
    List<Object> list = new ArrayList<>();
    for (int t = 0; t < graph.topicCount(); t++) {
      list.add(obj("name", graph.topicName(t), "concepts", graph.conceptsOfTopic(t).length));
    }
    return obj("topics", list);
  }

  /** KnowledgeVerbs.concepts. */
  static Map<String, Object> concepts(KnowledgeGraph graph, String topic) {
    int[] order = graph.conceptsByDegree(topic);
    List<Object> list = new ArrayList<>();
    for (int c : order) {
      list.add(obj("name", graph.name(c), "degree", graph.degree(c), "aliases", new ArrayList<Object>(graph.aliasesOf(c))));
    }
    return obj("topic", topic, "concepts", list);
  }

  /** KnowledgeVerbs.dream. */
  static Map<String, Object> dream(long seed, List<DreamWalk.Step> steps) {
    List<Object> list = new ArrayList<>();
    for (DreamWalk.Step s : steps) {
      list.add(obj("from", s.fromName(), "to", s.toName(), "triple", s.triple()));
    }
    return obj("seed", seed, "steps", list);
  }

  // ---------------------------------------------------------------- brain

  /** The brain the script runs on: replaced by reset and by load, as npm's is. */
  private static final class BrainBox {
    Brain brain;

    Brain get() {
      if (brain == null) {
        brain = new Brain(BrainConfig.cortex(DEFAULT_SCALE, DEFAULT_SEED));
      }
      return brain;
    }
  }

  static String brainGolden() {
    BrainBox box = new BrainBox();
    Script s = new Script();
    s.run("brain.status", List.of(), () -> status(box.get()));
    s.run("brain.reset", args(0.0, 7), () -> reset(box, 0.0, 7));
    s.run("brain.reset", args(1.5, 7), () -> reset(box, 1.5, 7));
    s.run("brain.reset", args(0.005, 7), () -> reset(box, 0.005, 7));
    s.run("brain.status", List.of(), () -> status(box.get()));
    s.run("brain.step", args(0), () -> step(box.get(), 0));
    s.run("brain.step", args(10001), () -> step(box.get(), 10001));
    s.run("brain.step", args(50), () -> step(box.get(), 50));
    s.run("brain.spikeTotals", List.of(), () -> spikeTotals(box.get()));
    s.run("brain.imprint", args("cat", "is", "animal"), () -> imprint(box.get(), "cat", "is", "animal"));
    s.run("brain.imprint", args("dog", "is", "animal"), () -> imprint(box.get(), "dog", "is", "animal"));
    s.run("brain.imprint", args("cat", "chases", "mouse"), () -> imprint(box.get(), "cat", "chases", "mouse"));
    s.run("brain.imprint", args(" ", "is", "x"), () -> imprint(box.get(), " ", "is", "x"));
    s.run("brain.imprint", args("cat", "is", "cat"), () -> imprint(box.get(), "cat", "is", "cat"));
    s.run("brain.recall", args("cat", 5), () -> recall(box.get(), "cat", 5));
    s.run("brain.recall", args("dog", 2), () -> recall(box.get(), "dog", 2));
    s.run("brain.recall", args("mouse", 100), () -> recall(box.get(), "mouse", 100));
    s.run("brain.recall", args("cat", 5, 60), () -> recall(box.get(), "cat", 5, 60));
    s.run("brain.recall", args("cat", 5, 1), () -> recall(box.get(), "cat", 5, 1));
    s.run("brain.recall", args("cat", 5, 0), () -> recall(box.get(), "cat", 5, 0));
    s.run("brain.recall", args("nobody", 5), () -> recall(box.get(), "nobody", 5));
    s.run("brain.recall", args("cat", 0), () -> recall(box.get(), "cat", 0));
    s.run("brain.recall", args("cat", 101), () -> recall(box.get(), "cat", 101));
    s.run("brain.step", args(100), () -> step(box.get(), 100));
    s.run("brain.status", List.of(), () -> status(box.get()));
    s.run("brain.sleep", List.of(), () -> sleep(box.get()));
    s.run("brain.save", List.of(), () -> digest(BrainCodec.save(box.get())));
    // Save, load the bytes back, and continue: the loaded brain must go on exactly as the saved one would.
    s.run("brain.reload", List.of(), () -> {
      box.brain = BrainCodec.load(BrainCodec.save(box.get()));
      return null;
    });
    s.run("brain.step", args(100), () -> step(box.get(), 100));
    s.run("brain.spikeTotals", List.of(), () -> spikeTotals(box.get()));
    s.run("brain.recall", args("cat", 5), () -> recall(box.get(), "cat", 5));
    s.run("brain.status", List.of(), () -> status(box.get()));
    s.run("brain.save", List.of(), () -> digest(BrainCodec.save(box.get())));
    byte[] shortBytes = new byte[8];
    byte[] foreign = "not a brain snapshot, just some words".getBytes(StandardCharsets.UTF_8);
    // The head of a real snapshot (magic, name, version, config): its last four bytes are no checksum of the rest.
    byte[] cut = java.util.Arrays.copyOf(BrainCodec.save(new Brain(BrainConfig.cortex(0.001, 3))), 96);
    byte[] newer = cut.clone();
    int version = 4 + 2 + BrainCodec.NAME.length(); // after the magic and the writeUTF name
    newer[version + 3] = 9;
    for (byte[] bad : List.of(shortBytes, foreign, cut, newer)) {
      s.run("brain.load", args(obj("base64", Base64.getEncoder().encodeToString(bad))), () -> {
        box.brain = BrainCodec.load(bad);
        return null;
      });
    }
    s.run("brain.status", List.of(), () -> status(box.get()));
    return s.json();
  }

  static Object reset(BrainBox box, double scale, long seed) {
    if (!(scale > 0) || scale > 1.0) {
      throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
    }
    box.brain = new Brain(BrainConfig.cortex(scale, seed));
    return null;
  }

  private static double rounded(double rateHz) {
    return Math.round(rateHz * 100) / 100.0;
  }

  /** BrainHost.status + BrainVerbs.status. */
  static Map<String, Object> status(Brain b) {
    List<Object> regions = new ArrayList<>();
    long steps = b.stepCount();
    for (int r = 0; r < b.regionCount(); r++) {
      regions.add(obj("name", b.regionName(r), "neurons", b.regionSize(r),
          "rateHz", rounded(steps == 0 ? 0 : b.rateHz(r, b.totalSpikes(r), steps))));
    }
    Map<String, Object> mods = new LinkedHashMap<>();
    for (Modulator m : Modulator.values()) {
      mods.put(m.name().toLowerCase(Locale.ROOT), b.modulator(m));
    }
    BrainConfig c = b.config();
    return obj("scale", c.scale(), "neurons", b.neuronCount(),
        "proceduralSynapses", (long) b.neuronCount() * c.connectivity().synapsesPerNeuron(),
        "learnedSynapses", b.learnedSynapseCount(), "timeMs", b.timeMs(), "concepts", b.conceptCount(),
        "conceptCapacity", b.conceptCapacity(), "regions", regions, "modulators", mods);
  }

  /** BrainHost.step + BrainVerbs.stepped without "wallMs" (the replay checks it is a number and drops it). */
  static Map<String, Object> step(Brain b, int ms) {
    if (ms < 1 || ms > 10_000) {
      throw new IllegalArgumentException("ms must be between 1 and 10000 per call, got " + ms);
    }
    long steps = Math.max(1, Math.round(ms / b.config().dtMs()));
    long[] before = new long[b.regionCount()];
    for (int r = 0; r < before.length; r++) {
      before[r] = b.totalSpikes(r);
    }
    b.step((int) steps);
    List<Object> regions = new ArrayList<>();
    for (int r = 0; r < before.length; r++) {
      regions.add(obj("name", b.regionName(r), "neurons", b.regionSize(r),
          "rateHz", rounded(b.rateHz(r, b.totalSpikes(r) - before[r], steps))));
    }
    return obj("ms", ms, "timeMs", b.timeMs(), "regions", regions);
  }

  static List<Object> spikeTotals(Brain b) {
    List<Object> out = new ArrayList<>();
    for (int r = 0; r < b.regionCount(); r++) {
      out.add(b.totalSpikes(r));
    }
    return out;
  }

  /** BrainHost.imprint (a full concept region is bad input) + the HTTP handler's answer. */
  static Map<String, Object> imprint(Brain b, String subject, String relation, String object) {
    try {
      b.imprintTriple(subject, relation, object);
    } catch (IllegalStateException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("assembly capacity")) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      throw e;
    }
    return obj("imprinted", true, "concepts", b.conceptCount(), "learnedSynapses", b.learnedSynapseCount());
  }

  /** BrainHost.recall + BrainVerbs.recalled. */
  static Map<String, Object> recall(Brain b, String concept, int k) {
    return recall(b, concept, k, -1);
  }

  /** The same over {@code steps} per pass (npm's optional third argument; -1: the default, as HTTP). */
  static Map<String, Object> recall(Brain b, String concept, int k, int steps) {
    if (k < 1 || k > 100) {
      throw new IllegalArgumentException("k must be between 1 and 100, got " + k);
    }
    List<Recall.Hit> ranked = steps == -1 ? b.recall(concept).ranked()
        : b.recall(List.of(concept), steps, dev.engram.spiking.RecallMode.NEUTRAL).ranked();
    List<Object> list = new ArrayList<>();
    for (Recall.Hit h : ranked.subList(0, Math.min(k, ranked.size()))) {
      list.add(obj("concept", h.concept(), "spikes", h.spikes(), "firstSpikeStep", h.firstSpikeStep(),
          "spikesPerNeuron", h.spikesPerNeuron()));
    }
    return obj("concept", concept, "ranked", list);
  }

  static Map<String, Object> sleep(Brain b) {
    Brain.SleepReport r = b.sleep();
    return obj("replayed", r.replayed(), "pruned", r.pruned(), "remaining", r.remaining());
  }

  /** A snapshot as its length and FNV-1a (32-bit) hash: equal digests mean the JVM's bytes. */
  static Map<String, Object> digest(byte[] bytes) {
    int h = 0x811C9DC5;
    for (byte x : bytes) {
      h = (h ^ (x & 0xFF)) * 0x01000193;
    }
    String hex = Integer.toHexString(h);
    return obj("bytes", bytes.length, "fnv1a", "0".repeat(8 - hex.length()) + hex);
  }

  // ---------------------------------------------------------------- the test

  @Test
  void writesKnowledgeAndBrainGoldenVectors() throws IOException {
    String knowledge = knowledgeGolden();
    assertEquals(knowledge, knowledgeGolden(), "two runs of the knowledge script differ");
    String brain = brainGolden();
    assertEquals(brain, brainGolden(), "two runs of the brain script differ");
    // The scripts must reach real answers, not only errors: an associated concept, a dream step, a recall hit.
    assertTrue(knowledge.contains("\"tag\":\"explicit\""), "no association was recalled");
    assertTrue(knowledge.contains("\"triple\":"), "no dream step was produced");
    assertTrue(brain.contains("\"firstSpikeStep\":"), "no spiking recall hit");
    Path dir = Path.of(System.getProperty("engram.golden.dir", "target/golden"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("knowledge.json"), knowledge, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("brain.json"), brain, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- a small ordered JSON writer

  /** Steps in Json's golden format: {op, args, result | error}. */
  private static final class Script {
    private final StringBuilder sb = new StringBuilder(1 << 14);
    private int count;

    interface Call {
      Object run();
    }

    void run(String op, List<Object> args, Call call) {
      Object result;
      String error = null;
      try {
        result = call.run();
      } catch (IllegalArgumentException e) {
        result = null;
        error = e.getMessage();
      }
      sb.append(count++ == 0 ? "" : ",\n").append("{\"op\":");
      write(sb, op);
      sb.append(",\"args\":");
      write(sb, args);
      if (error != null) {
        sb.append(",\"error\":");
        write(sb, error);
      } else {
        sb.append(",\"result\":");
        write(sb, result);
      }
      sb.append('}');
    }

    String json() {
      return "{\"format\":\"engram-golden\",\"version\":" + Json.VERSION + ",\"seed\":0,\"steps\":[\n" + sb + "\n]}\n";
    }
  }

  static List<Object> args(Object... values) {
    List<Object> list = new ArrayList<>();
    for (Object v : values) {
      list.add(v);
    }
    return list;
  }

  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> options(String from, int steps, long seed) {
    return obj("options", obj("from", from, "steps", steps, "seed", seed));
  }

  static Map<String, Object> repeat(String unit, int count) {
    return obj("repeat", unit, "count", count);
  }

  @SuppressWarnings("unchecked")
  static void write(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> Json.string(sb, s);
      case Integer n -> sb.append(n.intValue());
      case Long n -> sb.append(n.longValue());
      case Boolean b -> sb.append(b.booleanValue());
      // Shortest round-trip forms: JSON.parse recovers the exact double, and a float's printed form is
      // what a JVM JSON writer gives for it (npm turns the widened float back into that form).
      case Double d -> sb.append(d.toString());
      case Float f -> sb.append(f.toString());
      case Map<?, ?> m -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
          sb.append(first ? "" : ",");
          first = false;
          Json.string(sb, e.getKey());
          sb.append(':');
          write(sb, e.getValue());
        }
        sb.append('}');
      }
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          sb.append(i == 0 ? "" : ",");
          write(sb, list.get(i));
        }
        sb.append(']');
      }
      default -> throw new IllegalArgumentException("no JSON form for " + v.getClass());
    }
  }
}
