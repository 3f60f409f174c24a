package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.server.store.Observation;
import dev.engram.server.store.Store;
import dev.engram.server.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random moments, many times, against the default store (SQLite, group commit): a child JVM
 * runs {@link DurableEngram} with 16 concurrent writers (single facts and batches) and prints a line for each
 * write once observe has returned, i.e. once it is acknowledged. After each kill the store must open
 * cleanly (no repair warnings, no damaged row) and hold every acknowledged write. The child is a small
 * main rather than {@code engram serve} so that 20+ restarts fit in well under a minute; CrashIT covers the
 * same over HTTP with a few rounds. Seed: {@code -Dengram.seed}, printed with a rerun command.
 */
class SqliteCrashIT {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  private static final int ROUNDS = Integer.getInteger("engram.sqlite.crash.rounds", 22);
  private static final int WRITERS = 16;

  @TempDir Path tmp;

  /** The child: writes until killed, printing "ack TEXT|TEXT…" after each acknowledged write. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path db = Path.of(args[0]);
      String prefix = args[1];
      PrintStream out = new PrintStream(System.out, false, UTF_8);
      DurableEngram memory = DurableEngram.open(db, w -> System.err.println("warning: " + w));
      synchronized (out) {
        out.println("open " + memory.size("crash"));
        out.flush();
      }
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread.ofVirtual().start(() -> {
          for (int i = 0; ; i++) {
            int n = i % 4 == 3 ? 5 : 1; // every fourth write is a batch
            List<String> texts = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
              texts.add("Item " + prefix + "w" + writer + "n" + i + "b" + j + " has shade " + i + ".");
            }
            try {
              memory.observe("crash", texts);
            } catch (IOException e) {
              System.err.println("write failed: " + e);
              return;
            }
            synchronized (out) {
              out.println("ack " + String.join("|", texts));
              out.flush();
            }
          }
        });
      }
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void acknowledgedWritesSurviveSigkillAtRandomMoments() throws Exception {
    long seed = Long.getLong("engram.seed", System.nanoTime());
    String rerun = "seed " + seed + "; rerun: mvn -q -B -pl server-jvm -am verify -Dtest=none"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SqliteCrashIT -Dengram.seed=" + seed;
    System.out.println("SqliteCrashIT " + rerun);
    Random random = new Random(seed);
    Path db = tmp.resolve("db");
    Set<String> acknowledged = new HashSet<>();
    long started = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      Path err = tmp.resolve("child-" + round + ".err");
      Process child = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), Child.class.getName(), db.toString(), "r" + round)
          .redirectError(err.toFile())
          .start();
      ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
      CountDownLatch firstAck = new CountDownLatch(1);
      Thread reader = Thread.ofPlatform().start(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
          // readLine also returns a last line cut off by the kill; only lines the child finished count,
          // so each line is taken only once the next one has begun.
          String previous = null;
          for (String line; (line = in.readLine()) != null; ) {
            if (previous != null && previous.startsWith("ack ")) {
              acked.addAll(List.of(previous.substring(4).split("\\|")));
              firstAck.countDown();
            }
            previous = line;
          }
        } catch (IOException e) {
          // the child is gone
        }
        firstAck.countDown();
      });
      boolean writing = firstAck.await(60, TimeUnit.SECONDS);
      assertTrue(writing && child.isAlive(), "round " + round + ": the child did not start writing: "
          + Files.readString(err) + "\n" + rerun);
      Thread.sleep(random.nextInt(300));
      child.destroyForcibly(); // SIGKILL
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), rerun);
      reader.join(30_000);
      acknowledged.addAll(acked);

      Set<String> stored = new HashSet<>();
      List<String> warnings = new ArrayList<>();
      int[] rows = {0};
      try (Store store = Stores.open(db, warnings::add)) {
        store.catchUp(operation -> {
          rows[0]++;
          if (operation instanceof Observation o) {
            stored.addAll(o.texts());
          }
        });
      } catch (IOException e) {
        throw new AssertionError("round " + round + ": the store did not open after SIGKILL: " + e.getMessage()
            + "\n" + rerun, e);
      }
      assertEquals(List.of(), warnings, "round " + round + ": the store opened with repairs\n" + rerun);
      int lost = 0;
      String example = null;
      for (String text : acknowledged) {
        if (!stored.contains(text)) {
          lost++;
          example = text;
        }
      }
      System.out.println("SqliteCrashIT round " + round + ": " + acked.size() + " facts acknowledged this round, "
          + rows[0] + " rows, " + stored.size() + " facts stored in all, lost " + lost);
      assertEquals(0, lost, "round " + round + ": acknowledged writes lost, e.g. " + example + "\n" + rerun);
    }
    assertTrue(acknowledged.size() > ROUNDS, "the writers got writes acknowledged\n" + rerun);
    System.out.println("SqliteCrashIT: " + ROUNDS + " kills in " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }
}
