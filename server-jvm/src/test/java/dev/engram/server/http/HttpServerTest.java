package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.Limits;
import dev.engram.server.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract, against a server started in-process on a free port. */
class HttpServerTest {
  @TempDir Path tmp;

  private final ApiClient api = new ApiClient(() -> this.server.port());
  private Path db;
  private Path lab;
  private Path dist;
  private InProcessServer server;

  @BeforeEach
  void start() throws IOException {
    db = tmp.resolve("db");
    lab = Files.createDirectories(tmp.resolve("web-lab"));
    Files.writeString(lab.resolve("index.html"), "<!doctype html><title>engram lab</title>");
    dist = Files.createDirectories(tmp.resolve("dist"));
    Files.writeString(dist.resolve("index.js"), "export class Engram {}");
    startServer(dist);
  }

  private void startServer(Path npmDist) throws IOException {
    server = InProcessServer.start(db, new HttpServer.Options("127.0.0.1", 0, lab, npmDist));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private void restart(Path npmDist) throws IOException {
    stop();
    startServer(npmDist);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    return api.post(path, body);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body);
  }

  private HttpResponse<String> put(String path, String body) throws Exception {
    return api.put(path, body);
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return api.delete(path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return ApiClient.json(response);
  }

  private static JsonNode ok(HttpResponse<String> response) throws IOException {
    return ApiClient.ok(response);
  }

  private static void rejected(int status, String says, HttpResponse<String> response) throws IOException {
    ApiClient.rejected(status, says, response);
  }

  @Test
  void routeAnswersStoresDurablyAndRejectsBadBodies() throws Exception {
    ok(post("/v1/team/observe", "{\"text\": \"The deploy region is us-west-2.\"}"));
    JsonNode answer = ok(post("/v1/route", "{\"scope\": \"team\", \"message\": \"what is the deploy region?\"}"));
    assertEquals("ANSWER", answer.get("route").asText(), answer.toString());
    assertEquals("us-west-2", answer.get("value").asText());
    assertEquals("The deploy region is us-west-2.", answer.get("facts").get(0).asText());
    assertTrue(answer.get("confidence").asDouble() > 0.5, answer.toString());

    JsonNode store = ok(post("/v1/route", "{\"scope\": \"team\", \"message\": \"The gym opens at 6am.\"}"));
    assertEquals("STORE", store.get("route").asText(), store.toString());
    assertEquals("The gym opens at 6am.", store.get("value").asText());
    restart(dist);
    assertEquals(2, server.memory.size("team"), "the stored fact survives a restart");
    JsonNode live = ok(post("/v1/route", "{\"scope\": \"team\", \"message\": \"is the gym open right now?\"}"));
    assertEquals("FETCH", live.get("route").asText(), live.toString());
    assertTrue(live.get("value").isNull(), live.toString());

    rejected(400, "\"message\" is required", post("/v1/route", "{\"scope\": \"team\"}"));
    rejected(400, "\"scope\" is required", post("/v1/route", "{\"message\": \"hi\"}"));
    rejected(400, "must be a string", post("/v1/route", "{\"scope\": \"team\", \"message\": 7}"));
    rejected(400, "unknown field 'text'", post("/v1/route", "{\"scope\": \"team\", \"text\": \"hi\"}"));
    rejected(400, "must not be empty", post("/v1/route", "{\"scope\": \"team\", \"message\": \"  \"}"));
    rejected(400, "not valid JSON", post("/v1/route", "{"));
  }

  @Test
  void healthz() throws Exception {
    assertEquals("ok", ok(get("/healthz")).get("status").asText());
  }

  @Test
  void observeGetRecallAndSurviveARestart() throws Exception {
    assertEquals(1, ok(post("/v1/team/observe", "{\"text\": \"The deploy region is us-west-2.\"}")).get("stored").asInt());
    JsonNode stored = ok(post("/v1/team/observe", "{\"texts\": [\"The cache is Redis.\", \"The queue is Kafka.\"]}"));
    assertEquals(2, stored.get("stored").asInt());

    assertEquals("us-west-2", ok(get("/v1/team/get?q=" + enc("what is the deploy region?"))).get("value").asText());
    JsonNode miss = ok(get("/v1/team/get?q=" + enc("what is the api key?")));
    assertTrue(miss.has("value") && miss.get("value").isNull(), miss.toString());
    JsonNode otherScope = ok(get("/v1/elsewhere/get?q=" + enc("what is the deploy region?")));
    assertTrue(otherScope.get("value").isNull(), "scopes are separate: " + otherScope);

    JsonNode facts = ok(get("/v1/team/recall?q=" + enc("deploy region") + "&k=2")).get("facts");
    assertTrue(facts.isArray() && facts.size() >= 1 && facts.size() <= 2, facts.toString());
    assertEquals("The deploy region is us-west-2.", facts.get(0).asText());
    assertTrue(ok(get("/v1/team/recall?q=" + enc("deploy region"))).get("facts").size() <= HttpServer.DEFAULT_K);

    JsonNode chain = ok(get("/v1/team/chain?q=" + enc("Aurora -> owner")));
    assertEquals("Aurora", chain.get("path").get(0).asText(), chain.toString());
    assertTrue(chain.has("value"), chain.toString());

    restart(dist);
    assertEquals("us-west-2", ok(get("/v1/team/get?q=" + enc("what is the deploy region?"))).get("value").asText());
  }

  @Test
  void scopeNamesAreDecodedFromThePath() throws Exception {
    ok(post("/v1/user%3A42/observe", "{\"text\": \"The favourite colour is teal.\"}"));
    assertEquals("teal", ok(get("/v1/user:42/get?q=" + enc("what is the favourite colour?"))).get("value").asText());
  }

  @Test
  void badObserveBodiesAre400WithAJsonError() throws Exception {
    rejected(400, "not valid JSON", post("/v1/team/observe", "{\"text\": "));
    rejected(400, "not valid JSON", post("/v1/team/observe", "text=hello"));
    rejected(400, "empty", post("/v1/team/observe", ""));
    rejected(400, "JSON object", post("/v1/team/observe", "[\"The cache is Redis.\"]"));
    rejected(400, "JSON object", post("/v1/team/observe", "\"The cache is Redis.\""));
    rejected(400, "needs \"text\"", post("/v1/team/observe", "{}"));
    rejected(400, "\"text\" must be a string", post("/v1/team/observe", "{\"text\": 42}"));
    rejected(400, "\"text\" must be a string", post("/v1/team/observe", "{\"text\": null}"));
    rejected(400, "array of strings", post("/v1/team/observe", "{\"texts\": \"one\"}"));
    rejected(400, "\"texts\"[1] must be a string", post("/v1/team/observe", "{\"texts\": [\"a\", {}]}"));
    rejected(400, "not both", post("/v1/team/observe", "{\"text\": \"a\", \"texts\": [\"b\"]}"));
    rejected(400, "unknown field 'txt'", post("/v1/team/observe", "{\"txt\": \"a\"}"));
    rejected(400, "not valid JSON", post("/v1/team/observe", new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"',
        (byte) 0xC3, (byte) 0x28, '"', '}'}));
    rejected(400, "limit", post("/v1/team/observe",
        "{\"text\": \"" + "a".repeat(Limits.MAX_TEXT_CHARS + 1) + "\"}"));
    rejected(400, "scope", post("/v1/" + "s".repeat(Limits.MAX_SCOPE_CHARS + 1) + "/observe", "{\"text\": \"a\"}"));
    rejected(400, "control characters", post("/v1/a%01b/observe", "{\"text\": \"a\"}"));
    assertEquals(0, server.memory.size("team"), "nothing rejected was stored");
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    byte[] big = new byte[(int) HttpServer.MAX_BODY_BYTES + 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> response;
    try {
      response = post("/v1/team/observe", big);
    } catch (IOException e) {
      // The server may answer and close before the client finished sending; the request must still fail.
      assertEquals(0, server.memory.size("team"));
      return;
    }
    rejected(413, "limit", response);
    assertEquals(0, server.memory.size("team"));
  }

  @Test
  void badQueriesAre400WithAJsonError() throws Exception {
    rejected(400, "q (the question) is required", get("/v1/team/get"));
    rejected(400, "q (the question) is required", get("/v1/team/get?q="));
    rejected(400, "q (the question) is required", get("/v1/team/recall?k=3"));
    rejected(400, "whole number", get("/v1/team/recall?q=x&k=three"));
    rejected(400, "k must be between 1 and " + Limits.MAX_K, get("/v1/team/recall?q=x&k=0"));
    rejected(400, "k must be between 1 and " + Limits.MAX_K, get("/v1/team/recall?q=x&k=" + (Limits.MAX_K + 1)));
    rejected(400, "limit", get("/v1/team/get?q=" + "w".repeat(Limits.MAX_QUESTION_CHARS + 1)));
    rejected(400, "chain needs", get("/v1/team/chain?q=Aurora"));
  }

  @Test
  void unknownRoutesAndMethodsAreJson4xx() throws Exception {
    rejected(404, "no such endpoint", get("/v1/team/nope"));
    rejected(404, "no such endpoint", get("/v1/team"));
    rejected(405, "not allowed", post("/v1/team/get?q=x", "{}"));
    rejected(405, "not allowed", get("/v1/team/observe"));
  }

  @Test
  void requestsJettyRefusesEarlyStillGetAJsonError() throws Exception {
    for (String target : List.of("/v1/%zz/get?q=x", "/v1/%2e%2e/%2e%2e/get?q=x", "/engram/../../pom.xml")) {
      String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 400"), target + " -> " + response);
      assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), response);
      assertTrue(response.contains("{\"error\":\"the server refused the request"), response);
    }
  }

  /** Sends bytes no well-behaved client library would send, returning the whole response. */
  private String raw(String request) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void concurrentWritersAreSerialisedAndAllDurable() throws Exception {
    int threads = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        int stored = 0;
        for (int i = 0; i < each; i++) {
          String fact = "The colour of item " + thread + "x" + i + " is shade " + (thread * 1000 + i) + ".";
          stored += ok(post("/v1/load/observe", Json.MAPPER.createObjectNode().put("text", fact).toString()))
              .get("stored").asInt();
          ok(get("/v1/load/get?q=" + enc("what is the colour of item " + thread + "x" + i + "?")));
        }
        return stored;
      }));
    }
    int stored = 0;
    for (Future<Integer> result : results) {
      stored += result.get();
    }
    pool.shutdown();
    assertTrue(stored > 0);
    assertEquals(stored, server.memory.size("load"));
    restart(dist);
    assertEquals(stored, server.memory.size("load"), "every acknowledged write is replayed after a restart");
  }

  @Test
  void servesTheLabAndTheNpmBuild() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("engram lab"), page.body());
    HttpResponse<String> module = get("/engram/index.js");
    assertEquals(200, module.statusCode());
    assertTrue(module.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    Files.createDirectories(lab.resolve("node_modules").resolve("x"));
    Files.writeString(lab.resolve("node_modules").resolve("x").resolve("index.js"), "tooling");
    Files.createDirectories(lab.resolve("test"));
    Files.writeString(lab.resolve("test").resolve("lab.test.mjs"), "tooling");
    Files.writeString(lab.resolve("package.json"), "{}");
    assertEquals(404, get("/node_modules/x/index.js").statusCode(), "the lab's tooling is not published");
    assertEquals(404, get("/test/lab.test.mjs").statusCode());
    assertEquals(404, get("/package.json").statusCode());
    Files.write(dist.resolve("engram.wasm"), new byte[] {0, 'a', 's', 'm'});
    assertEquals("application/wasm", get("/engram/engram.wasm").headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void missingNpmBuildExplainsHowToBuildIt() throws Exception {
    restart(tmp.resolve("no-such-dist"));
    HttpResponse<String> page = get("/");
    assertEquals(503, page.statusCode());
    assertTrue(page.body().contains("npm ci &amp;&amp; npm run build"), page.body());
    assertEquals("ok", ok(get("/healthz")).get("status").asText(), "the API works without the lab");
  }

  @Test
  void recallPagesCarryScoresAndWhyAndKeepFacts() throws Exception {
    ok(post("/v1/team/observe", "{\"text\": \"The deploy region is us-west-2. The deploy tool is Argo. The deploy window is Friday.\"}"));
    JsonNode first = ok(get("/v1/team/recall?q=deploy&k=2"));
    assertEquals(2, first.get("items").size(), first.toString());
    assertEquals(first.get("items").get(0).get("text"), first.get("facts").get(0), first.toString());
    JsonNode item = first.get("items").get(0);
    for (String field : List.of("id", "text", "kind", "score", "value", "why", "strength")) {
      assertTrue(item.has(field), field + " in " + item);
    }
    assertTrue(first.get("next").isTextual(), first.toString());
    JsonNode second = ok(get("/v1/team/recall?q=deploy&k=2&cursor=" + enc(first.get("next").asText())));
    assertEquals(1, second.get("items").size(), second.toString());
    assertTrue(second.get("next").isNull(), second.toString());
    assertTrue(ok(get("/v1/team/assoc?q=deploy&k=3")).get("items").size() >= 1);
    double known = ok(get("/v1/team/assess?q=" + enc("what is the deploy region?"))).get("score").asDouble();
    double unknown = ok(get("/v1/team/assess?q=" + enc("what is the blood type?"))).get("score").asDouble();
    assertTrue(known > unknown, known + " vs " + unknown);
    JsonNode answer = ok(get("/v1/team/get?q=" + enc("what is the deploy region?")));
    assertEquals("The deploy region is us-west-2.", answer.get("fact").asText(), answer.toString());
    assertTrue(answer.get("confidence").asDouble() > 0, answer.toString());
  }

  @Test
  void notesVarsAndForgetSurviveARestart() throws Exception {
    ok(post("/v1/team/observe", "{\"text\": \"The cache is Redis. The queue is Kafka. The database is Postgres.\"}"));
    assertEquals(1, ok(post("/v1/team/notes", "{\"kind\": \"task\", \"text\": \"Call Ana about the invoices.\"}"))
        .get("stored").asInt());
    assertEquals("x = y | z", ok(put("/v1/team/vars/odd%20name", "{\"value\": \"x = y | z\"}")).get("value").asText());
    ok(put("/v1/team/vars/region", "{\"value\": \"us-west-2\"}"));
    ok(put("/v1/team/vars/gone", "{\"value\": \"soon\"}"));
    assertTrue(ok(delete("/v1/team/vars/gone")).get("deleted").asBoolean());
    assertFalse(ok(delete("/v1/team/vars/gone")).get("deleted").asBoolean());
    assertEquals(1, ok(post("/v1/team/forget", "{\"substring\": \"kafka\"}")).get("forgotten").asInt());
    int postgres = -1;
    for (JsonNode n : ok(get("/v1/team/notes")).get("items")) {
      if (n.get("text").asText().contains("Postgres")) {
        postgres = n.get("id").asInt();
      }
    }
    assertEquals(1, ok(post("/v1/team/forget", "{\"id\": " + postgres + "}")).get("forgotten").asInt());
    ok(post("/v1/other/observe", "{\"text\": \"The sky is blue.\"}"));
    ok(put("/v1/other/vars/x", "{\"value\": \"1\"}"));
    assertEquals(1, ok(post("/v1/other/forget", "{\"substring\": \"\"}")).get("forgotten").asInt());

    for (int round = 0; round < 2; round++) {
      JsonNode task = ok(get("/v1/team/notes?kind=task"));
      assertEquals(1, task.get("items").size(), "round " + round + ": " + task);
      assertEquals("Call Ana about the invoices.", task.get("items").get(0).get("text").asText());
      JsonNode all = ok(get("/v1/team/notes?k=1"));
      assertEquals("Call Ana about the invoices.", all.get("items").get(0).get("text").asText(), "newest first");
      JsonNode rest = ok(get("/v1/team/notes?k=5&cursor=" + enc(all.get("next").asText())));
      assertEquals(1, rest.get("items").size(), "the cache fact is left: " + rest);
      assertEquals("x = y | z", ok(get("/v1/team/vars/odd%20name")).get("value").asText());
      assertTrue(ok(get("/v1/team/vars/gone")).get("value").isNull());
      assertEquals("{\"vars\":{\"odd name\":\"x = y | z\",\"region\":\"us-west-2\"}}", get("/v1/team/vars").body());
      assertTrue(ok(get("/v1/team/get?q=" + enc("what is the queue?"))).get("value").isNull());
      assertTrue(ok(get("/v1/team/get?q=" + enc("what is the database?"))).get("value").isNull());
      assertEquals("Redis", ok(get("/v1/team/get?q=" + enc("what is the cache?"))).get("value").asText());
      JsonNode stats = ok(get("/v1/team/stats"));
      assertEquals(2, stats.get("facts").asInt(), stats.toString());
      assertEquals(2, stats.get("forgotten").asInt(), stats.toString());
      assertEquals(2, stats.get("vars").asInt(), stats.toString());
      assertEquals("{\"scopes\":[\"team\"]}", get("/v1/scopes").body(), "the forgotten scope is gone");
      assertEquals(1, ok(get("/v1/stats")).get("scopes").asInt());
      restart(dist);
    }
  }

  @Test
  void badInputToTheNewEndpointsIs4xxAndStoresNothing() throws Exception {
    ok(post("/v1/team/observe", "{\"text\": \"The cache is Redis.\"}"));
    rejected(400, "unknown note kind", post("/v1/team/notes", "{\"kind\": \"bogus\", \"text\": \"x\"}"));
    rejected(400, "\"text\" is required", post("/v1/team/notes", "{\"kind\": \"task\"}"));
    rejected(400, "\"kind\" must be a string", post("/v1/team/notes", "{\"kind\": 3, \"text\": \"x\"}"));
    rejected(400, "unknown field", post("/v1/team/notes", "{\"kind\": \"task\", \"text\": \"x\", \"k\": 1}"));
    rejected(400, "not valid JSON", post("/v1/team/notes", "{"));
    rejected(400, "unknown note kind", get("/v1/team/notes?kind=bogus"));
    rejected(400, "invalid cursor", get("/v1/team/notes?cursor=nope"));
    rejected(400, "invalid cursor", get("/v1/team/recall?q=cache&cursor=nope"));
    rejected(400, "whole number", get("/v1/team/notes?k=many"));
    rejected(400, "q (the question) is required", get("/v1/team/assess"));
    rejected(400, "q (the question) is required", get("/v1/team/assoc?k=2"));
    rejected(400, "k must be between", get("/v1/team/assoc?q=cache&k=0"));
    rejected(400, "not both", post("/v1/team/forget", "{\"substring\": \"a\", \"id\": 1}"));
    rejected(400, "body needs", post("/v1/team/forget", "{}"));
    rejected(400, "empty", post("/v1/team/forget", ""));
    rejected(400, "fact id", post("/v1/team/forget", "{\"id\": -1}"));
    rejected(400, "fact id", post("/v1/team/forget", "{\"id\": 1.5}"));
    rejected(400, "fact id", post("/v1/team/forget", "{\"id\": \"1\"}"));
    rejected(400, "fact id", post("/v1/team/forget", "{\"id\": 99999999999}"));
    rejected(400, "\"substring\" must be a string", post("/v1/team/forget", "{\"substring\": null}".replace("null", "[]")));
    rejected(400, "limit", post("/v1/team/forget", "{\"substring\": \"" + "w".repeat(Limits.MAX_QUESTION_CHARS + 1) + "\"}"));
    rejected(400, "\"value\" is required", put("/v1/team/vars/x", "{}"));
    rejected(400, "\"value\" must be a string", put("/v1/team/vars/x", "{\"value\": 1}"));
    rejected(400, "limit", put("/v1/team/vars/x", "{\"value\": \"" + "v".repeat(Limits.MAX_VAR_VALUE_CHARS + 1) + "\"}"));
    rejected(400, "variable name", put("/v1/team/vars/" + "n".repeat(Limits.MAX_VAR_NAME_CHARS + 1), "{\"value\": \"v\"}"));
    rejected(400, "control characters", get("/v1/a%01b/stats"));
    rejected(405, "not allowed", post("/v1/team/vars", "{}"));
    rejected(405, "not allowed", get("/v1/team/forget"));
    assertEquals("{\"vars\":{}}", get("/v1/team/vars").body());
    JsonNode stats = ok(get("/v1/team/stats"));
    assertEquals(1, stats.get("facts").asInt(), "nothing refused was stored: " + stats);
    assertEquals(0, stats.get("forgotten").asInt(), stats.toString());
  }
}
