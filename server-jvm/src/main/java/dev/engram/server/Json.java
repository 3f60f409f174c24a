package dev.engram.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Chain;

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

  /** {@code {"error": "..."}} */
  public static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  /** One-line JSON text of {@code node}. */
  public static String text(ObjectNode node) {
    return node.toString();
  }
}
