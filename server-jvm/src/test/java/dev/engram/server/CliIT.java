package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.store.LogStore;
import dev.engram.server.store.SqliteStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a person or script uses it: the built jar run as a child process, one process per call, so
 * every call after the first is a restart that must find the data again. Runs after {@code package}
 * (failsafe), with the jar named by the system property {@code engram.jar}.
 */
class CliIT {
  private static final Path JAR = Path.of(System.getProperty("engram.jar", "target/engram-server.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path tmp;

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command)
        .directory(tmp.toFile())
        .redirectOutput(Files.createTempFile(tmp, "out", ".txt").toFile())
        .redirectError(Files.createTempFile(tmp, "err", ".txt").toFile())
        .start();
  }

  private Run engramWithInput(String stdin, String... args) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command)
        .directory(tmp.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(UTF_8));
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("engram " + String.join(" ", args) + " did not finish within 60 s");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Run engram(String... args) throws Exception {
    return engramWithInput(null, args);
  }

  private static void noStackTrace(Run run) {
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace:\n" + run);
  }

  @Test
  void observeGetRestartGetAgain() throws Exception {
    String db = tmp.resolve("data").toString();
    Run observed = engram("--db", db, "observe", "team", "The deploy region is us-west-2.");
    assertEquals(0, observed.code(), observed.toString());
    assertEquals("stored 1 fact\n", observed.out());

    Run got = engram("--db", db, "get", "team", "what is the deploy region?");
    assertEquals(0, got.code(), got.toString());
    assertEquals("us-west-2\n", got.out());

    Run piped = engramWithInput("The cache is Redis.\n", "observe", "team", "-", "--db", db);
    assertEquals(0, piped.code(), piped.toString());

    Run again = engram("get", "team", "what", "is", "the", "deploy", "region?", "--db", db);
    assertEquals("us-west-2\n", again.out(), again.toString());
    Run cache = engram("--db", db, "get", "team", "what is the cache?", "--json");
    assertEquals(0, cache.code(), cache.toString());
    assertEquals("Redis", Json.MAPPER.readTree(cache.out()).get("value").asText());

    Run recall = engram("--db", db, "recall", "team", "deploy region", "-k", "1", "--json");
    assertEquals(0, recall.code(), recall.toString());
    JsonNode facts = Json.MAPPER.readTree(recall.out()).get("facts");
    assertEquals(1, facts.size(), recall.toString());
    assertEquals("The deploy region is us-west-2.", facts.get(0).asText());
  }

  @Test
  void aBinarySnapshotPipedThroughRealStdoutAndStdinImportsExactly() throws Exception {
    String a = tmp.resolve("a").toString();
    assertEquals(0, engram("--db", a, "observe", "team", "The deploy region is us-west-2.").code());
    assertEquals(0, engram("--db", a, "var", "set", "team", "colour", "teal").code());
    Path snap = tmp.resolve("all.snap");
    Process export = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--db", a, "export", "--format", "snapshot")
        .directory(tmp.toFile())
        .redirectOutput(snap.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(export.waitFor(60, TimeUnit.SECONDS) && export.exitValue() == 0, "export exits 0");
    byte[] bytes = Files.readAllBytes(snap);
    assertEquals("ENGR", new String(bytes, 0, 4, UTF_8), "stdout carries the snapshot's bytes unchanged");

    String b = tmp.resolve("b").toString();
    Process importing = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--db", b, "import", "-")
        .directory(tmp.toFile())
        .redirectInput(snap.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(importing.waitFor(60, TimeUnit.SECONDS) && importing.exitValue() == 0, "import exits 0");
    Run got = engram("--db", b, "get", "team", "what is the deploy region?");
    assertEquals("us-west-2\n", got.out(), got.toString());
    assertEquals("teal\n", engram("--db", b, "var", "get", "team", "colour").out());

    Run help = engram("--help");
    for (String verb : List.of("assoc", "note", "notes", "forget", "var", "vars", "stats", "scopes", "export", "import")) {
      assertTrue(help.out().contains("  " + verb + " "), verb + " in --help:\n" + help.out());
    }
  }

  @Test
  void defaultDataDirectoryIsEngramDataInTheWorkingDirectory() throws Exception {
    assertEquals(0, engram("observe", "team", "The deploy region is us-west-2.").code());
    assertTrue(Files.isRegularFile(tmp.resolve("engram-data").resolve(SqliteStore.FILE_NAME)));
    assertEquals("us-west-2\n", engram("get", "team", "what is the deploy region?").out());
  }

  @Test
  void missIsExitCode3() throws Exception {
    Run miss = engram("--db", "d", "get", "team", "what is the api key?");
    assertEquals(3, miss.code(), miss.toString());
    assertEquals("", miss.out());
    assertTrue(miss.err().contains("no answer"), miss.toString());

    Run json = engram("--db", "d", "get", "team", "what is the api key?", "--json");
    assertEquals(3, json.code(), json.toString());
    assertTrue(Json.MAPPER.readTree(json.out()).get("value").isNull(), json.toString());
  }

  @Test
  void badInputIsExitCode2WithAMessageAndNoStackTrace() throws Exception {
    // The full matrix runs in-process in CliTest; these check the real process's exit code and stderr.
    List<String[]> cases = List.of(
        new String[] {"bogus"},
        new String[] {"recall", "team", "q", "-k", "abc"},
        new String[] {"observe", "", "The cache is Redis."});
    for (String[] args : cases) {
      Run run = engram(args);
      assertEquals(2, run.code(), "engram " + String.join(" ", args) + "\n" + run);
      assertFalse(run.err().isBlank(), "a message on stderr for " + Arrays.toString(args));
      noStackTrace(run);
    }
  }

  @Test
  void helpShowsVerbsAndExamples() throws Exception {
    Run help = engram("--help");
    assertEquals(0, help.code(), help.toString());
    for (String word : List.of("observe", "get", "recall", "shell", "serve", "--db", "Examples", "Exit codes")) {
      assertTrue(help.out().contains(word), word + " in\n" + help.out());
    }
    assertEquals(0, engram("get", "--help").code());
  }

  @Test
  void shellAnswersEachCommandOnOneLineAndItsWritesSurviveARestart() throws Exception {
    String script = String.join("\n",
        "observe The deploy region is us-west-2.",
        "",
        "# a comment",
        "get what is the deploy region?",
        "get what is the api key?",
        "recall -k 1 deploy region",
        "var frob x",
        "var set colour teal",
        "exit",
        "get what is the deploy region?") + "\n";
    Run run = engramWithInput(script, "--db", "s", "shell", "team");
    assertEquals(0, run.code(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertEquals(6, lines.size(), run.toString());
    assertEquals("stored 1", lines.get(0));
    assertEquals("us-west-2", lines.get(1));
    assertEquals("(no answer)", lines.get(2));
    assertEquals("The deploy region is us-west-2.", lines.get(3));
    assertTrue(lines.get(4).startsWith("error: "), lines.get(4));
    assertEquals("colour = teal", lines.get(5));

    Run again = engramWithInput("var get colour\nwhat is the deploy region?\n", "--db", "s", "shell", "team");
    assertEquals(List.of("teal", "us-west-2"), again.out().lines().toList(), again.toString());
  }

  @Test
  void anOldLogIsMigratedOnceAndItsTornTailReported() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("t"));
    try (LogStore log = LogStore.open(dir, warning -> {})) {
      log.append(new dev.engram.server.store.Observation("team", List.of("The deploy region is us-west-2."), 1L), op -> {});
    }
    Path log = dir.resolve(LogStore.FILE_NAME);
    Files.write(log, new byte[] {0, 0, 0, 40, 1, 0}, StandardOpenOption.APPEND);
    Run run = engram("--db", "t", "get", "team", "what is the deploy region?");
    assertEquals(0, run.code(), run.toString());
    assertEquals("us-west-2\n", run.out());
    assertTrue(run.err().contains("Truncating") && run.err().contains("moved 1 writes"), run.toString());
    assertTrue(Files.isRegularFile(dir.resolve(SqliteStore.FILE_NAME)) && !Files.exists(log), "migrated once");
    Run clean = engram("--db", "t", "get", "team", "what is the deploy region?");
    assertEquals("", clean.err(), "migrated once, quiet afterwards");
    assertEquals("us-west-2\n", clean.out());
  }

  @Test
  void aDamagedRowIsExitCode1AndNeverLoaded() throws Exception {
    assertEquals(0, engram("--db", "c", "observe", "team", "The deploy region is us-west-2.").code());
    Path db = tmp.resolve("c").resolve(SqliteStore.FILE_NAME);
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = connection.createStatement()) {
      s.execute("UPDATE engram_ops SET payload = payload || x'00'"); // one byte more: only the CRC can tell
    }
    Run run = engram("--db", "c", "get", "team", "what is the deploy region?");
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().contains("row 1") && run.err().contains("checksum"), run.toString());
    assertEquals("", run.out());
    noStackTrace(run);
  }

  @Test
  void unreadableStoreIsExitCode1WithAClearMessage() throws Exception {
    assertEquals(0, engram("--db", "n", "observe", "team", "The deploy region is us-west-2.").code());
    Path db = tmp.resolve("n").resolve(SqliteStore.FILE_NAME);
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = connection.createStatement()) {
      s.execute("UPDATE engram_meta SET value = '" + (SqliteStore.SCHEMA_VERSION + 1) + "' WHERE key = 'schema_version'");
    }
    Run run = engram("--db", "n", "get", "team", "what is the deploy region?");
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().contains("too new"), run.toString());
    noStackTrace(run);

    Files.writeString(tmp.resolve("plain"), "x");
    Run file = engram("--db", "plain", "observe", "team", "The cache is Redis.");
    assertEquals(1, file.code(), file.toString());
    assertTrue(file.err().contains("not an engram database"), file.toString());
    noStackTrace(file);
  }

  @Test
  void concurrentWriterProcessesLoseNothing() throws Exception {
    int writers = 3;
    int each = 20;
    List<Process> processes = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      StringBuilder script = new StringBuilder();
      for (int i = 0; i < each; i++) {
        script.append("observe The colour of item ").append(w).append('x').append(i).append(" is shade ")
            .append(w * 1000 + i).append(".\n");
      }
      Path out = Files.createTempFile(tmp, "writer", ".txt");
      outputs.add(out);
      Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--db", "many", "shell", "load")
          .directory(tmp.toFile())
          .redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(tmp.resolve("writers.err").toFile()))
          .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(script.toString().getBytes(UTF_8));
      }
      processes.add(p);
    }
    int stored = 0;
    for (int w = 0; w < writers; w++) {
      assertTrue(processes.get(w).waitFor(60, TimeUnit.SECONDS), "writer " + w + " finished");
      assertEquals(0, processes.get(w).exitValue(), Files.readString(tmp.resolve("writers.err")));
      List<String> answers = Files.readAllLines(outputs.get(w));
      assertEquals(each, answers.size(), answers.toString());
      for (String answer : answers) {
        assertTrue(answer.startsWith("stored "), answer);
        stored += Integer.parseInt(answer.split(" ")[1]);
      }
    }
    assertTrue(stored > 0, "the writers stored facts");
    List<String> warnings = new ArrayList<>();
    try (DurableEngram memory = DurableEngram.open(tmp.resolve("many"), warnings::add)) {
      assertEquals(stored, memory.size("load"), "every fact any process acknowledged is in the log, once");
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void cliWritesReachARunningServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = start("--db", "shared", "serve", "--port", String.valueOf(port));
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (true) {
        try {
          if (client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), BodyHandlers.ofString())
              .statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          assertTrue(server.isAlive(), "the server exited early");
          assertTrue(System.nanoTime() < deadline, "the server did not answer within 30 s");
          Thread.sleep(100);
        }
      }
      Run observed = engram("--db", "shared", "observe", "team", "The deploy region is us-west-2.");
      assertEquals(0, observed.code(), observed.toString());
      String q = URLEncoder.encode("what is the deploy region?", UTF_8);
      String body = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/team/get?q=" + q)).build(),
          BodyHandlers.ofString()).body();
      assertEquals("us-west-2", Json.MAPPER.readTree(body).get("value").asText(), body);
    } finally {
      server.destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }
}
