package dev.engram.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.server.BrainVerbs;
import dev.engram.server.Json;
import dev.engram.server.brain.BrainHost;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import java.util.List;

/**
 * {@code GET /v1/brain/stream}: server-sent events of the brain's per-region spike rates and modulator
 * levels, one {@code tick} event per interval, for a page that animates the brain.
 *
 * <p>Query parameters, checked before the stream opens (a bad one is a 400 with a JSON error):
 * {@code step_ms} (0..1000, default 10) milliseconds of brain time to run before each event, 0 to only
 * watch a brain others step; {@code interval_ms} (20..10000, default 250) wall time between events;
 * {@code count} (1..100000, default 1200) events before the server ends the stream. Each event's data is
 * {@code {"timeMs", "wallMs", "regions": [{"name", "neurons", "rateHz"}], "modulators": {...}}}, the
 * rates over the brain time since the previous event (0 when none ran).
 *
 * <p>Stepping goes through {@link BrainHost}'s lock with a bounded budget per event, on the request's
 * virtual thread, so a stream never holds up memory requests or /healthz, and it ends when the client
 * goes away.
 */
final class BrainStream implements Handler {
  static final int MAX_STEP_MS = 1000;
  static final int MIN_INTERVAL_MS = 20;
  static final int MAX_INTERVAL_MS = 10_000;
  static final int MAX_COUNT = 100_000;

  private final BrainHost brain;

  BrainStream(BrainHost brain) {
    this.brain = brain;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpResponseException(406, "this is a server-sent event stream: send Accept: text/event-stream"
          + " (a browser's EventSource does; with curl add -H 'Accept: text/event-stream')");
    }
    int stepMs = param(ctx, "step_ms", 10, 0, MAX_STEP_MS);
    int intervalMs = param(ctx, "interval_ms", 250, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
    int count = param(ctx, "count", 1200, 1, MAX_COUNT);
    new SseHandler(client -> {
      BrainHost.Sample last = brain.sample();
      for (int sent = 0; sent < count && !client.terminated(); sent++) {
        long start = System.nanoTime();
        if (stepMs > 0) {
          brain.step(stepMs);
        }
        BrainHost.Sample now = brain.sample();
        double wallMs = (System.nanoTime() - start) / 1e6;
        client.sendEvent("tick", tick(now, now.ratesSince(last), wallMs).toString());
        last = now;
        long rest = intervalMs - (long) wallMs;
        if (rest > 0 && sent + 1 < count) {
          try {
            Thread.sleep(rest);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }).handle(ctx);
  }

  static ObjectNode tick(BrainHost.Sample sample, List<BrainHost.Region> rates, double wallMs) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("timeMs", sample.timeMs())
        .put("wallMs", Math.round(wallMs * 10) / 10.0);
    BrainVerbs.regions(node.putArray("regions"), rates);
    BrainVerbs.modulators(node.putObject("modulators"), sample.modulators());
    return node;
  }

  private static int param(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
  }
}
