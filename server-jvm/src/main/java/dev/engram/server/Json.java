package dev.engram.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import dev.engram.neuron.Dispatcher;
import java.util.Map;

/**
 * The JSON shapes of the operation vocabulary, shared by HTTP responses, {@code --json} CLI output and
 * the shell's JSON mode, so a client parses one format whichever way it talks to engram.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"stored": N}} */
  public static ObjectNode stored(int n) {
    return MAPPER.createObjectNode().put("stored", n);
  }

  /** {@code {"value": "..."}} or {@code {"value": null}} */
  public static ObjectNode value(String value) {
    return MAPPER.createObjectNode().put("value", value);
  }

  /** {@code {"facts": ["...", ...]}} */
  public static ObjectNode facts(String[] facts) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("facts");
    for (String fact : facts) {
      array.add(fact);
    }
    return node;
  }

  /** {@code {"value": "..." | null, "path": ["start", "hop 1", ...]}} */
  public static ObjectNode chain(Chain chain) {
    ObjectNode node = MAPPER.createObjectNode().put("value", chain.value());
    ArrayNode array = node.putArray("path");
    for (String step : chain.path()) {
      array.add(step);
    }
    return node;
  }

  /** {@code {"value": "..." | null, "fact": "..." | null, "confidence": 0..1}} */
  public static ObjectNode answer(Answer answer) {
    return MAPPER.createObjectNode()
        .put("value", answer.value())
        .put("fact", answer.fact())
        .put("confidence", answer.confidence());
  }

  /** {@code {"route": "ANSWER"|"STORE"|"FETCH"|"ESCALATE", "value": "..." | null, "facts": [...], "confidence": 0..1}} */
  public static ObjectNode route(Dispatcher.Decision d) {
    ObjectNode node = MAPPER.createObjectNode().put("route", d.route().name()).put("value", d.value());
    ArrayNode array = node.putArray("facts");
    for (String fact : d.facts()) {
      array.add(fact);
    }
    return node.put("confidence", d.confidence());
  }

  /** {@code {"id": N, "text", "kind", "score", "value" | null, "why", "strength"}} */
  public static ObjectNode item(Recalled r) {
    return MAPPER.createObjectNode()
        .put("id", r.id())
        .put("text", r.text())
        .put("kind", r.kind())
        .put("score", r.score())
        .put("value", r.value())
        .put("why", r.why())
        .put("strength", r.strength());
  }

  /** {@code {"items": [item, ...]}} */
  public static ObjectNode items(Recalled[] items) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("items");
    for (Recalled r : items) {
      array.add(item(r));
    }
    return node;
  }

  /** {@code {"items": [item, ...], "next": "cursor" | null}} */
  public static ObjectNode page(RecallPage page) {
    return items(page.items()).put("next", page.next());
  }

  /**
   * A recall page: {@code {"facts": ["...", ...], "items": [item, ...], "next": "cursor" | null}};
   * {@code facts} repeats the texts for clients of the first API.
   */
  public static ObjectNode recall(RecallPage page) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode facts = node.putArray("facts");
    for (Recalled r : page.items()) {
      facts.add(r.text());
    }
    node.setAll(page(page));
    return node;
  }

  /** {@code {"score": 0..1}}: how much of a question memory holds. */
  public static ObjectNode assess(double score) {
    return MAPPER.createObjectNode().put("score", score);
  }

  /** {@code {"forgotten": N}} */
  public static ObjectNode forgotten(int n) {
    return MAPPER.createObjectNode().put("forgotten", n);
  }

  /** {@code {"name": "...", "value": "..." | null}} */
  public static ObjectNode variable(String name, String value) {
    return MAPPER.createObjectNode().put("name", name).put("value", value);
  }

  /** {@code {"name": "...", "deleted": true | false}} */
  public static ObjectNode deleted(String name, boolean deleted) {
    return MAPPER.createObjectNode().put("name", name).put("deleted", deleted);
  }

  /** {@code {"vars": {"name": "value", ...}}} in name order */
  public static ObjectNode vars(Map<String, String> vars) {
    ObjectNode node = MAPPER.createObjectNode();
    ObjectNode map = node.putObject("vars");
    for (Map.Entry<String, String> e : vars.entrySet()) {
      map.put(e.getKey(), e.getValue());
    }
    return node;
  }

  /** {@code {"scopes": ["...", ...]}} */
  public static ObjectNode scopes(String[] scopes) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("scopes");
    for (String scope : scopes) {
      array.add(scope);
    }
    return node;
  }

  /** {@code {"scope": "..." | null, "scopes", "facts", "forgotten", "terms", "links", "vars"}}; scope null = the whole store */
  public static ObjectNode stats(String scope, Stats s) {
    return MAPPER.createObjectNode()
        .put("scope", scope)
        .put("scopes", s.scopes())
        .put("facts", s.facts())
        .put("forgotten", s.forgotten())
        .put("terms", s.terms())
        .put("links", s.links())
        .put("vars", s.vars());
  }

  /** {@code {"error": "..."}} */
  public static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  /** One-line JSON text of {@code node}. */
  public static String text(ObjectNode node) {
    return node.toString();
  }
}
