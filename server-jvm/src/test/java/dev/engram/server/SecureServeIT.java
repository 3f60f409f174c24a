package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.security.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as deployed: {@code engram serve} with a key from a file or ENGRAM_KEY, scope tokens and the
 * access log on standard error. The key must open the API, its absence must not, and neither the key nor a
 * token may appear in the process's arguments or anything it prints.
 */
class SecureServeIT {
  private static final Path JAR = Path.of(System.getProperty("engram.jar", "target/engram-server.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final String KEY = "it-master-key-5f1d0c9a7e3b2468";

  @TempDir Path tmp;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aKeyFileAndScopeTokensGuardTheRealServer() throws Exception {
    Path keyFile = tmp.resolve("key");
    Files.writeString(keyFile, KEY + "\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    Credentials.Minted token = Credentials.mint("team-a");
    Path tokens = tmp.resolve("tokens");
    Files.writeString(tokens, "# engram tokens\n" + token.line() + "\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
    int port = freePort();
    Path err = tmp.resolve("err.txt");
    Process server = start(null, err, "--db", "data", "serve", "--port", String.valueOf(port), "--key-file",
        keyFile.toString(), "--tokens", tokens.toString(), "--access-log", "-");
    String base = "http://127.0.0.1:" + port;
    try {
      awaitHealthy(server, base);
      for (String arg : server.info().arguments().orElse(new String[0])) {
        assertFalse(arg.contains(KEY) || arg.contains(token.token()), "a secret in the process arguments: " + arg);
      }
      assertEquals(401, get(base + "/v1/team-a/stats", null).statusCode());
      assertEquals(401, get(base + "/v1/team-a/stats", "Bearer " + KEY + "-wrong").statusCode());
      assertEquals(200, post(base + "/v1/team-a/observe", "Bearer " + token.token(),
          "{\"text\": \"The deploy region is us-west-2.\"}").statusCode());
      assertEquals(403, get(base + "/v1/team-b/stats", "Bearer " + token.token()).statusCode());
      assertEquals(403, get(base + "/v1/scopes", "Bearer " + token.token()).statusCode());
      HttpResponse<String> scopes = get(base + "/v1/scopes", "Bearer " + KEY);
      assertEquals(200, scopes.statusCode());
      assertTrue(scopes.body().contains("team-a"), scopes.body());
      HttpResponse<String> metrics = get(base + "/metrics", "Bearer " + KEY);
      assertTrue(metrics.body().contains("engram_facts_stored 1"), metrics.body());
    } finally {
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
    String log = Files.readString(err, UTF_8);
    assertTrue(log.contains("API key required (master key, scope tokens: 1)"), log);
    assertTrue(log.contains("\"route\":\"/v1/{scope}/observe\"") && log.contains("\"status\":401")
        && log.contains("\"status\":403"), log);
    assertFalse(log.contains(KEY) || log.contains(token.token()) || log.contains(token.line().substring(0, 64)), log);
  }

  @Test
  void theKeyCanComeFromTheEnvironmentAndAWarningNamesAnOpenServer() throws Exception {
    int port = freePort();
    Path err = tmp.resolve("err.txt");
    Process server = start(KEY, err, "--db", "data", "serve", "--port", String.valueOf(port));
    String base = "http://127.0.0.1:" + port;
    try {
      awaitHealthy(server, base);
      assertEquals(401, get(base + "/v1/stats", null).statusCode());
      assertEquals(200, get(base + "/v1/stats", "Bearer " + KEY).statusCode());
    } finally {
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    }
    assertFalse(Files.readString(err).contains(KEY));

    // Without a key the server starts, open, and says so.
    port = freePort();
    Path openErr = tmp.resolve("open.txt");
    server = start(null, openErr, "--db", "data", "serve", "--port", String.valueOf(port));
    try {
      awaitHealthy(server, "http://127.0.0.1:" + port);
      assertEquals(200, get("http://127.0.0.1:" + port + "/v1/stats", null).statusCode());
    } finally {
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(Files.readString(openErr).contains("no key set"), Files.readString(openErr));
  }

  private Process start(String envKey, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out-" + System.nanoTime() + ".txt").toFile()).redirectError(err.toFile());
    builder.environment().remove("ENGRAM_KEY");
    if (envKey != null) {
      builder.environment().put("ENGRAM_KEY", envKey);
    }
    return builder.start();
  }

  private void awaitHealthy(Process server, String base) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        if (get(base + "/healthz", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        assertTrue(server.isAlive(), "the server exited early");
        assertTrue(System.nanoTime() < deadline, "the server did not answer within 60 s");
        Thread.sleep(100);
      }
    }
  }

  private HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String authorization, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
