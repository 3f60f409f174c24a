package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.knowledge.Association;
import dev.engram.knowledge.ConceptMatch;
import dev.engram.knowledge.DreamWalk;
import dev.engram.knowledge.GroundedAnswer;
import dev.engram.knowledge.KnowledgeBase;
import dev.engram.knowledge.KnowledgeGraph;
import dev.engram.knowledge.SourceText;
import dev.engram.knowledge.Triple;
import dev.engram.knowledge.TripleExtractor;
import dev.engram.server.llm.LlmAnswerWriter;
import dev.engram.server.llm.LlmClient;
import dev.engram.server.llm.LlmConfig;
import dev.engram.server.llm.LlmExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The knowledge verbs (learn, ask, topics, concepts, dream) and their JSON shapes, shared by the CLI
 * and HTTP. One knowledge base per data directory: topics are not scoped, unlike facts.
 */
public final class KnowledgeVerbs {
  private KnowledgeVerbs() {}

  /** Format names a caller may give (CLI {@code --format}, HTTP {@code "format"}). */
  public static SourceText.Format format(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "text", "plain", "txt" -> SourceText.Format.PLAIN;
      case "md", "markdown" -> SourceText.Format.MARKDOWN;
      case "vtt", "webvtt" -> SourceText.Format.WEBVTT;
      case "srt" -> SourceText.Format.SRT;
      default -> throw new IllegalArgumentException("unknown format '" + name + "'; use text, md, vtt or srt");
    };
  }

  /** Where the LLM settings (ENGRAM_LLM_URL, ENGRAM_LLM_MODEL, ...) are read from; tests point it elsewhere. */
  private static volatile Map<String, String> environment = System.getenv();

  /** Reads the LLM settings from {@code env} instead of the process environment (tests, embedding hosts). */
  public static void setEnvironment(Map<String, String> env) {
    environment = env == null ? System.getenv() : Map.copyOf(env);
  }

  /** The configured LLM, or null when none is (then the rule extractor and composed answers are used). */
  public static LlmConfig llm() {
    return LlmConfig.fromEnv(environment);
  }

  /**
   * Learns {@code text} under {@code topic}: with an LLM configured, its extractor runs first, outside the
   * memory lock and batch by batch (progress reported), and the triples it found are logged and learned;
   * without one, the rule extractor learns the text directly. An LLM that fails fails the learn, naming
   * the endpoint (nothing is logged); it never falls back silently to different knowledge.
   */
  public static ObjectNode learn(DurableEngram memory, String topic, String text, SourceText.Format format,
      KnowledgeBase.Progress progress) throws IOException {
    LlmConfig llm = llm();
    long start = System.nanoTime();
    if (llm == null) {
      ObjectNode node = learned(memory.learn(topic, text, format), (System.nanoTime() - start) / 1e6);
      return node.put("extractor", "rules");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the text to learn is empty");
    }
    LlmExtractor extractor = new LlmExtractor(new LlmClient(llm));
    int[] counts = new int[1];
    List<Triple> triples;
    try {
      triples = KnowledgeBase.extract(extractor, topic, text, format, (chunk, chunks, found) -> {
        counts[0] = chunks;
        if (progress != null) {
          progress.chunkDone(chunk, chunks, found);
        }
      });
    } catch (TripleExtractor.ExtractionException e) {
      throw new LlmClient.LlmException(e.getMessage() + "; nothing was learned", e);
    }
    KnowledgeBase.LearnReport r = memory.learnTriples(topic, extractor.name(), triples);
    KnowledgeBase.LearnReport shown = new KnowledgeBase.LearnReport(r.topic(), -1, counts[0], r.triples(),
        r.newConcepts(), r.aliases());
    ObjectNode node = learned(shown, (System.nanoTime() - start) / 1e6);
    node.remove("sentences");
    return node.put("extractor", extractor.name());
  }

  /**
   * Answers {@code question}: the grounded answer under the memory lock, then, with an LLM configured and
   * something recalled, the LLM's answer written from the recalled facts only (outside the lock). An LLM
   * failure keeps the composed answer and says why in {@code "llmError"}.
   */
  public static ObjectNode ask(DurableEngram memory, String question) throws IOException {
    ObjectNode node = memory.knowledge(kb -> ask(kb.graph(), kb.ask(question)));
    node.put("answeredBy", "rules");
    LlmConfig llm = llm();
    if (llm == null || node.get("knowsNothing").asBoolean()) {
      return node;
    }
    try {
      String text = new LlmAnswerWriter(new LlmClient(llm)).write(question, factsForLlm(node));
      node.put("answer", text.strip()).put("answeredBy", llm.label());
    } catch (LlmClient.LlmException e) {
      node.put("llmError", e.getMessage());
    }
    return node;
  }

  /** A knowledge call that may reach the LLM. */
  public interface LlmCall<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code call}, turning an LLM failure into an IllegalArgumentException with the same message, for
   * hosts (MCP) that report those to the caller as a failed call rather than an internal error.
   */
  public static <T> T reportingLlmFailure(LlmCall<T> call) throws IOException {
    try {
      return call.run();
    } catch (LlmClient.LlmException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Where dialogue events go: an event name and its JSON data. */
  public interface EventSink {
    void send(String event, String json) throws IOException;
  }

  /**
   * A dialogue turn as a stream of events: {@code associations} (the ask JSON without the answer), then
   * {@code token} events ({"text"}) carrying the answer as it is written (by the LLM when one is
   * configured, else the composed answer word by word), then {@code done} ({"answer", "answeredBy"}), or
   * {@code error} ({"error"}) when the LLM fails midway. Bad input throws before any event is sent.
   */
  public static void dialogue(DurableEngram memory, String question, EventSink sink) throws IOException {
    ObjectNode node = memory.knowledge(kb -> ask(kb.graph(), kb.ask(question)));
    String composed = node.get("answer").asText();
    ObjectNode head = node.deepCopy();
    head.remove("answer");
    sink.send("associations", Json.text(head));
    LlmConfig llm = llm();
    String answer;
    String by;
    if (llm == null || node.get("knowsNothing").asBoolean()) {
      for (String piece : words(composed)) {
        sink.send("token", Json.text(Json.MAPPER.createObjectNode().put("text", piece)));
      }
      answer = composed;
      by = "rules";
    } else {
      IOException[] failed = new IOException[1];
      try {
        answer = new LlmAnswerWriter(new LlmClient(llm)).stream(question, factsForLlm(node), piece -> {
          if (failed[0] == null) {
            try {
              sink.send("token", Json.text(Json.MAPPER.createObjectNode().put("text", piece)));
            } catch (IOException e) {
              failed[0] = e; // the client went away; the rest of the reply is read and dropped
            }
          }
        });
      } catch (LlmClient.LlmException e) {
        sink.send("error", Json.text(Json.error(e.getMessage())));
        return;
      }
      if (failed[0] != null) {
        throw failed[0];
      }
      by = llm.label();
    }
    sink.send("done", Json.text(Json.MAPPER.createObjectNode().put("answer", answer.strip()).put("answeredBy", by)));
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        out.add(text.substring(start, i));
        start = i;
      }
    }
    return out;
  }

  /** The facts of the grounded answer, then the triples behind the associations, each once, at most 24. */
  private static List<String> factsForLlm(ObjectNode ask) {
    java.util.LinkedHashSet<String> facts = new java.util.LinkedHashSet<>();
    ask.get("facts").forEach(f -> facts.add(f.asText()));
    for (var a : ask.get("associations")) {
      for (var t : a.get("triples")) {
        String text = t.asText();
        if (!KnowledgeGraph.isStructural(relationOf(text)) && facts.size() < 24) {
          facts.add(text);
        }
      }
    }
    return new ArrayList<>(facts);
  }

  /** Triple texts quote structural relations in parentheses; nothing else in them does. */
  private static String relationOf(String tripleText) {
    int open = tripleText.indexOf('(');
    int close = tripleText.indexOf(')', open + 1);
    return open >= 0 && close > open ? tripleText.substring(open, close + 1) : "";
  }

  /** {@code {"topic", "sentences", "chunks", "triples", "newConcepts", "aliases", "ms"}} */
  public static ObjectNode learned(KnowledgeBase.LearnReport r, double ms) {
    return Json.MAPPER.createObjectNode()
        .put("topic", r.topic())
        .put("sentences", r.sentences())
        .put("chunks", r.chunks())
        .put("triples", r.triples())
        .put("newConcepts", r.newConcepts())
        .put("aliases", r.aliases())
        .put("ms", Math.round(ms * 10) / 10.0);
  }

  /**
   * {@code {"question", "knowsNothing", "answer", "facts": [...], "seeds": [{"name", "kind", "score"}],
   * "associations": [{"name", "strength", "percent", "tag", "hops", "via", "triples": [...]}]}};
   * {@code triples} are the learned statements behind each association ("subject relation object").
   * Runs under the memory lock (it reads the graph for the triple texts).
   */
  public static ObjectNode ask(KnowledgeGraph graph, GroundedAnswer a) {
    ObjectNode node = Json.MAPPER.createObjectNode()
        .put("question", a.question())
        .put("knowsNothing", a.knowsNothing())
        .put("answer", a.text());
    ArrayNode facts = node.putArray("facts");
    a.facts().forEach(facts::add);
    ArrayNode seeds = node.putArray("seeds");
    for (ConceptMatch m : a.seeds()) {
      seeds.addObject().put("name", m.name()).put("kind", m.kind().name().toLowerCase(Locale.ROOT))
          .put("score", m.score());
    }
    double strongest = a.associations().isEmpty() ? 0 : a.associations().get(0).strength();
    for (Association s : a.associations()) {
      strongest = Math.max(strongest, s.strength());
    }
    ArrayNode list = node.putArray("associations");
    for (Association s : a.associations()) {
      ObjectNode item = list.addObject()
          .put("name", s.name())
          .put("strength", s.strength())
          .put("percent", s.percentOf(strongest))
          .put("tag", s.tag().label())
          .put("hops", s.hops())
          .put("via", s.via() >= 0 ? graph.name(s.via()) : null);
      ArrayNode triples = item.putArray("triples");
      for (int t : s.triples()) {
        triples.add(graph.tripleText(t));
      }
    }
    return node;
  }

  /** {@code {"topics": [{"name", "concepts"}]}} in learning order. */
  public static ObjectNode topics(KnowledgeGraph graph) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("topics");
    for (int t = 0; t < graph.topicCount(); t++) {
      array.addObject().put("name", graph.topicName(t)).put("concepts", graph.conceptsOfTopic(t).length);
    }
    return node;
  }

  /**
   * {@code {"topic": "..." | null, "concepts": [{"name", "degree", "aliases": [...]}]}}, most connected
   * first; a topic nobody learned is bad input.
   */
  public static ObjectNode concepts(KnowledgeGraph graph, String topic) {
    int[] order = graph.conceptsByDegree(topic);
    ObjectNode node = Json.MAPPER.createObjectNode().put("topic", topic);
    ArrayNode array = node.putArray("concepts");
    for (int c : order) {
      ObjectNode item = array.addObject().put("name", graph.name(c)).put("degree", graph.degree(c));
      ArrayNode aliases = item.putArray("aliases");
      graph.aliasesOf(c).forEach(aliases::add);
    }
    return node;
  }

  /** {@code {"seed": N, "steps": [{"from", "to", "triple"}]}} */
  public static ObjectNode dream(long seed, List<DreamWalk.Step> steps) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("seed", seed);
    ArrayNode array = node.putArray("steps");
    for (DreamWalk.Step s : steps) {
      array.addObject().put("from", s.fromName()).put("to", s.toName()).put("triple", s.triple());
    }
    return node;
  }

  /** Reads a learning source: a file (UTF-8) or standard input for "-", refusing more than one learn takes. */
  static String readSource(Cli cli, String file) throws IOException {
    if (file.equals("-")) {
      return readLimited(cli.in);
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(file + " is a directory; learn one file at a time");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readLimited(in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
  }

  private static String readLimited(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, UTF_8);
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[65536];
    for (int n; (n = reader.read(buffer)) > 0; ) {
      text.append(buffer, 0, n);
      if (text.length() > KnowledgeBase.MAX_SOURCE_CHARS) {
        throw new IllegalArgumentException("the source holds more than " + KnowledgeBase.MAX_SOURCE_CHARS
            + " characters, the limit for one learn; split it into several files");
      }
    }
    return text.toString();
  }

  @Command(
      name = "learn",
      mixinStandardHelpOptions = true,
      description = {
        "Learn SOURCE under a topic. SOURCE is a file, '-' for standard input, a directory (every .txt, .md,",
        ".vtt and .srt file in it, by name order), or an http(s) URL of a video whose subtitles yt-dlp fetches",
        "(yt-dlp must be installed). Files are plain text, Markdown, WebVTT or SRT (timing stripped, rolling",
        "captions de-duplicated, filler dropped), told apart by name, else by content. Sentences become",
        "subject|relation|object triples: by the built-in rule extractor, or by the LLM at ENGRAM_LLM_URL",
        "(model ENGRAM_LLM_MODEL) when both are set. Each learn is durable before it is reported."
      })
  static final class Learn implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "the topic it is about")
    String topic;

    @Option(names = "--format", paramLabel = "F", description = "text, md, vtt or srt (default: by name, then content)")
    String format;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "file, directory, URL, or '-' for stdin")
    String file;

    @Option(names = "--json", description = "print {\"topic\", \"sentences\", \"chunks\", \"triples\", \"newConcepts\", \"aliases\", \"ms\", \"extractor\"} (one per file)")
    boolean json;

    @Override
    public Integer call() throws IOException {
      SourceText.Format chosen = format != null ? format(format) : null;
      List<Path> files;
      Path fetched = null;
      if (file.startsWith("http://") || file.startsWith("https://")) {
        fetched = Files.createTempDirectory("engram-subs");
        files = Subtitles.fetch(file, fetched, cli.err);
      } else if (!file.equals("-") && Files.isDirectory(Path.of(file))) {
        files = sourcesIn(Path.of(file));
      } else {
        files = null;
      }
      try (DurableEngram memory = cli.open()) {
        if (files == null) {
          String text = readSource(cli, file);
          learnOne(memory, file.equals("-") ? null : file, text, chosen);
        } else {
          for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (!json) {
              cli.err.println("[" + (i + 1) + "/" + files.size() + "] " + f.getFileName());
            }
            learnOne(memory, f.toString(), readSource(cli, f.toString()), chosen);
          }
        }
      } finally {
        if (fetched != null) {
          try (Stream<Path> left = Files.list(fetched)) {
            for (Path p : (Iterable<Path>) left::iterator) {
              Files.deleteIfExists(p);
            }
          }
          Files.deleteIfExists(fetched);
        }
      }
      return Cli.OK;
    }

    private void learnOne(DurableEngram memory, String name, String text, SourceText.Format chosen) throws IOException {
      SourceText.Format f = chosen != null ? chosen : SourceText.Format.detect(name, text);
      KnowledgeBase.Progress progress = json ? null
          : (chunk, chunks, found) -> cli.err.println("  extracting: batch " + chunk + "/" + chunks + ", " + found + " triples");
      ObjectNode node;
      try {
        node = KnowledgeVerbs.learn(memory, topic, text, f, progress);
      } catch (LlmClient.LlmException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      if (json) {
        cli.out.println(Json.text(node));
      } else {
        cli.out.println("learned '" + node.get("topic").asText() + "' (" + f.name().toLowerCase(Locale.ROOT)
            + "): "
            + (node.has("sentences") ? node.get("sentences").asInt() + " sentences, " : "")
            + node.get("triples").asInt() + " triples, " + node.get("newConcepts").asInt() + " new concepts, "
            + node.get("aliases").asInt() + " aliases in " + Math.round(node.get("ms").asDouble()) + " ms by "
            + node.get("extractor").asText() + " (logged, then learned)");
      }
    }
  }

  /** The learnable files directly in {@code dir} (.txt, .md, .markdown, .vtt, .srt), by name; none is bad input. */
  static List<Path> sourcesIn(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(p) && (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".markdown")
            || n.endsWith(".vtt") || n.endsWith(".srt"))) {
          out.add(p);
        }
      }
    }
    out.sort(null);
    if (out.isEmpty()) {
      throw new IllegalArgumentException(dir + " holds no .txt, .md, .vtt or .srt file to learn");
    }
    return out;
  }

  /** Subtitles of a video URL through yt-dlp, when it is installed. */
  static final class Subtitles {
    private Subtitles() {}

    /** The yt-dlp command: ENGRAM_YTDLP, else "yt-dlp" on PATH. */
    static String command() {
      String c = environment.get("ENGRAM_YTDLP");
      return c == null || c.isBlank() ? "yt-dlp" : c;
    }

    /** Downloads the English subtitles of {@code url} (manual, else automatic) as .vtt files into {@code dir}. */
    static List<Path> fetch(String url, Path dir, java.io.PrintWriter err) throws IOException {
      List<String> cmd = List.of(command(), "--skip-download", "--write-subs", "--write-auto-subs", "--sub-langs", "en.*,en",
          "--sub-format", "vtt", "--convert-subs", "vtt", "-o", dir.resolve("%(id)s.%(ext)s").toString(), url);
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new IllegalArgumentException("learning from a URL needs yt-dlp, and '" + command() + "' could not be run ("
            + e.getMessage() + "); install it (e.g. pipx install yt-dlp) or download the subtitles and learn the .vtt file");
      }
      String log = new String(p.getInputStream().readAllBytes(), UTF_8);
      try {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new IllegalArgumentException("yt-dlp did not finish within 10 minutes for " + url);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted while yt-dlp ran", e);
      }
      if (p.exitValue() != 0) {
        throw new IllegalArgumentException("yt-dlp failed (exit " + p.exitValue() + ") for " + url + ": " + tail(log));
      }
      List<Path> subs = new ArrayList<>();
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(f -> f.toString().endsWith(".vtt")).sorted().forEach(subs::add);
      }
      if (subs.isEmpty()) {
        throw new IllegalArgumentException("yt-dlp found no English subtitles for " + url);
      }
      err.println("fetched " + subs.size() + " subtitle file(s) with yt-dlp");
      return subs;
    }

    private static String tail(String log) {
      String t = log.strip();
      return t.length() <= 400 ? t : "..." + t.substring(t.length() - 400);
    }
  }

  @Command(
      name = "ask",
      mixinStandardHelpOptions = true,
      description = {
        "Answer QUESTION from what was learned: the associations (concept, strength, tag, the triples",
        "behind each) and an answer: written from those triples only by the LLM at ENGRAM_LLM_URL when one is",
        "configured, else composed from them. Tags: [explicit] reached through the concept graph. Exit code 3",
        "when nothing learned matches the question."
      })
  static final class Ask implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "QUESTION")
    List<String> words;

    @Option(names = "--json", description = "print {\"question\", \"knowsNothing\", \"answer\", \"answeredBy\", \"facts\", \"seeds\", \"associations\": [{\"name\", \"strength\", \"percent\", \"tag\", \"hops\", \"via\", \"triples\"}]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String question = Cli.join(words);
      ObjectNode node;
      try (DurableEngram memory = cli.open()) {
        node = KnowledgeVerbs.ask(memory, question);
      }
      if (!json && node.has("llmError")) {
        cli.err.println("engram: the LLM could not write the answer, so it is composed from the triples: "
            + node.get("llmError").asText());
      }
      boolean nothing = node.get("knowsNothing").asBoolean();
      if (json) {
        cli.out.println(Json.text(node));
      } else if (nothing) {
        cli.err.println("engram: " + node.get("answer").asText());
      } else {
        cli.out.println(node.get("answer").asText());
        for (var a : node.get("associations")) {
          cli.out.println("  [" + a.get("tag").asText() + "] " + a.get("name").asText() + "  "
              + a.get("percent").asInt() + "%" + (a.get("via").isNull() ? "" : "  via " + a.get("via").asText()));
          for (var t : a.get("triples")) {
            cli.out.println("      " + t.asText());
          }
        }
      }
      return nothing ? Cli.NO_ANSWER : Cli.OK;
    }
  }

  @Command(name = "topics", mixinStandardHelpOptions = true, description = "List the learned topics and how many concepts each holds.")
  static final class Topics implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--json", description = "print {\"topics\": [{\"name\", \"concepts\"}]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      ObjectNode node;
      try (DurableEngram memory = cli.open()) {
        node = memory.knowledge(kb -> topics(kb.graph()));
      }
      if (json) {
        cli.out.println(Json.text(node));
      } else {
        for (var t : node.get("topics")) {
          cli.out.println(t.get("name").asText() + "\t" + t.get("concepts").asInt());
        }
      }
      return Cli.OK;
    }
  }

  @Command(name = "concepts", mixinStandardHelpOptions = true, description = "List learned concepts, most connected first, with their degree.")
  static final class Concepts implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--topic", paramLabel = "T", description = "only the concepts learned under topic T")
    String topic;

    @Option(names = "--json", description = "print {\"topic\", \"concepts\": [{\"name\", \"degree\", \"aliases\"}]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      ObjectNode node;
      try (DurableEngram memory = cli.open()) {
        node = memory.knowledge(kb -> concepts(kb.graph(), topic));
      }
      if (json) {
        cli.out.println(Json.text(node));
      } else {
        for (var c : node.get("concepts")) {
          StringBuilder line = new StringBuilder(c.get("name").asText()).append('\t').append(c.get("degree").asInt());
          if (!c.get("aliases").isEmpty()) {
            List<String> names = new ArrayList<>();
            c.get("aliases").forEach(n -> names.add(n.asText()));
            line.append("\taka ").append(String.join(", ", names));
          }
          cli.out.println(line);
        }
      }
      return Cli.OK;
    }
  }

  @Command(name = "dream", mixinStandardHelpOptions = true, description = "A seeded walk through the concept graph: each step one learned triple.")
  static final class Dream implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--seed", paramLabel = "N", description = "random seed; the same seed and knowledge give the same dream (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--from", paramLabel = "PHRASE", description = "start at the concept PHRASE names (default: anywhere)")
    String from;

    @Option(names = "--steps", paramLabel = "N", description = "most steps, 1..64 (default: ${DEFAULT-VALUE})")
    int steps = 8;

    @Option(names = "--json", description = "print {\"seed\", \"steps\": [{\"from\", \"to\", \"triple\"}]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      ObjectNode node;
      try (DurableEngram memory = cli.open()) {
        node = memory.knowledge(kb -> dream(seed, kb.dream(from, steps, seed)));
      }
      if (json) {
        cli.out.println(Json.text(node));
      } else if (node.get("steps").isEmpty()) {
        cli.err.println("engram: nothing learned to dream about");
      } else {
        for (var s : node.get("steps")) {
          cli.out.println(s.get("triple").asText());
        }
      }
      return Cli.OK;
    }
  }
}
