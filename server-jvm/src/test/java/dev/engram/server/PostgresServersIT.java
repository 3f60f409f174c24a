package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.store.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code engram serve} processes on one PostgreSQL database, as behind a load balancer: what one
 * acknowledges, the other answers, in both directions, and a third process started later replays it all.
 */
class PostgresServersIT {
  private static final Path JAR = Path.of(System.getProperty("engram.jar", "target/engram-server.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path tmp;

  @Test
  void aWriteOnOneServerIsAnsweredByTheOther() throws Exception {
    try (TestPostgres pg = TestPostgres.start()) {
      List<Process> servers = new ArrayList<>();
      try {
        String a = serve(servers, pg.url(), "a");
        String b = serve(servers, pg.url(), "b");
        HttpClient http = HttpClient.newHttpClient();
        awaitHealthy(http, a, servers.get(0));
        awaitHealthy(http, b, servers.get(1));
        for (int i = 0; i < 20; i++) {
          String writer = i % 2 == 0 ? a : b;
          String reader = i % 2 == 0 ? b : a;
          HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(writer + "/v1/team/observe"))
              .POST(HttpRequest.BodyPublishers.ofString(
                  Json.MAPPER.createObjectNode().put("text", "The owner of service s" + i + " is person p" + i + ".").toString()))
              .build(), BodyHandlers.ofString());
          assertEquals(200, stored.statusCode(), stored.body());
          String question = URLEncoder.encode("who is the owner of service s" + i + "?", StandardCharsets.UTF_8);
          HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(reader + "/v1/team/get?q=" + question))
              .build(), BodyHandlers.ofString());
          assertEquals(200, answer.statusCode(), answer.body());
          assertTrue(answer.body().contains("p" + i), "write " + i + " answered by the other server: " + answer.body());
        }
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(a + "/v1/team/stats")).build(),
            BodyHandlers.ofString());
        assertEquals(20, Json.MAPPER.readTree(stats.body()).get("facts").asInt(), stats.body());
      } finally {
        for (Process p : servers) {
          p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
      try (DurableEngram later = DurableEngram.open(Path.of(pg.url()), w -> {})) {
        assertEquals(20, later.size("team"));
        assertEquals("person p7", later.get("team", "who is the owner of service s7?"));
      }
    }
  }

  private String serve(List<Process> servers, String url, String name) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dir = Files.createDirectories(tmp.resolve(name));
    servers.add(new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--db", url, "serve", "--port", String.valueOf(port))
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile())
        .start());
    return "http://127.0.0.1:" + port;
  }

  private static void awaitHealthy(HttpClient client, String base, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), BodyHandlers.ofString())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        assertTrue(server.isAlive(), "the server exited early");
        assertTrue(System.nanoTime() < deadline, "the server did not answer within 90 s");
        Thread.sleep(100);
      }
    }
  }
}
