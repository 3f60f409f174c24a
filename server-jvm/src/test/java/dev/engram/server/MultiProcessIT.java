package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.server.store.Observation;
import dev.engram.server.store.Store;
import dev.engram.server.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram serve}, {@code engram mcp} and two CLI {@code shell} processes write to one --db at the same
 * time: every acknowledged write is stored exactly once, and the server and the MCP process each see the
 * writes of all the others (the failure this guards against: a shared JSON file corrupted by two processes).
 */
class MultiProcessIT {
  private static final Path JAR = Path.of(System.getProperty("engram.jar", "target/engram-server.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final int EACH = 40;

  @TempDir Path tmp;

  private static String fact(String source, int i) {
    return "The colour of item " + source + "x" + i + " is shade " + i + ".";
  }

  @Test
  void serveMcpAndCliWritersOnOneDatabaseLoseNothing() throws Exception {
    Path db = tmp.resolve("shared");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<Process> processes = new ArrayList<>();
    try {
      Process server = start(processes, "server", "--db", db.toString(), "serve", "--port", String.valueOf(port));
      Process mcp = start(processes, "mcp", "--db", db.toString(), "mcp", "--scope", "shared");
      Mcp client = new Mcp(mcp);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port;
      awaitHealthy(http, base, server);
      client.request("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
          "clientInfo", Map.of("name", "MultiProcessIT", "version", "1")));
      client.notify("notifications/initialized");

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger storedFacts = new AtomicInteger();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Thread> writers = new ArrayList<>();
      writers.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = 0; i < EACH; i++) {
            String text = fact("http", i);
            String body = Json.MAPPER.createObjectNode().put("text", text).toString();
            var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/shared/observe"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            storedFacts.addAndGet(Json.MAPPER.readTree(answer.body()).get("stored").asInt());
            acknowledged.add(text);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
      writers.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = 0; i < EACH; i++) {
            String text = fact("mcp", i);
            JsonNode answer = client.request("tools/call", Map.of("name", "remember", "arguments", Map.of("text", text)));
            String result = answer.at("/result/content/0/text").asText();
            assertTrue(!answer.at("/result/isError").asBoolean(false), answer.toString());
            storedFacts.addAndGet(Json.MAPPER.readTree(result).get("stored").asInt());
            acknowledged.add(text);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
      List<Process> shells = new ArrayList<>();
      for (String source : List.of("cliA", "cliB")) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < EACH; i++) {
          script.append("observe ").append(fact(source, i)).append('\n');
        }
        Process shell = start(processes, source, "--db", db.toString(), "shell", "shared");
        try (OutputStream in = shell.getOutputStream()) {
          in.write(script.toString().getBytes(UTF_8));
        }
        shells.add(shell);
      }
      for (Thread writer : writers) {
        writer.join(120_000);
      }
      assertEquals(List.of(), failures);
      for (int s = 0; s < shells.size(); s++) {
        Process shell = shells.get(s);
        assertTrue(shell.waitFor(120, TimeUnit.SECONDS), "shell finished");
        assertEquals(0, shell.exitValue(), Files.readString(tmp.resolve((s == 0 ? "cliA" : "cliB") + ".err")));
        List<String> answers = Files.readAllLines(tmp.resolve((s == 0 ? "cliA" : "cliB") + ".out"));
        assertEquals(EACH, answers.size(), answers.toString());
        for (int i = 0; i < EACH; i++) {
          assertTrue(answers.get(i).startsWith("stored "), answers.get(i));
          storedFacts.addAndGet(Integer.parseInt(answers.get(i).split(" ")[1]));
          acknowledged.add(fact(s == 0 ? "cliA" : "cliB", i));
        }
      }
      int total = storedFacts.get();
      assertEquals(4 * EACH, total, "each write stored one fact");

      // Both long-running processes see everything the others wrote.
      var stats = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/shared/stats")).build(), BodyHandlers.ofString());
      assertEquals(total, Json.MAPPER.readTree(stats.body()).get("facts").asInt(), stats.body());
      JsonNode mcpStats = client.request("tools/call", Map.of("name", "stats", "arguments", Map.of()));
      assertEquals(total, Json.MAPPER.readTree(mcpStats.at("/result/content/0/text").asText()).get("facts").asInt(),
          mcpStats.toString());

      mcp.getOutputStream().close();
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS) && mcp.waitFor(30, TimeUnit.SECONDS), "servers stopped");

      Set<String> stored = new HashSet<>();
      List<String> all = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      try (Store store = Stores.open(db, warnings::add)) {
        store.catchUp(op -> {
          if (op instanceof Observation o) {
            all.addAll(o.texts());
            stored.addAll(o.texts());
          }
        });
      }
      assertEquals(List.of(), warnings);
      assertEquals(acknowledged, stored, "every acknowledged write is stored");
      assertEquals(stored.size(), all.size(), "and stored once");
      try (DurableEngram memory = DurableEngram.open(db, warnings::add)) {
        assertEquals(total, memory.size("shared"));
      }
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
      }
    }
  }

  private Process start(List<Process> processes, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectError(tmp.resolve(name + ".err").toFile());
    if (!name.equals("mcp")) {
      builder.redirectOutput(tmp.resolve(name + ".out").toFile());
    }
    Process p = builder.start();
    processes.add(p);
    return p;
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

  /** A minimal MCP client over the child's stdio: newline-delimited JSON-RPC. */
  private static final class Mcp {
    private final OutputStream toServer;
    private final Map<Integer, JsonNode> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    Mcp(Process process) {
      toServer = process.getOutputStream();
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.has("id")) {
              synchronized (answers) {
                answers.put(node.get("id").asInt(), node);
                answers.notifyAll();
              }
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      });
    }

    synchronized void notify(String method) throws IOException {
      send(Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method));
    }

    JsonNode request(String method, Map<String, Object> params) throws Exception {
      int id = ids.incrementAndGet();
      ObjectNode message = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
      message.set("params", Json.MAPPER.valueToTree(params));
      synchronized (this) {
        send(message);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      synchronized (answers) {
        while (!answers.containsKey(id)) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          assertTrue(left > 0, "no answer to " + message);
          answers.wait(left);
        }
        return answers.get(id);
      }
    }

    private void send(ObjectNode message) throws IOException {
      toServer.write((message.toString() + "\n").getBytes(UTF_8));
      toServer.flush();
    }
  }
}
