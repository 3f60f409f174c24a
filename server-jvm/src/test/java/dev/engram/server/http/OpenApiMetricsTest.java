package dev.engram.server.http;

import static dev.engram.server.http.ApiClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /openapi.json documents exactly the registered routes; /metrics speaks the Prometheus text format. */
class OpenApiMetricsTest {
  @TempDir Path tmp;
  private InProcessServer server;
  private ApiClient api;

  @BeforeEach
  void start() throws IOException {
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp));
    api = new ApiClient(() -> server.port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedOneIsRegistered() throws Exception {
    JsonNode doc = ok(api.get("/openapi.json"));
    assertEquals("3.1.0", doc.get("openapi").asText());
    TreeSet<String> documented = new TreeSet<>();
    TreeSet<String> publicOps = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        documented.add(key);
        JsonNode security = op.getValue().get("security");
        if (security != null && security.isEmpty()) {
          publicOps.add(key);
        }
        assertTrue(op.getValue().path("responses").has("200"), key + " documents its 200");
        // Every {param} in the template is declared as a path parameter.
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
        while (m.find()) {
          String needed = m.group(1);
          boolean declared = false;
          for (JsonNode p : op.getValue().path("parameters")) {
            String ref = p.path("$ref").asText("");
            declared |= ref.endsWith("/" + needed) || (needed.equals(p.path("name").asText()) && "path".equals(p.path("in").asText()));
          }
          assertTrue(declared, key + " declares {" + needed + "}");
        }
      }
    }
    TreeSet<String> registered = new TreeSet<>();
    TreeSet<String> registeredPublic = new TreeSet<>();
    for (Routes.Route r : server.server.routes()) {
      registered.add(r.method() + " " + r.path());
      if (r.access() == Access.PUBLIC) {
        registeredPublic.add(r.method() + " " + r.path());
      }
    }
    assertEquals(registered, documented, "routes registered vs documented in openapi.json");
    assertEquals(registeredPublic, publicOps, "routes needing no token");

    // And each documented operation is really answered (a 4xx for the empty request is fine, 404/405 is not).
    HttpClient client = HttpClient.newHttpClient();
    for (String op : documented) {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1).replace("{scope}", "s").replace("{name}", "n");
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.url(path)));
      b.method(method, method.equals("GET") || method.equals("DELETE")
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
      int status = client.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      assertTrue(status != 404 && status != 405 && status < 500, op + " -> " + status);
    }
  }

  @Test
  void metricsCountRequestsByRouteTemplateAndStatusWithLatencyHistograms() throws Exception {
    ok(api.post("/v1/tenant-x/observe", "{\"text\": \"The cache is Redis.\"}"));
    ok(api.get("/v1/tenant-x/get?q=what+is+the+cache"));
    ok(api.get("/v1/tenant-y/get?q=what+is+the+cache"));
    assertEquals(400, api.get("/v1/tenant-x/get").statusCode());
    assertEquals(404, api.get("/nope").statusCode());
    String text = "";
    // The request logger records after the answer is sent; wait until the last one shows.
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r = api.get("/metrics");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
      text = r.body();
      if (text.contains("route=\"(no route)\",status=\"404\"")) {
        break;
      }
      Thread.sleep(10);
    }
    assertTrue(text.contains("engram_http_requests_total{method=\"GET\",route=\"/v1/{scope}/get\",status=\"200\"} 2"), text);
    assertTrue(text.contains("engram_http_requests_total{method=\"GET\",route=\"/v1/{scope}/get\",status=\"400\"} 1"), text);
    assertTrue(text.contains("engram_http_requests_total{method=\"POST\",route=\"/v1/{scope}/observe\",status=\"200\"} 1"), text);
    assertTrue(text.contains("engram_http_request_duration_seconds_count{method=\"GET\",route=\"/v1/{scope}/get\"} 3"), text);
    assertTrue(text.contains("engram_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/{scope}/get\",le=\"+Inf\"} 3"), text);
    assertTrue(text.contains("# TYPE engram_http_request_duration_seconds histogram"), text);
    assertTrue(text.contains("\nengram_facts_stored 1\n"), text);
    assertTrue(text.contains("\nengram_uptime_seconds "), text);
    assertTrue(!text.contains("tenant-x") && !text.contains("tenant-y"), "no raw paths in labels");
    // Every sample line is NAME{labels} VALUE or NAME VALUE with a number.
    for (String line : text.split("\n")) {
      if (!line.startsWith("#")) {
        assertTrue(line.matches("[a-z_]+(\\{.*})? ([0-9.E+-]+|\\+Inf)"), line);
      }
    }
    // Buckets are cumulative: non-decreasing within a series.
    long last = -1;
    for (String line : text.split("\n")) {
      if (line.startsWith("engram_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/{scope}/get\"")) {
        long v = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(v >= last, line);
        last = v;
      }
    }
  }
}
