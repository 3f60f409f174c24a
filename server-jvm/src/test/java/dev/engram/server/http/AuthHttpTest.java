package dev.engram.server.http;

import static dev.engram.server.http.ApiClient.ok;
import static dev.engram.server.http.ApiClient.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.DurableEngram;
import dev.engram.server.security.Credentials;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer-token auth: the master key reaches everything, a scope token only its scope, no token only /healthz. */
class AuthHttpTest {
  private static final String KEY = "master-key-0123456789abcdef";
  private static final String TOKEN_A = "token-for-team-a-0123456789";
  private static final String TOKEN_SPACE = "token-for-team-space-012345";

  @TempDir Path tmp;
  private DurableEngram memory;
  private HttpServer server;
  private final List<String> accessLog = Collections.synchronizedList(new ArrayList<>());
  private ApiClient anonymous;
  private ApiClient master;
  private ApiClient teamA;

  @BeforeEach
  void start() throws IOException {
    Path lab = Files.createDirectories(tmp.resolve("web-lab"));
    Files.writeString(lab.resolve("index.html"), "<!doctype html><title>engram lab</title>");
    Path dist = Files.createDirectories(tmp.resolve("dist"));
    Files.writeString(dist.resolve("index.js"), "export class Engram {}");
    memory = DurableEngram.open(tmp.resolve("db"), w -> { });
    Credentials credentials = Credentials.master(KEY).withToken("team-a", TOKEN_A).withToken("team space", TOKEN_SPACE);
    server = HttpServer.start(memory, new HttpServer.Options("127.0.0.1", 0, lab, dist)
        .withCredentials(credentials).withAccessLog(accessLog::add));
    anonymous = new ApiClient(() -> server.port());
    master = anonymous.as("Bearer " + KEY);
    teamA = anonymous.as("Bearer " + TOKEN_A);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    memory.close();
  }

