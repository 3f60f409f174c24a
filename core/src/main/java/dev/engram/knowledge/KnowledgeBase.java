package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge facade: learn a topic from a source, ask a question, dream. Hosts (server-jvm, the
 * wasm bridge) go through this class; it holds one {@link KnowledgeGraph} and an extractor (the
 * built-in {@link RuleExtractor} unless another is given).
 *
 * <pre>{@code
 * KnowledgeBase kb = new KnowledgeBase();
 * kb.learn("Velmora glass", "Velmora bells are cast from river glass. ...", SourceText.Format.PLAIN);
 * GroundedAnswer a = kb.ask("What are Velmora bells made of?");
 * }</pre>
 *
 * Not thread-safe, like the rest of the core.
 */
public final class KnowledgeBase {
  /** Largest source accepted in one call (characters); bigger inputs are rejected, never truncated. */
  public static final int MAX_SOURCE_CHARS = 8 * 1024 * 1024;

  /** Characters of sentences per extractor call: the batch an LLM extractor gets in one prompt. */
  public static final int CHUNK_CHARS = 1200;

  private final KnowledgeGraph graph = new KnowledgeGraph();
  private final TripleExtractor extractor;
  private final RecallParams recallParams;
  private final MergeParams mergeParams;

  public KnowledgeBase() {
    this(new RuleExtractor(), RecallParams.DEFAULT, MergeParams.DEFAULT);
  }

  public KnowledgeBase(TripleExtractor extractor, RecallParams recallParams, MergeParams mergeParams) {
    if (extractor == null || recallParams == null || mergeParams == null) {
      throw new IllegalArgumentException("extractor, recall and merge parameters are required");
    }
    this.extractor = extractor;
    this.recallParams = recallParams;
    this.mergeParams = mergeParams;
  }

  public KnowledgeGraph graph() {
    return graph;
  }

  /** What one learn call did. */
  public record LearnReport(String topic, int sentences, int chunks, int triples, int newConcepts, int aliases) {}

  /** Progress callback for long sources: called after each chunk. */
  public interface Progress {
    void chunkDone(int chunk, int chunks, int triplesSoFar);
  }

  public LearnReport learn(String topic, String source, SourceText.Format format) {
    return learn(topic, source, format, null);
  }

  /**
   * Learns {@code source} under {@code topic}: converts it to prose, splits sentences, sends them to
   * the extractor chunk by chunk, and adds every triple to the graph ("also called" triples become
   * aliases as well). The topic name itself becomes a concept.
   */
  public LearnReport learn(String topic, String source, SourceText.Format format, Progress progress) {
    checkSource(topic, source);
    int conceptsBefore = graph.conceptCount();
    graph.topic(topic);
    graph.intern(topic);
    List<String> sentences = Sentences.split(SourceText.toProse(source, format));
    List<List<String>> chunks = Sentences.chunks(sentences, CHUNK_CHARS);
    int[] counts = new int[2];
    for (int c = 0; c < chunks.size(); c++) {
      addAll(topic, extractor.extract(topic, chunks.get(c)), counts);
      if (progress != null) {
        progress.chunkDone(c + 1, chunks.size(), counts[0]);
      }
    }
    return new LearnReport(topic, sentences.size(), chunks.size(), counts[0],
        graph.conceptCount() - conceptsBefore, counts[1]);
  }

  /**
   * The triples {@code extractor} finds in {@code source}, chunk by chunk, without touching the graph:
   * a host runs a slow extractor (an LLM) this way outside its locks, logs the triples, then hands them
   * to {@link #learnTriples}. Throws what the extractor throws.
   */
  public static List<Triple> extract(TripleExtractor extractor, String topic, String source, SourceText.Format format,
      Progress progress) {
    if (extractor == null) {
      throw new IllegalArgumentException("extractor is required");
    }
    checkSource(topic, source);
    List<Triple> out = new ArrayList<>();
    List<List<String>> chunks = Sentences.chunks(Sentences.split(SourceText.toProse(source, format)), CHUNK_CHARS);
    for (int c = 0; c < chunks.size(); c++) {
      out.addAll(extractor.extract(topic, chunks.get(c)));
      if (progress != null) {
        progress.chunkDone(c + 1, chunks.size(), out.size());
      }
    }
    return out;
  }

