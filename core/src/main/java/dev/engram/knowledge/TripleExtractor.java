package dev.engram.knowledge;

import java.util.List;

/**
 * Turns sentences about a topic into triples. {@link RuleExtractor} is built in and always works;
 * an LLM extractor (Ollama or an OpenAI-compatible endpoint, in server-jvm; WebLLM in the web lab)
 * implements the same interface and receives the sentences in batches, one chunk per call (see
 * {@link Sentences#chunks}), so it can put many sentences in one prompt.
 *
 * <p>An implementation that cannot work (endpoint down, timeout, malformed reply) throws
 * {@link ExtractionException} with a message naming the cause and the endpoint; it never returns an
 * empty list to mean "failed". The caller decides whether to fall back to the rule extractor.
 */
public interface TripleExtractor {

  /** Short name for reports ("rules", "ollama:qwen2.5:1.5b"). */
  String name();

  /**
   * @param topic what the sentences are about; implementations may use it to resolve "it"
   * @param sentences one batch of sentences, in text order
   * @return the triples found, in text order; empty when the sentences state nothing extractable
   */
  List<Triple> extract(String topic, List<String> sentences);

  /** The extractor could not run (not: found nothing). */
  final class ExtractionException extends RuntimeException {
    public ExtractionException(String message, Throwable cause) {
      super(message, cause);
    }

    public ExtractionException(String message) {
      super(message);
    }
  }
}
