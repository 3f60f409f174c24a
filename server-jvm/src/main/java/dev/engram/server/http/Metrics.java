package dev.engram.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.engram.Stats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus text exposition (format 0.0.4) for /metrics, written by hand: a request counter per
 * method, route template and status, a latency histogram per method and route, facts stored, uptime.
 *
 * <p>Labels are route templates ({@code /v1/{scope}/get}), never raw paths, so scope names (which may name
 * tenants) do not leak into metrics and the series count stays bounded by the route table. Counters are
 * {@link LongAdder}s: a request adds to a per-thread cell, not one contended word.
 */
final class Metrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Upper bounds of the latency buckets, in seconds: 0.5 ms to 10 s, about 2.5x apart. */
  private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final long startedNanos = System.nanoTime();
  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Histogram> latency = new ConcurrentHashMap<>();

  /** Per-bucket counts (not cumulative; summed when rendered), the sum and the count of one series. */
  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      int i = 0;
      while (i < BUCKETS.length && seconds > BUCKETS[i]) {
        i++;
      }
      buckets[i].increment();
      sum.add(seconds);
    }
  }

  void record(String method, String route, int status, double seconds) {
    String series = "method=\"" + escape(method) + "\",route=\"" + escape(route) + "\"";
    counts.computeIfAbsent(series + ",status=\"" + status + "\"", k -> new LongAdder()).increment();
    latency.computeIfAbsent(series, k -> new Histogram()).observe(seconds);
  }

  byte[] render(Stats stats) {
    StringBuilder out = new StringBuilder(4096);
    out.append("# HELP engram_http_requests_total HTTP requests answered, by method, route template and status.\n");
    out.append("# TYPE engram_http_requests_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(counts).entrySet()) {
      out.append("engram_http_requests_total{").append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n');
    }
    out.append("# HELP engram_http_request_duration_seconds Time to answer a request, by method and route template.\n");
    out.append("# TYPE engram_http_request_duration_seconds histogram\n");
    for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
      Histogram h = e.getValue();
      long cumulative = 0;
      for (int i = 0; i <= BUCKETS.length; i++) {
        cumulative += h.buckets[i].sum();
        String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
        out.append("engram_http_request_duration_seconds_bucket{").append(e.getKey()).append(",le=\"").append(le)
            .append("\"} ").append(cumulative).append('\n');
      }
      out.append("engram_http_request_duration_seconds_sum{").append(e.getKey()).append("} ")
          .append(number(h.sum.sum())).append('\n');
      out.append("engram_http_request_duration_seconds_count{").append(e.getKey()).append("} ")
          .append(cumulative).append('\n');
    }
    gauge(out, "engram_facts_stored", "Facts held in memory across all scopes (forgotten ones excluded).", stats.facts());
    gauge(out, "engram_scopes", "Scopes holding anything.", stats.scopes());
    gauge(out, "engram_vars", "Variables across all scopes.", stats.vars());
    out.append("# HELP engram_uptime_seconds Seconds since this server started.\n");
    out.append("# TYPE engram_uptime_seconds gauge\n");
    out.append("engram_uptime_seconds ").append(number((System.nanoTime() - startedNanos) / 1e9)).append('\n');
    return out.toString().getBytes(UTF_8);
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(' ').append(value).append('\n');
  }

  private static String number(double v) {
    return Double.toString(v);
  }

  /** Label values escape backslash, quote and newline (the exposition format's three escapes). */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