  @Test
  void withoutTheKeyEveryApiPathIs401ButHealthzAndTheLabAreOpen() throws Exception {
    ok(anonymous.get("/healthz"));
    HttpResponse<String> page = anonymous.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("engram lab"));
    assertEquals(200, anonymous.get("/engram/index.js").statusCode());
    for (String path : List.of("/v1/team-a/get?q=x", "/v1/stats", "/v1/scopes", "/v1/brain/topics", "/metrics",
        "/openapi.json", "/v1/no/such/route/at/all", "/v1", "/v1/team-a/vars/x")) {
      HttpResponse<String> r = anonymous.get(path);
      rejected(401, "Authorization: Bearer", r);
      assertEquals("Bearer realm=\"engram\"", r.headers().firstValue("WWW-Authenticate").orElse(""), path);
    }
    // Spellings of a protected path that a router might normalise: none may get past without the key.
    for (String path : List.of("//v1/stats", "/v1//stats", "/./v1/stats", "/v1/./stats", "/x/../v1/stats",
        "/v1/%2e/stats", "/%76%31/stats", "/v1/stats/", "/v1/stats;x=y", "/v1;/stats", "/metrics/", "//metrics")) {
      HttpResponse<String> r = anonymous.get(path);
      assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " -> " + r.statusCode() + " " + r.body());
      assertFalse(r.body().contains("\"facts\"") || r.body().contains("engram_facts_stored"), path + " -> " + r.body());
    }
    rejected(401, "unauthorized", anonymous.post("/v1/team-a/observe", "{\"text\": \"The door code is 4711.\"}"));
    rejected(401, "unauthorized", anonymous.delete("/v1/team-a/vars/x"));
    rejected(401, "unauthorized", anonymous.put("/v1/team-a/observe", "{}"));
    assertEquals(0, memory.stats(null).facts(), "nothing was stored without the key");
  }

  @Test
  void aWrongOrMalformedTokenIs401AndIsNeverEchoed() throws Exception {
    for (String header : List.of("Bearer wrong-key-0123456789abcdef", "Bearer " + KEY + "x", "Basic " + KEY,
        KEY, "Bearer", "Bearer ", "bearer" + KEY)) {
      HttpResponse<String> r = anonymous.as(header).get("/v1/stats");
      rejected(401, "unauthorized", r);
      assertFalse(r.body().contains("wrong-key") || r.body().contains(KEY), r.body());
    }
    // The scheme is case-insensitive (RFC 7235).
    ok(anonymous.as("bearer " + KEY).get("/v1/stats"));
  }

  @Test
  void theMasterKeyReachesEverything() throws Exception {
    assertEquals(1, ok(master.post("/v1/team-b/observe", "{\"text\": \"The door code is 4711.\"}")).get("stored").asInt());
    assertEquals("4711", ok(master.get("/v1/team-b/get?q=what+is+the+door+code")).get("value").asText());
    ok(master.get("/v1/stats"));
    ok(master.get("/v1/scopes"));
    ok(master.get("/v1/brain/topics"));
    assertTrue(master.get("/metrics").body().contains("engram_facts_stored 1"));
    ok(master.get("/openapi.json"));
  }

  @Test
  void aScopeTokenReachesItsScopeOnly() throws Exception {
    ok(master.post("/v1/team-b/observe", "{\"text\": \"The door code of team b is 4711.\"}"));
    ok(teamA.post("/v1/team-a/observe", "{\"text\": \"The wifi password is hunter2.\"}"));
    assertEquals("hunter2", ok(teamA.get("/v1/team-a/get?q=what+is+the+wifi+password")).get("value").asText());
    ok(teamA.put("/v1/team-a/vars/region", "{\"value\": \"eu\"}"));
    ok(teamA.get("/v1/team-a/stats"));

    for (String path : List.of("/v1/team-b/get?q=door+code", "/v1/team-b/recall?q=door", "/v1/team-b/stats",
        "/v1/team-b/vars", "/v1/team-b/notes", "/v1/team-a%2f..%2fteam-b/get?q=door", "/v1/team-a%20/stats",
        "/v1/TEAM-A/stats", "/v1/stats", "/v1/scopes", "/v1/brain/topics", "/v1/brain/status", "/metrics")) {
      HttpResponse<String> r = teamA.get(path);
      assertTrue(r.statusCode() == 403 || r.statusCode() == 400, path + " -> " + r.statusCode() + " " + r.body());
      assertFalse(r.body().contains("4711") || r.body().contains("team-b\""), r.body());
    }
    rejected(403, "forbidden", teamA.post("/v1/team-b/observe", "{\"text\": \"Injected.\"}"));
    rejected(403, "forbidden", teamA.post("/v1/team-b/forget", "{\"substring\": \"\"}"));
    rejected(403, "forbidden", teamA.delete("/v1/team-b/vars/region"));
    rejected(403, "forbidden", teamA.post("/v1/route", "{\"scope\": \"team-b\", \"message\": \"what is the door code?\"}"));
    rejected(403, "master key", teamA.post("/v1/brain/learn", "{\"topic\": \"t\", \"text\": \"Bells are glass.\"}"));
    ok(teamA.post("/v1/route", "{\"scope\": \"team-a\", \"message\": \"what is the wifi password?\"}"));
    // Any valid token may read the API document.
    ok(teamA.get("/openapi.json"));
    assertEquals(1, memory.stats("team-b").facts(), "team b is untouched");
    assertEquals(1, memory.stats("team-a").facts());

    // A scope whose name needs escaping in a path.
    ApiClient space = anonymous.as("Bearer " + TOKEN_SPACE);
    ok(space.post("/v1/team%20space/observe", "{\"text\": \"The plant is a fern.\"}"));
    rejected(403, "forbidden", space.get("/v1/team-a/stats"));
  }

  @Test
  void theAccessLogHoldsRouteTemplatesAndNeverTheKeyOrScopeNames() throws Exception {
    ok(master.post("/v1/secret-tenant/observe", "{\"text\": \"The vault is in Bern.\"}"));
    rejected(401, "unauthorized", anonymous.get("/v1/secret-tenant/get?q=vault"));
    rejected(403, "forbidden", teamA.get("/v1/secret-tenant/get?q=vault"));
    ok(anonymous.get("/healthz"));
    // The request logger runs after the response is sent: wait for the four lines.
    for (int i = 0; i < 100 && accessLog.size() < 4; i++) {
      Thread.sleep(10);
    }
    assertEquals(4, accessLog.size(), accessLog.toString());
    String all = String.join("\n", accessLog);
    assertFalse(all.contains(KEY) || all.contains(TOKEN_A) || all.contains("secret-tenant") || all.contains("vault"), all);
    assertTrue(accessLog.get(0).contains("\"route\":\"/v1/{scope}/observe\"") && accessLog.get(0).contains("\"status\":200"),
        accessLog.get(0));
    assertTrue(all.contains("\"status\":401") && all.contains("\"status\":403") && all.contains("\"route\":\"/healthz\""), all);
    for (String line : accessLog) {
      var json = dev.engram.server.Json.MAPPER.readTree(line);
      assertTrue(json.has("time") && json.has("method") && json.has("ms"), line);
    }
    assertNotEquals(-1, all.indexOf("\"method\":\"POST\""));
  }
}