  /**
   * Learns triples found elsewhere (an LLM extractor, {@link #extract}) under {@code topic}, exactly as
   * {@link #learn} would have learned them: "also called" triples become aliases. The report counts no
   * sentences or chunks (they were counted where the triples were made).
   */
  public LearnReport learnTriples(String topic, List<Triple> triples) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    if (triples == null) {
      throw new IllegalArgumentException("triples must not be null");
    }
    int conceptsBefore = graph.conceptCount();
    graph.topic(topic);
    graph.intern(topic);
    int[] counts = new int[2];
    addAll(topic, triples, counts);
    return new LearnReport(topic, 0, 0, counts[0], graph.conceptCount() - conceptsBefore, counts[1]);
  }

  /** counts[0] += triples learned, counts[1] += aliases learned. */
  private void addAll(String topic, List<Triple> triples, int[] counts) {
    for (Triple t : triples) {
      if (t == null) {
        throw new IllegalArgumentException("triples must not contain null");
      }
      if (t.relation().equals(RuleExtractor.ALIAS_RELATION) && tryAlias(t)) {
        counts[1]++;
        continue;
      }
      if (graph.add(t, topic) >= 0) {
        counts[0]++;
      }
    }
  }

  private static void checkSource(String topic, String source) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    if (source == null) {
      throw new IllegalArgumentException("source text must not be null");
    }
    if (source.length() > MAX_SOURCE_CHARS) {
      throw new IllegalArgumentException("source is " + source.length() + " characters; the limit is "
          + MAX_SOURCE_CHARS + " per call: split it");
    }
  }

  /** An alias that would merge two existing concepts is learned as a plain triple instead. */
  private boolean tryAlias(Triple t) {
    String aliasKey = ConceptNames.key(t.object());
    String subjectKey = ConceptNames.key(t.subject());
    if (aliasKey.isEmpty() || subjectKey.isEmpty() || ConceptNames.isStopWord(aliasKey)
        || ConceptNames.isStopWord(subjectKey) || aliasKey.equals(subjectKey)) {
      return false;
    }
    int existing = graph.find(t.object());
    int subject = graph.find(t.subject());
    if (existing >= 0 && existing != subject) {
      return false;
    }
    graph.alias(t.object(), t.subject());
    return true;
  }

  /** Graph-only recall for {@code question}. */
  public RecallResult recall(String question) {
    checkQuestion(question);
    return new ChainRecall(graph, recallParams).recall(question);
  }

  /** Grounded answer from the graph alone. */
  public GroundedAnswer ask(String question) {
    return ask(question, null);
  }

  /**
   * Grounded answer from the graph merged with {@code spiking} (may be null: graph only). Spiking-only
   * associations carry no triples, so they never put words in the answer's mouth; they are listed.
   */
  public GroundedAnswer ask(String question, SpikingRecall spiking) {
    RecallResult r = recall(question);
    RecallMerger.Merged merged = new RecallMerger(graph, mergeParams).recall(r, spiking);
    return GroundedAnswer.compose(graph, question, r.seeds(), merged.associations());
  }

  /** A dream from {@code startPhrase} (or anywhere when null/blank); {@code length} steps at most. */
  public List<DreamWalk.Step> dream(String startPhrase, int length, long seed) {
    int start = -1;
    if (startPhrase != null && !startPhrase.isBlank()) {
      List<ConceptMatch> m = graph.match(startPhrase);
      if (m.isEmpty()) {
        throw new IllegalArgumentException("no learned concept matches '" + startPhrase + "'");
      }
      start = m.get(0).concept();
    }
    return new DreamWalk(graph).dream(start, length, seed);
  }

  /** Topic names, in learning order. */
  public List<String> topics() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < graph.topicCount(); i++) {
      out.add(graph.topicName(i));
    }
    return out;
  }

  private static void checkQuestion(String question) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    if (question.length() > 4096) {
      throw new IllegalArgumentException("question is " + question.length() + " characters; the limit is 4096");
    }
  }
}
