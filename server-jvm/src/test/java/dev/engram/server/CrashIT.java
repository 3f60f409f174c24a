package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.store.Store;
import dev.engram.server.store.Stores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server taking concurrent writes is killed with SIGKILL at a random moment, several times; after
 * each kill the store must open cleanly and hold every write the server acknowledged. The seed comes
 * from {@code -Dengram.seed} (default: the clock) and is printed with a rerun command on failure.
 */
class CrashIT {
  private static final Path JAR = Path.of(System.getProperty("engram.jar", "target/engram-server.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final int ROUNDS = Integer.getInteger("engram.crash.rounds", 3);
  private static final int WRITERS = 4;

  @TempDir Path tmp;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    long seed = Long.getLong("engram.seed", System.nanoTime());
    String rerun = "seed " + seed + "; rerun: mvn -q -B -pl server-jvm -am verify -Dtest=none"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashIT -Dengram.seed=" + seed;
    Random random = new Random(seed);
    Path db = tmp.resolve("db");
    Set<String> acknowledged = new HashSet<>();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int round = 0; round < ROUNDS; round++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Process server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--db", db.toString(), "serve",
          "--port", String.valueOf(port))
          .redirectErrorStream(true)
          .redirectOutput(tmp.resolve("server-" + round + ".log").toFile())
          .start();
      String base = "http://127.0.0.1:" + port;
      awaitHealthy(client, base, server, rerun);

      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String prefix = "r" + round + "w" + w;
        writers.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; !stop.get(); i++) {
            String text = "The colour of item " + prefix + "n" + i + " is shade " + i + ".";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/crash/observe"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.createObjectNode().put("text", text).toString()))
                .build();
            try {
              if (client.send(request, BodyHandlers.ofString()).statusCode() == 200) {
                acked.add(text);
              }
            } catch (IOException | InterruptedException e) {
              return; // the server is gone: this write was never acknowledged
            }
          }
        }));
      }
      Thread.sleep(200 + random.nextInt(600));
      server.destroyForcibly(); // SIGKILL
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), rerun);
      stop.set(true);
      for (Thread writer : writers) {
        writer.join(30_000);
      }
      acknowledged.addAll(acked);

      Set<String> stored = new HashSet<>();
      List<String> warnings = new ArrayList<>();
      try (Store store = Stores.open(db, warnings::add)) {
        store.catchUp(operation -> {
          if (operation instanceof dev.engram.server.store.Observation o) {
            stored.addAll(o.texts());
          }
        });
      } catch (IOException e) {
        throw new AssertionError("round " + round + ": the store did not open after SIGKILL: " + e.getMessage()
            + "\n" + rerun, e);
      }
      System.out.println("CrashIT round " + round + ": " + acked.size() + " writes acknowledged, " + stored.size()
          + " texts stored in all, repairs: " + warnings);
      for (String text : acknowledged) {
        assertTrue(stored.contains(text), "round " + round + ": acknowledged write lost: " + text + "\n" + rerun);
      }
    }
    assertTrue(!acknowledged.isEmpty(), "the writers got writes acknowledged\n" + rerun);
  }

  private static void awaitHealthy(HttpClient client, String base, Process server, String rerun) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), BodyHandlers.ofString())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        assertTrue(server.isAlive(), "the server exited early\n" + rerun);
        assertTrue(System.nanoTime() < deadline, "the server did not answer within 30 s\n" + rerun);
        Thread.sleep(50);
      }
    }
  }
}
