package dev.engram.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.server.DurableEngram;
import dev.engram.server.Json;
import dev.engram.server.security.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench}: benchmarks that are not part of the test run. {@code engram bench http} starts a real
 * server on loopback over a fresh temporary data directory (deleted afterwards), fills one scope, and lets N
 * client threads send a fixed mix of requests for S seconds, each with the bearer key as a deployed server
 * would see it. It reports throughput, p50 and p99 latency per endpoint, and every error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "NAME",
    description = "Benchmarks (not part of the test run).", subcommands = BenchVerb.Http.class)
public final class BenchVerb implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The request mix: name, weight in percent. */
  private enum Kind {
    OBSERVE("POST /v1/{scope}/observe", 20),
    GET("GET /v1/{scope}/get", 30),
    RECALL("GET /v1/{scope}/recall", 30),
    STATS("GET /v1/{scope}/stats", 10),
    HEALTHZ("GET /healthz", 10);

    final String label;
    final int weight;

    Kind(String label, int weight) {
      this.label = label;
      this.weight = weight;
    }
  }

  @Command(name = "http", mixinStandardHelpOptions = true,
      description = {"N concurrent clients on loopback against a real server for S seconds: per-endpoint",
          "throughput, p50/p99 latency and errors. Mix: 20% observe (one fact, durable), 30% get, 30% recall,",
          "10% scope stats, 10% healthz; the scope holds --facts facts first."})
  public static final class Http implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients = 16;

    @Option(names = "--seconds", paramLabel = "S", description = "measured duration (default: ${DEFAULT-VALUE})")
    int seconds = 20;

    @Option(names = "--facts", paramLabel = "N", description = "facts stored before measuring (default: ${DEFAULT-VALUE})")
    int facts = 2000;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the request mix (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (clients < 1 || clients > 1024) {
        throw new IllegalArgumentException("--clients must be between 1 and 1024, got " + clients);
      }
      if (seconds < 1 || seconds > 3600) {
        throw new IllegalArgumentException("--seconds must be between 1 and 3600, got " + seconds);
      }
      if (facts < 1 || facts > 1_000_000) {
        throw new IllegalArgumentException("--facts must be between 1 and 1,000,000, got " + facts);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = Files.createTempDirectory("engram-bench-http");
      String key = Credentials.mint("bench").token();
      try (DurableEngram memory = DurableEngram.open(dir.resolve("db"), w -> err.println("engram: warning: " + w))) {
        HttpServer.Options options = new HttpServer.Options("127.0.0.1", 0, dir.resolve("none"), dir.resolve("none"))
            .withCredentials(Credentials.master(key));
        try (HttpServer server = HttpServer.start(memory, options)) {
          ObjectNode report = run(server.port(), key, err);
          report.put("clients", clients).put("seconds", seconds).put("facts", facts).put("seed", seed);
          if (json) {
            out.println(report);
          } else {
            print(report, out);
          }
          out.flush();
          return report.get("errors").asLong() == 0 ? 0 : 1;
        }
      } finally {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }

    private ObjectNode run(int port, String key, PrintWriter err) throws Exception {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://127.0.0.1:" + port;
      String[] subjects = new String[facts];
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < facts; i++) {
        subjects[i] = "service" + i;
        batch.add("The owner of service" + i + " is team" + (i % 97) + ".");
      }
      HttpResponse<String> seeded = client.send(request(base + "/v1/bench/observe", key)
          .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.createObjectNode()
              .set("texts", Json.MAPPER.valueToTree(batch)).toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (seeded.statusCode() != 200) {
        throw new IOException("seeding the bench scope failed: " + seeded.statusCode() + " " + seeded.body());
      }
      long[][][] latencies = new long[clients][Kind.values().length][];
      int[][] counts = new int[clients][Kind.values().length];
      AtomicLong errors = new AtomicLong();
      AtomicLong done = new AtomicLong();
      List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      Thread[] threads = new Thread[clients];
      for (int c = 0; c < clients; c++) {
        int me = c;
        threads[c] = Thread.ofPlatform().name("bench-client-" + c).start(() -> {
          SplittableRandom random = new SplittableRandom(seed * 1_000_003L + me);
          for (int k = 0; k < Kind.values().length; k++) {
            latencies[me][k] = new long[1024];
          }
          int n = 0;
          while (System.nanoTime() < deadline) {
            Kind kind = pick(random.nextInt(100));
            String subject = subjects[random.nextInt(subjects.length)];
            HttpRequest req = switch (kind) {
              case OBSERVE -> request(base + "/v1/bench/observe", key).POST(HttpRequest.BodyPublishers.ofString(
                  "{\"text\":\"The pager of " + subject + " rotates every " + (1 + random.nextInt(9)) + " weeks (" + me + "-"
                      + (n++) + ").\"}")).build();
              case GET -> request(base + "/v1/bench/get?q=" + enc("who is the owner of " + subject + "?"), key).GET().build();
              case RECALL -> request(base + "/v1/bench/recall?k=5&q=" + enc(subject + " owner"), key).GET().build();
              case STATS -> request(base + "/v1/bench/stats", key).GET().build();
              case HEALTHZ -> HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build();
            };
            long start = System.nanoTime();
            int status;
            String body;
            try {
              HttpResponse<String> response = client.send(req, HttpResponse.BodyHandlers.ofString());
              status = response.statusCode();
              body = response.body();
            } catch (IOException | InterruptedException e) {
              status = -1;
              body = e.toString();
            }
            long nanos = System.nanoTime() - start;
            int k = kind.ordinal();
            if (counts[me][k] == latencies[me][k].length) {
              latencies[me][k] = Arrays.copyOf(latencies[me][k], latencies[me][k].length * 2);
            }
            latencies[me][k][counts[me][k]++] = nanos;
            done.incrementAndGet();
            if (status != 200) {
              errors.incrementAndGet();
              if (firstErrors.size() < 5) {
                firstErrors.add(kind.label + " -> " + status + " " + body);
              }
            }
          }
        });
      }
      for (int s = 1; s <= seconds; s++) {
        long wait = deadline - (seconds - s) * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        err.print("\rbench http: " + s + "/" + seconds + " s, " + done.get() + " requests, " + errors.get() + " errors");
        err.flush();
      }
      for (Thread t : threads) {
        t.join();
      }
      err.println();
      err.flush();
      ObjectNode report = Json.MAPPER.createObjectNode();
      ArrayNode endpoints = report.putArray("endpoints");
      long total = 0;
      for (Kind kind : Kind.values()) {
        int k = kind.ordinal();
        int n = 0;
        for (int c = 0; c < clients; c++) {
          n += counts[c][k];
        }
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < clients; c++) {
          System.arraycopy(latencies[c][k], 0, all, at, counts[c][k]);
          at += counts[c][k];
        }
        Arrays.sort(all);
        total += n;
        endpoints.addObject().put("endpoint", kind.label).put("requests", n)
            .put("perSecond", Math.round(n / (double) seconds))
            .put("p50ms", ms(percentile(all, 0.50))).put("p99ms", ms(percentile(all, 0.99)));
      }
      report.put("requests", total).put("perSecond", Math.round(total / (double) seconds)).put("errors", errors.get());
      ArrayNode samples = report.putArray("errorSamples");
      firstErrors.forEach(samples::add);
      return report;
    }

    private static Kind pick(int percent) {
      int acc = 0;
      for (Kind kind : Kind.values()) {
        acc += kind.weight;
        if (percent < acc) {
          return kind;
        }
      }
      return Kind.HEALTHZ;
    }

    private static HttpRequest.Builder request(String url, String key) {
      return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json");
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, UTF_8);
    }

    /** Nearest-rank percentile of sorted nanoseconds; 0 for no samples. */
    private static long percentile(long[] sorted, double q) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
      return Math.round(nanos / 1e4) / 100.0;
    }

    private static void print(ObjectNode report, PrintWriter out) {
      out.println("engram bench http: " + report.get("clients") + " clients, " + report.get("seconds") + " s, "
          + report.get("facts") + " facts in the scope");
      out.printf("%-28s %10s %8s %9s %9s%n", "endpoint", "requests", "req/s", "p50 ms", "p99 ms");
      for (var e : report.get("endpoints")) {
        out.printf("%-28s %10d %8d %9.2f %9.2f%n", e.get("endpoint").asText(), e.get("requests").asLong(),
            e.get("perSecond").asLong(), e.get("p50ms").asDouble(), e.get("p99ms").asDouble());
      }
      out.println("total: " + report.get("requests") + " requests, " + report.get("perSecond") + " req/s, errors: "
          + report.get("errors"));
      for (var s : report.get("errorSamples")) {
        out.println("  error: " + s.asText());
      }
    }
  }
}
