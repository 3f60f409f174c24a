package dev.engram.server.llm;

import dev.engram.knowledge.Triple;
import dev.engram.knowledge.TripleExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * Triples by an LLM: one request per batch of sentences (the knowledge base hands over about 1,200
 * characters at a time), the reply read as one "subject | relation | object" per line. Lines that are
 * not three non-empty parts are skipped (models add chatter); a reply with none at all for sentences
 * that state something is still a valid "nothing found". An endpoint failure is an
 * {@link TripleExtractor.ExtractionException} naming the endpoint and the batch.
 */
public final class LlmExtractor implements TripleExtractor {
  static final String SYSTEM = String.join("\n",
      "You extract knowledge triples from text.",
      "Write one triple per line as: subject | relation | object",
      "Use short noun phrases from the text for subject and object, and a short verb phrase for relation",
      "(\"grinds\", \"is made from\", \"is part of\"). Replace pronouns by what they refer to.",
      "When the text gives a second name for something, write: name | also called | other name",
      "Write nothing else: no numbering, no comments. Write NONE when the text states no facts.");

  private final LlmClient client;

  public LlmExtractor(LlmClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client is required");
    }
    this.client = client;
  }

  @Override
  public String name() {
    return client.config().label();
  }

  @Override
  public List<Triple> extract(String topic, List<String> sentences) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    if (sentences == null || sentences.isEmpty()) {
      return List.of();
    }
    StringBuilder user = new StringBuilder("Topic: ").append(topic.strip()).append("\n\nText:\n");
    for (String s : sentences) {
      user.append(s.strip()).append('\n');
    }
    String reply;
    try {
      reply = client.chat(SYSTEM, user.toString());
    } catch (LlmClient.LlmException e) {
      throw new ExtractionException("triple extraction failed on a batch of " + sentences.size() + " sentences: "
          + e.getMessage(), e);
    }
    return parse(reply);
  }

  /** The triples in a reply: "a | b | c" lines, bullets and numbering stripped, anything else skipped. */
  static List<Triple> parse(String reply) {
    List<Triple> out = new ArrayList<>();
    for (String raw : reply.split("\n")) {
      String line = raw.strip();
      // "1. a | b | c", "- a | b | c", "* a | b | c"
      int k = 0;
      while (k < line.length() && (Character.isDigit(line.charAt(k)) || line.charAt(k) == '.' || line.charAt(k) == ')'
          || line.charAt(k) == '-' || line.charAt(k) == '*' || line.charAt(k) == ' ')) {
        k++;
      }
      line = line.substring(k);
      String[] parts = line.split("\\|", -1);
      if (parts.length != 3) {
        continue;
      }
      String s = clean(parts[0]);
      String r = clean(parts[1]).toLowerCase(java.util.Locale.ROOT);
      String o = clean(parts[2]);
      if (s.isEmpty() || r.isEmpty() || o.isEmpty() || s.length() > 120 || o.length() > 120 || r.length() > 60) {
        continue;
      }
      out.add(new Triple(s, r, o));
    }
    return out;
  }

  private static String clean(String part) {
    String t = part.strip();
    while (!t.isEmpty() && (t.charAt(0) == '"' || t.charAt(0) == '\'' || t.charAt(0) == '(' || t.charAt(0) == '[')) {
      t = t.substring(1).strip();
    }
    while (!t.isEmpty() && ".\"')],;".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }
}
