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
    int[] ids;
    if (topic == null) {
      ids = new int[graph.conceptCount()];
      for (int c = 0; c < ids.length; c++) {
        ids[c] = c;
      }
    } else {
      int t = graph.findTopic(topic);
      if (t < 0) {
        throw new IllegalArgumentException("no topic named '" + topic + "' was learned");
      }
      ids = graph.conceptsOfTopic(t);
    }
    List<Integer> order = new ArrayList<>();
    for (int c : ids) {
      order.add(c);
    }
    order.sort((x, y) -> graph.degree(x) != graph.degree(y) ? Integer.compare(graph.degree(y), graph.degree(x))
        : graph.name(x).compareTo(graph.name(y)));
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
        "Learn FILE (or standard input when FILE is '-') under a topic: plain text, Markdown (.md), WebVTT",
        "(.vtt) or SRT (.srt) subtitles, told apart by the file name or else by the content. Sentences become",
        "subject|relation|object triples in the knowledge base (the built-in rule extractor; no network).",
        "The learn is durable before it is reported. One knowledge base per data directory (not per scope)."
      })
  static final class Learn implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "the topic it is about")
    String topic;

    @Option(names = "--format", paramLabel = "F", description = "text, md, vtt or srt (default: by name, then content)")
    String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "the source ('-' reads stdin)")
    String file;

    @Option(names = "--json", description = "print {\"topic\", \"sentences\", \"chunks\", \"triples\", \"newConcepts\", \"aliases\", \"ms\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      SourceText.Format chosen = format != null ? format(format) : null;
      String text = readSource(cli, file);
      if (chosen == null) {
        chosen = SourceText.Format.detect(file.equals("-") ? null : file, text);
      }
      KnowledgeBase.LearnReport report;
      long start;
      try (DurableEngram memory = cli.open()) {
        start = System.nanoTime();
        report = memory.learn(topic, text, chosen);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      if (json) {
        cli.out.println(Json.text(learned(report, ms)));
      } else {
        cli.out.println("learned '" + report.topic() + "' (" + chosen.name().toLowerCase(Locale.ROOT) + "): "
            + report.sentences() + " sentences, " + report.triples() + " triples, " + report.newConcepts()
            + " new concepts, " + report.aliases() + " aliases in " + Math.round(ms) + " ms (logged, then learned)");
      }
      return Cli.OK;
    }
  }

  @Command(
      name = "ask",
      mixinStandardHelpOptions = true,
      description = {
        "Answer QUESTION from what was learned: the associations (concept, strength, tag, the triples",
        "behind each) and an answer composed from those triples (no LLM). Tags: [explicit] reached through",
        "the concept graph. Exit code 3 when nothing learned matches the question."
      })
  static final class Ask implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "QUESTION")
    List<String> words;

    @Option(names = "--json", description = "print {\"question\", \"knowsNothing\", \"answer\", \"facts\", \"seeds\", \"associations\": [{\"name\", \"strength\", \"percent\", \"tag\", \"hops\", \"via\", \"triples\"}]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String question = Cli.join(words);
      ObjectNode node;
      try (DurableEngram memory = cli.open()) {
        node = memory.knowledge(kb -> ask(kb.graph(), kb.ask(question)));
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
