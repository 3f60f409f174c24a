package dev.engram.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.server.DurableEngram;
import dev.engram.server.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code engram bench writes}: acknowledged durable fact writes per second from concurrent clients.
 *
 * <p>Each client is a virtual thread calling {@link DurableEngram#observe} in a loop, as the HTTP
 * server's request handlers do; a write counts once observe has returned, i.e. once its group commit is
 * durable (SQLite, WAL, synchronous=FULL) and applied. Two runs, each on a fresh database: "batched"
 * (every request carries {@code --batch} facts) and "single" (one fact per request). HTTP parsing is not
 * part of the measurement. Prints one JSON line per run to standard output, progress to standard error.
 */
public final class WriteBench {
  private WriteBench() {}

  private record Settings(int clients, int seconds, int batch, Path db, List<String> modes) {}

  /** Per-request latencies of one client, in nanoseconds; a growable primitive array (no boxing on the hot path). */
  private static final class Latencies {
    long[] values = new long[1024];
    int size;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("engram bench writes: " + e.getMessage());
      System.err.println("usage: engram bench writes [--json] [--clients 64] [--seconds 10] [--batch 100]"
          + " [--mode batched|single|both] [--db DIR]");
      System.exit(2);
      return;
    }
    for (String mode : settings.modes()) {
      System.out.println(run(settings, mode).toString());
      System.out.flush();
    }
  }

  private static Settings parse(String[] args) {
    int clients = 64;
    int seconds = 10;
    int batch = 100;
    Path db = null;
    List<String> modes = List.of("batched", "single");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--json" -> { } // the output is always JSON lines
        case "--clients" -> clients = positive(a, value(args, ++i, a));
        case "--seconds" -> seconds = positive(a, value(args, ++i, a));
        case "--batch" -> batch = positive(a, value(args, ++i, a));
        case "--db" -> db = Path.of(value(args, ++i, a));
        case "--mode" -> {
          String m = value(args, ++i, a);
          modes = switch (m) {
            case "both" -> List.of("batched", "single");
            case "batched", "single" -> List.of(m);
            default -> throw new IllegalArgumentException("--mode is batched, single or both, not '" + m + "'");
          };
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (batch > dev.engram.Limits.MAX_BATCH) {
      throw new IllegalArgumentException("--batch is at most " + dev.engram.Limits.MAX_BATCH + " (a request's limit)");
    }
    return new Settings(clients, seconds, batch, db, modes);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive whole number, not '" + value + "'");
  }

  private static ObjectNode run(Settings settings, String mode) throws Exception {
    int perRequest = mode.equals("batched") ? settings.batch() : 1;
    Path dir = settings.db() != null ? settings.db().resolve(mode) : Files.createTempDirectory("engram-bench-writes");
    boolean temporary = settings.db() == null;
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong facts = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Latencies> latencies = new ArrayList<>();
    long elapsed;
    try (DurableEngram memory = DurableEngram.open(dir, w -> System.err.println("engram: warning: " + w))) {
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        Latencies mine = new Latencies();
        latencies.add(mine);
        String scope = "bench-" + c;
        int client = c;
        threads.add(Thread.ofVirtual().unstarted(() -> {
          List<String> texts = new ArrayList<>(perRequest);
          for (long i = 0; !stop.get(); i++) {
            texts.clear();
            for (int j = 0; j < perRequest; j++) {
              texts.add("Item c" + client + "r" + i + "f" + j + " has colour shade " + (i * perRequest + j) + ".");
            }
            long t0 = System.nanoTime();
            try {
              int stored = memory.observe(scope, texts);
              mine.add(System.nanoTime() - t0);
              facts.addAndGet(stored);
              requests.incrementAndGet();
            } catch (IOException | RuntimeException e) {
              if (errors.getAndIncrement() == 0) {
                System.err.println("engram bench writes: a write failed: " + e);
              }
            }
          }
        }));
      }
      long start = System.nanoTime();
      threads.forEach(Thread::start);
      long lastFacts = 0;
      for (int s = 1; s <= settings.seconds(); s++) {
        Thread.sleep(Math.max(0, start + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
        long now = facts.get();
        System.err.printf("\r%s: [%-20s] %d/%d s, %,d facts/s this second   ", mode,
            "=".repeat(20 * s / settings.seconds()), s, settings.seconds(), now - lastFacts);
        lastFacts = now;
      }
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      elapsed = System.nanoTime() - start;
      System.err.println();
    } finally {
      if (temporary) {
        deleteTree(dir);
      }
    }
    long[] all = merge(latencies);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("bench", "writes");
    out.put("mode", mode);
    out.put("store", "sqlite (WAL, synchronous=FULL), group commit");
    out.put("path", "in-process DurableEngram.observe from virtual threads (no HTTP)");
    out.put("clients", settings.clients());
    out.put("factsPerRequest", perRequest);
    out.put("seconds", elapsed / 1e9);
    out.put("requests", requests.get());
    out.put("facts", facts.get());
    out.put("errors", errors.get());
    out.put("factsPerSecond", Math.round(facts.get() / (elapsed / 1e9)));
    out.put("requestsPerSecond", Math.round(requests.get() / (elapsed / 1e9)));
    out.put("p50Ms", percentile(all, 0.50) / 1e6);
    out.put("p99Ms", percentile(all, 0.99) / 1e6);
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("loadAverageBefore", loadBefore);
    out.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.put("java", System.getProperty("java.version"));
    out.put("date", Instant.now().toString());
    return out;
  }

  private static long[] merge(List<Latencies> latencies) {
    int n = 0;
    for (Latencies l : latencies) {
      n += l.size;
    }
    long[] all = new long[n];
    int at = 0;
    for (Latencies l : latencies) {
      System.arraycopy(l.values, 0, all, at, l.size);
      at += l.size;
    }
    Arrays.sort(all);
    return all;
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
