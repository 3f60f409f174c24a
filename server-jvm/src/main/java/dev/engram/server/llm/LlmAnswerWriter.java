package dev.engram.server.llm;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the answer to a question from recalled facts only. The prompt carries the question and the
 * learned statements behind the recalled associations, nothing else, and tells the model to say so
 * when they do not answer it; what the model knows from training is not asked for.
 */
public final class LlmAnswerWriter {
  static final String SYSTEM = String.join("\n",
      "You answer questions using ONLY the numbered facts given with the question.",
      "Do not add anything you know from elsewhere. If the facts do not answer the question, say that you",
      "have not learned enough to answer it. Answer in one to three plain sentences.");

  private final LlmClient client;

  public LlmAnswerWriter(LlmClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client is required");
    }
    this.client = client;
  }

  public String label() {
    return client.config().label();
  }

  /** The whole answer. */
  public String write(String question, List<String> facts) {
    return client.chat(SYSTEM, prompt(question, facts));
  }

  /** The answer streamed piece by piece into {@code token}; returns the whole. */
  public String stream(String question, List<String> facts, Consumer<String> token) {
    return client.stream(SYSTEM, prompt(question, facts), token);
  }

  static String prompt(String question, List<String> facts) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    if (facts == null || facts.isEmpty()) {
      throw new IllegalArgumentException("an answer needs recalled facts; with none, say that nothing was learned");
    }
    StringBuilder sb = new StringBuilder("Facts:\n");
    for (int i = 0; i < facts.size(); i++) {
      sb.append(i + 1).append(". ").append(facts.get(i)).append('\n');
    }
    return sb.append("\nQuestion: ").append(question.strip()).toString();
  }
}
