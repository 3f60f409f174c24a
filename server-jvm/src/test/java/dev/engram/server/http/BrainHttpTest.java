package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.brain.BrainHost;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/brain/status, step, imprint, recall, sleep and snapshot (the spiking brain) on a server started in-process at scale 0.01. */
class BrainHttpTest {
  @TempDir Path tmp;

  private final ApiClient api = new ApiClient(() -> this.server.port());
  private InProcessServer server;

  @BeforeEach
  void start() throws IOException {
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp), BrainHost.create(0.01));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body);
  }

  private static JsonNode ok(HttpResponse<String> r) throws Exception {
    return ApiClient.ok(r);
  }

  private static void bad(HttpResponse<String> r, int status, String fragment) throws Exception {
    ApiClient.rejected(status, fragment, r);
  }

  @Test
  void statusStepImprintRecall() throws Exception {
    JsonNode status = ok(get("/v1/brain/status"));
    assertEquals(20_000, status.get("neurons").asInt());
    assertEquals(20_000L * 1000, status.get("proceduralSynapses").asLong());
    assertEquals(10, status.get("regions").size());
    assertEquals("association", status.get("regions").get(2).get("name").asText());
    assertTrue(status.get("modulators").has("dopamine"), status.toString());

    // a new brain starts silent and needs about a second of brain time to reach its active state
    JsonNode stepped = ok(post("/v1/brain/step", "{\"ms\": 1000}"));
    assertEquals(1000, stepped.get("ms").asInt());
    assertEquals(1000.0, stepped.get("timeMs").asDouble());
    assertTrue(stepped.get("regions").get(2).get("rateHz").asDouble() > 0.5, stepped.toString());
    assertEquals(10, stepped.get("regions").size());

    for (String[] t : new String[][] {{"lantern", "burns", "moss oil"}, {"bridge", "built from", "basalt"}, {"ferry", "carries", "salt"}}) {
      JsonNode imprinted = ok(post("/v1/brain/imprint",
          "{\"subject\": \"" + t[0] + "\", \"relation\": \"" + t[1] + "\", \"object\": \"" + t[2] + "\"}"));
      assertTrue(imprinted.get("imprinted").asBoolean());
    }
    assertEquals(9, ok(get("/v1/brain/status")).get("concepts").asInt());
    // recall needs background activity, and right after these imprints this brain is near silent (BrainCliTest)
    ok(post("/v1/brain/step", "{\"ms\": 500}"));
    JsonNode recall = ok(post("/v1/brain/recall", "{\"concept\": \"bridge\", \"k\": 5}"));
    List<String> top = new ArrayList<>();
    for (JsonNode h : recall.get("ranked")) top.add(h.get("concept").asText());
    assertTrue(top.contains("basalt"), "bridge should recall basalt, got " + top);
    assertTrue(top.size() <= 5);
    assertEquals(1, ok(post("/v1/brain/recall", "{\"concept\": \"bridge\", \"k\": 1}")).get("ranked").size());

    // the knowledge routes under /v1/brain are still there
    assertTrue(ok(get("/v1/brain/topics")).has("topics"));
  }

  @Test
  void sleepSnapshotAndRestore() throws Exception {
    ok(post("/v1/brain/imprint", "{\"subject\": \"cat\", \"relation\": \"is\", \"object\": \"animal\"}"));
    JsonNode slept = ok(post("/v1/brain/sleep", ""));
    assertTrue(slept.has("replayed") && slept.has("pruned") && slept.get("remaining").asInt() > 0, slept.toString());

    HttpResponse<byte[]> saved = api.getBytes("/v1/brain/snapshot");
    assertEquals(200, saved.statusCode());
    assertEquals("application/octet-stream", saved.headers().firstValue("Content-Type").orElse(""));
    int concepts = ok(get("/v1/brain/status")).get("concepts").asInt();
    JsonNode recalled = ok(post("/v1/brain/recall", "{\"concept\": \"cat\", \"k\": 3}")).get("ranked");

    ok(post("/v1/brain/imprint", "{\"subject\": \"dog\", \"relation\": \"is\", \"object\": \"pet\"}"));
    assertEquals(concepts + 2, ok(get("/v1/brain/status")).get("concepts").asInt());
    JsonNode restored = ok(api.put("/v1/brain/snapshot", saved.body()));
    assertEquals(concepts, restored.get("concepts").asInt(), "the saved brain is back: " + restored);
    // recall leaves the brain as it was, so the restored brain recalls exactly what the saved one did
    assertEquals(recalled, ok(post("/v1/brain/recall", "{\"concept\": \"cat\", \"k\": 3}")).get("ranked"));

    // A damaged or foreign snapshot is refused and the brain kept.
    byte[] damaged = saved.body().clone();
    damaged[damaged.length / 2] ^= 0x5A;
    bad(api.put("/v1/brain/snapshot", damaged), 400, "checksum failed");
    bad(api.put("/v1/brain/snapshot", "not a brain".getBytes()), 400, "not a spiking brain snapshot");
    assertEquals(concepts, ok(get("/v1/brain/status")).get("concepts").asInt());
  }

  @Test
  void badRequestsAreJson4xx() throws Exception {
    bad(post("/v1/brain/step", "{\"ms\": 10001}"), 400, "between 1 and 10000");
    bad(post("/v1/brain/step", "{\"ms\": 0}"), 400, "between 1 and 10000");
    bad(post("/v1/brain/step", "{\"ms\": 1.5}"), 400, "whole number");
    bad(post("/v1/brain/step", "{\"steps\": 5}"), 400, "unknown field 'steps'");
    bad(post("/v1/brain/step", "[1]"), 400, "JSON object");
    bad(post("/v1/brain/imprint", "{\"subject\": \"a\", \"relation\": \"b\"}"), 400, "\"object\" is required");
    bad(post("/v1/brain/imprint", "{\"subject\": \"a\", \"relation\": \"a\", \"object\": \"c\"}"), 400, "must not repeat");
    bad(post("/v1/brain/imprint", "{\"subject\": \" \", \"relation\": \"b\", \"object\": \"c\"}"), 400, "blank");
    bad(post("/v1/brain/recall", "{\"concept\": \"nobody\"}"), 400, "unknown concept: nobody");
    bad(post("/v1/brain/recall", "{\"concept\": 5}"), 400, "must be a string");
    bad(post("/v1/brain/recall", "not json"), 400, "not valid JSON");
    bad(post("/v1/brain/status", "{}"), 405, "not allowed");
    assertFalse(ok(get("/v1/brain/status")).get("timeMs").asDouble() > 0, "refused steps must not run");
  }

  @Test
  void healthzAnswersWhileTheBrainSteps() throws Exception {
    CompletableFuture<HttpResponse<String>> step = api.postAsync("/v1/brain/step", "{\"ms\": 3000}");
    while (!server.brain.stepping() && !step.isDone()) Thread.sleep(1);
    long start = System.nanoTime();
    ok(get("/healthz"));
    double ms = (System.nanoTime() - start) / 1e6;
    boolean stillStepping = !step.isDone();
    assertEquals(3000, ok(step.join()).get("ms").asInt());
    assertTrue(stillStepping, "the step finished before /healthz answered (" + ms + " ms): healthz waited on it");
  }

  @Test
  void streamSendsTickEventsWithRegionRatesAndModulators() throws Exception {
    HttpResponse<String> r = api.getEvents("/v1/brain/stream?step_ms=20&interval_ms=20&count=3");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), r.headers().toString());
    List<JsonNode> ticks = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("data: ")) {
        ticks.add(dev.engram.server.Json.MAPPER.readTree(line.substring(6)));
      }
    }
    assertEquals(3, ticks.size(), r.body());
    assertEquals(3, r.body().split("event: tick").length - 1, r.body());
    double previous = 0;
    for (JsonNode tick : ticks) {
      assertEquals(10, tick.get("regions").size(), tick.toString());
      assertTrue(tick.get("modulators").has("dopamine"), tick.toString());
      assertTrue(tick.get("timeMs").asDouble() >= previous + 20 - 1e-9, tick.toString());
      previous = tick.get("timeMs").asDouble();
    }
    // step_ms=0 watches without stepping: brain time stands still.
    HttpResponse<String> watch = api.getEvents("/v1/brain/stream?step_ms=0&interval_ms=20&count=2");
    assertTrue(watch.body().contains("\"timeMs\":" + previous), watch.body());
  }

  @Test
  void streamRefusesBadParametersBeforeOpening() throws Exception {
    bad(api.getEvents("/v1/brain/stream?step_ms=5000"), 400, "step_ms must be a whole number from 0 to 1000");
    bad(api.getEvents("/v1/brain/stream?interval_ms=1"), 400, "interval_ms");
    bad(api.getEvents("/v1/brain/stream?count=x"), 400, "count");
    bad(get("/v1/brain/stream"), 406, "Accept: text/event-stream");
  }
}
