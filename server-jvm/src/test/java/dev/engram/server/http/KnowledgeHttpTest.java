package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.knowledge.KnowledgeBase;
import dev.engram.server.Json;
import dev.engram.server.KnowledgeVerbs;
import dev.engram.server.llm.MockLlmEndpoint;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/brain/learn, ask, topics and concepts against a server started in-process on a free port. */
class KnowledgeHttpTest {
  @TempDir Path tmp;

  private static final String LANTERNS = "Quellbrook lanterns burn moss oil. The moss oil comes from the Tarnwick"
      + " marshes. Tarnwick marshes are flooded every spring by the river Oslen.";
  private static final String BRIDGE_SRT = "1\n00:00:01,000 --> 00:00:03,000\nThe Drossel bridge is built from"
      + " blue basalt.\n\n2\n00:00:03,000 --> 00:00:05,000\n[Music] Blue basalt is quarried near Fennmoor.\n";

  private final ApiClient api = new ApiClient(() -> this.server.port());
  private InProcessServer server;

  @BeforeEach
  void start() throws IOException {
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    return api.post(path, body);
  }

  private HttpResponse<String> post(String path, ObjectNode body) throws Exception {
    return api.post(path, body.toString());
  }

  private static ObjectNode body() {
    return Json.MAPPER.createObjectNode();
  }

  private static JsonNode ok(HttpResponse<String> response) throws IOException {
    return ApiClient.ok(response);
  }

  private static void rejected(int status, String says, HttpResponse<String> response) throws IOException {
    ApiClient.rejected(status, says, response);
  }

