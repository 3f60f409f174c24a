package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram mcp} in-process: JSON-RPC lines through pipes into the SDK server, answers read back.
 * The real-client test is server-jvm/src/test/mcp/client.test.mjs (the TypeScript SDK over stdio).
 */
class McpVerbTest {
  @TempDir Path tmp;

  private DurableEngram memory;
  private McpSyncServer server;
  private OutputStream toServer;
  private final Map<Integer, JsonNode> answers = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private Thread reader;

  @BeforeEach
  void start() throws Exception {
    memory = DurableEngram.open(tmp.resolve("db"), w -> {});
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    server = McpVerb.start(memory, "team", serverIn, serverOut);
    reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(clientIn, UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          JsonNode node = Json.MAPPER.readTree(line);
          if (node.has("id")) {
            synchronized (answers) {
              answers.put(node.get("id").asInt(), node);
              answers.notifyAll();
            }
          }
        }
      } catch (Exception e) {
        // the pipe closes when the test ends
      }
    }, "mcp-test-reader");
    reader.setDaemon(true);
    reader.start();
    JsonNode init = request("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "junit", "version", "1")));
    assertEquals("engram", init.at("/result/serverInfo/name").asText(), init.toString());
    send(Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    server.closeGracefully();
    memory.close();
  }

  private void send(ObjectNode message) throws Exception {
    toServer.write((message.toString() + "\n").getBytes(UTF_8));
    toServer.flush();
  }

  private JsonNode request(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    message.set("params", Json.MAPPER.valueToTree(params));
    send(message);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (answers) {
      while (!answers.containsKey(id)) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        assertTrue(left > 0, "no answer to " + message);
        answers.wait(left);
      }
      return answers.get(id);
    }
  }

  /** The tool's result: {@code isError} and its JSON text parsed. */
  private record Result(boolean error, JsonNode json) {}

  private Result call(String tool, Map<String, Object> args) throws Exception {
    JsonNode answer = request("tools/call", Map.of("name", tool, "arguments", args));
    JsonNode result = answer.get("result");
    assertNotNull(result, answer.toString());
    String text = result.at("/content/0/text").asText();
    boolean error = result.path("isError").asBoolean(false);
    return new Result(error, error && !text.startsWith("{") ? Json.MAPPER.createObjectNode().put("error", text)
        : Json.MAPPER.readTree(text));
  }

  @Test
  void learnAndAskReachTheKnowledgeBase() throws Exception {
    Result learned = call("learn", Map.of("topic", "Quellbrook lanterns", "text", "Quellbrook lanterns burn moss oil."));
    assertFalse(learned.error(), learned.toString());
    assertEquals("rules", learned.json().get("extractor").asText());
    Result asked = call("ask", Map.of("question", "What do Quellbrook lanterns burn?"));
    assertFalse(asked.error(), asked.toString());
    assertTrue(asked.json().get("answer").asText().contains("moss oil"), asked.toString());
    assertTrue(call("ask", Map.of("question", " ")).error());
  }

  @Test
  void listsTheNineToolsWithSchemas() throws Exception {
    JsonNode list = request("tools/list", Map.of());
    List<String> names = new ArrayList<>();
    for (JsonNode tool : list.at("/result/tools")) {
      names.add(tool.get("name").asText());
      assertEquals("object", tool.at("/inputSchema/type").asText(), tool.toString());
    }
    names.sort(null);
    assertEquals(List.of("ask", "forget", "learn", "note", "recall", "recall_associative", "recall_chain", "recall_value",
        "remember", "route", "stats", "var_get", "var_set", "vars"), names);
  }

  @Test
  void remembersThenRecallsTheValueInTheDefaultScope() throws Exception {
    assertEquals(1, call("remember", Map.of("text", "The deploy region is us-west-2.")).json().get("stored").asInt());
    Result answer = call("recall_value", Map.of("question", "what is the deploy region?"));
    assertEquals("us-west-2", answer.json().get("value").asText(), answer.toString());
    // The default scope is --scope: the CLI sees the fact there.
    assertEquals("us-west-2", memory.recallValue("team", "what is the deploy region?").value());
  }

  @Test
  void badArgumentsAreToolErrorsAndTheServerGoesOn() throws Exception {
    assertTrue(call("recall_value", Map.of()).error());
    assertTrue(call("recall", Map.of("question", "q", "k", 0)).error());
    assertTrue(call("note", Map.of("kind", "poem", "text", "Roses.")).error());
    Result forget = call("forget", Map.of("substring", " "));
    assertTrue(forget.error(), forget.toString());
    assertTrue(forget.json().get("error").asText().contains("empty"), forget.toString());
    assertTrue(call("remember", Map.of("scope", "", "text", "Hi.")).error());
    assertEquals(1, call("remember", Map.of("text", "The cache is Redis.")).json().get("stored").asInt());
  }
}
