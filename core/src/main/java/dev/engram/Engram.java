package dev.engram;

import dev.engram.memory.Memory;

/**
 * The engine's public face: one in-memory store of named scopes, each a bag of plain-language facts.
 *
 * <p>Every host (the JVM server and CLI, the wasm bridge, the npm package) goes through this class, so
 * an operation behaves identically everywhere. Arguments are checked here, once, and a bad one raises
 * {@link IllegalArgumentException} with a message meant for the caller; nothing is truncated silently.
 *
 * <pre>{@code
 * Engram engram = new Engram();
 * engram.observe("user:42", "The deploy region is us-west-2.");
 * engram.get("user:42", "what's the deploy region?");   // "us-west-2"
 * engram.get("user:42", "what is the api key?");        // null: memory does not hold it
 * }</pre>
 *
 * <p>Not thread-safe: the JVM server serialises writers around it; wasm is single-threaded.
 */
public final class Engram {
  private final Memory memory = new Memory();

  /**
   * Stores the facts in {@code text}: it is split into sentences, and each statement becomes one fact
   * (questions are not stored). Returns the number of facts stored.
   */
  public int observe(String scope, String text) {
    Limits.checkScope(scope);
    Limits.checkText(text);
    return memory.observe(scope, text);
  }

  /** {@link #observe} for each text, in order; returns the total number of facts stored. */
  public int observeMany(String scope, String[] texts) {
    Limits.checkScope(scope);
    Limits.checkBatch(texts);
    int stored = 0;
    for (String text : texts) {
      stored += memory.observe(scope, text);
    }
    return stored;
  }

  /** The value that answers {@code question} in {@code scope}, or {@code null} when memory does not hold it. */
  public String get(String scope, String question) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    return memory.get(scope, question);
  }

  /** The texts of the (at most {@code k}) facts that best match {@code question}, best first. */
  public String[] recall(String scope, String question, int k) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    Limits.checkK(k);
    return memory.recall(scope, question, k);
  }

  /** Number of facts held in {@code scope} (0 for a scope never written). */
  public int size(String scope) {
    Limits.checkScope(scope);
    return memory.size(scope);
  }
}