  @Test
  void learnAskAndTopicsSurviveARestart() throws Exception {
    JsonNode learned = ok(post("/v1/brain/learn", body().put("topic", "Quellbrook lanterns").put("text", LANTERNS)));
    assertEquals("Quellbrook lanterns", learned.get("topic").asText());
    assertTrue(learned.get("triples").asInt() >= 3, learned.toString());
    assertTrue(learned.get("ms").isNumber());
    JsonNode bridge = ok(post("/v1/brain/learn",
        body().put("topic", "Drossel bridge").put("text", BRIDGE_SRT).put("format", "srt")));
    assertTrue(bridge.get("triples").asInt() > 0, bridge.toString());

    JsonNode before = ok(post("/v1/brain/ask", body().put("question", "What do Quellbrook lanterns burn?")));
    assertFalse(before.get("knowsNothing").asBoolean());
    assertTrue(before.get("answer").asText().contains("moss oil"), before.toString());
    JsonNode first = before.get("associations").get(0);
    assertEquals("moss oil", first.get("name").asText(), before.toString());
    assertEquals("explicit", first.get("tag").asText());
    assertTrue(first.get("triples").get(0).asText().contains("burn"), before.toString());
    JsonNode basalt = ok(post("/v1/brain/ask", body().put("question", "What is the Drossel bridge built from?")));
    assertTrue(basalt.get("answer").asText().contains("blue basalt"), basalt.toString());

    JsonNode nothing = ok(post("/v1/brain/ask", body().put("question", "Who is Zorblax?")));
    assertTrue(nothing.get("knowsNothing").asBoolean(), nothing.toString());
    assertEquals(0, nothing.get("associations").size());

    JsonNode topics = ok(get("/v1/brain/topics"));
    assertEquals("Quellbrook lanterns", topics.get("topics").get(0).get("name").asText());
    assertEquals("Drossel bridge", topics.get("topics").get(1).get("name").asText());
    JsonNode concepts = ok(get("/v1/brain/concepts?topic=Drossel%20bridge"));
    assertTrue(concepts.toString().contains("Fennmoor"), concepts.toString());
    rejected(400, "no topic", get("/v1/brain/concepts?topic=Nowhere"));

    // restart: the learns are replayed from the log and answer the same
    server.close();
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp));
    assertEquals(before, ok(post("/v1/brain/ask", body().put("question", "What do Quellbrook lanterns burn?"))));
    assertEquals(topics, ok(get("/v1/brain/topics")));
  }

  @Test
  void dialogueStreamsAssociationsTokensAndTheAnswerAsServerSentEvents() throws Exception {
    ok(post("/v1/brain/learn", body().put("topic", "Quellbrook lanterns").put("text", LANTERNS)));
    HttpResponse<String> r = post("/v1/brain/dialogue", body().put("question", "What do Quellbrook lanterns burn?"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), r.headers().toString());
    String events = r.body();
    assertTrue(events.startsWith("event: associations\ndata: {"), events);
    assertTrue(events.contains("\"name\":\"moss oil\""), events);
    int tokens = events.split("event: token\n", -1).length - 1;
    assertTrue(tokens >= 3, events);
    int done = events.indexOf("event: done\ndata: ");
    assertTrue(done > 0, events);
    JsonNode last = Json.MAPPER.readTree(events.substring(done + "event: done\ndata: ".length()).strip());
    assertTrue(last.get("answer").asText().contains("moss oil"), last.toString());
    assertEquals("rules", last.get("answeredBy").asText());
    rejected(400, "\"question\" is required", post("/v1/brain/dialogue", body()));
  }

  @Test
  void dialogueStreamsTheLlmAnswerAndALearnThroughADownLlmIs502() throws Exception {
    ok(post("/v1/brain/learn", body().put("topic", "Quellbrook lanterns").put("text", LANTERNS)));
    try (MockLlmEndpoint mock = new MockLlmEndpoint()) {
      mock.reply = prompt -> "They burn moss oil from the Tarnwick marshes.";
      KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_LLM_URL", mock.base().toString(), "ENGRAM_LLM_MODEL", "mock-model",
          "ENGRAM_LLM_API", "ollama"));
      String events = post("/v1/brain/dialogue", body().put("question", "What do Quellbrook lanterns burn?")).body();
      assertTrue(events.contains("event: token\ndata: {\"text\":\" moss\"}"), events);
      assertTrue(events.contains("\"answer\":\"They burn moss oil from the Tarnwick marshes.\",\"answeredBy\":\"ollama:mock-model\""), events);
      assertTrue(mock.requests.get(0).contains("moss oil") && mock.requests.get(0).contains("\"stream\":true"), mock.requests.get(0));
    } finally {
      KnowledgeVerbs.setEnvironment(null);
    }
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try {
      KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_LLM_URL", "http://127.0.0.1:" + port + "/v1", "ENGRAM_LLM_MODEL", "m"));
      rejected(502, "is down or unreachable", post("/v1/brain/learn", body().put("topic", "Drossel bridge").put("text", BRIDGE_SRT)));
    } finally {
      KnowledgeVerbs.setEnvironment(null);
    }
    assertFalse(ok(get("/v1/brain/topics")).toString().contains("Drossel"));
  }

  @Test
  void badLearnAndAskBodiesAre4xxAndLearnNothing() throws Exception {
    rejected(400, "\"topic\" is required", post("/v1/brain/learn", body().put("text", LANTERNS)));
    rejected(400, "topic", post("/v1/brain/learn", body().put("topic", "  ").put("text", LANTERNS)));
    rejected(400, "empty", post("/v1/brain/learn", body().put("topic", "T").put("text", "")));
    rejected(400, "\"text\" is required", post("/v1/brain/learn", body().put("topic", "T")));
    rejected(400, "unknown format", post("/v1/brain/learn", body().put("topic", "T").put("text", "A is B.").put("format", "pdf")));
    rejected(400, "unknown field", post("/v1/brain/learn", body().put("topic", "T").put("text", "A is B.").put("url", "x")));
    rejected(400, "must be a string", post("/v1/brain/learn", body().put("topic", 5).put("text", "A is B.")));
    rejected(400, "not valid JSON", post("/v1/brain/learn", "{\"topic\": ".getBytes(StandardCharsets.UTF_8)));
    char[] big = new char[KnowledgeBase.MAX_SOURCE_CHARS + 1];
    Arrays.fill(big, 'a');
    rejected(400, "limit", post("/v1/brain/learn", body().put("topic", "T").put("text", new String(big))));
    rejected(400, "\"question\" is required", post("/v1/brain/ask", body()));
    rejected(400, "blank", post("/v1/brain/ask", body().put("question", " ")));
    rejected(405, "not allowed", get("/v1/brain/learn"));

    byte[] huge = new byte[(int) HttpServer.MAX_BODY_BYTES + 1024];
    Arrays.fill(huge, (byte) ' ');
    try {
      rejected(413, "limit", post("/v1/brain/learn", huge));
    } catch (IOException e) {
      // the server may answer and close before the client finished sending; the request still failed
    }
    assertEquals(0, ok(get("/v1/brain/topics")).get("topics").size(), "nothing refused was learned");
  }
}
