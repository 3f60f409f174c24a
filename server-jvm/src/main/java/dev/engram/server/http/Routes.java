package dev.engram.server.http;

import dev.engram.server.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Registers each route with its access rule and a time limit, and remembers it: the list is what the OpenAPI
 * test compares with /openapi.json, so a route cannot be added without being documented.
 */
public final class Routes {
  /** One registered route. */
  public record Route(String method, String path, Access access) {}

  // Handlers run on virtual threads: a timed-out one keeps running to its end (a durable write is never cut
  // in half), but its caller is answered at the limit and nothing else waits on it.
  private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * The query parameters each GET route reads; any other one is refused (400) rather than ignored, as unknown
   * body fields are, so a misspelt {@code k} or a parameter sent to the wrong route is reported, not dropped.
   */
  private static final Map<String, Set<String>> QUERY = Map.of(
      "/v1/{scope}/get", Set.of("q"),
      "/v1/{scope}/recall", Set.of("q", "k", "cursor"),
      "/v1/{scope}/chain", Set.of("q"),
      "/v1/{scope}/assess", Set.of("q"),
      "/v1/{scope}/assoc", Set.of("q", "k"),
      "/v1/{scope}/notes", Set.of("kind", "k", "cursor"),
      "/v1/brain/concepts", Set.of("topic"),
      "/v1/brain/stream", Set.of("step_ms", "interval_ms", "count"));

  /** The same for the POST routes whose body is a file rather than JSON, so their options travel in the query. */
  private static final Map<String, Set<String>> POST_QUERY = Map.of(
      "/v1/brain/watch", Set.of("label", "k"),
      "/v1/brain/listen", Set.of("label", "k"));

  private final List<Route> list = new ArrayList<>();
  private final Guard guard;
  private final long timeoutMs;

  Routes(Guard guard, long timeoutMs) {
    this.guard = guard;
    this.timeoutMs = timeoutMs;
  }

  List<Route> list() {
    return List.copyOf(list);
  }

  void get(JavalinConfig config, String path, Access access, Handler handler) {
    add(config, HandlerType.GET, path, access, handler);
  }

  /**
   * A route that answers with a long-lived event stream: checked like any route, but not cut off at the
   * request time limit (the stream bounds its own length and ends when the client leaves).
   */
  void stream(JavalinConfig config, HandlerType method, String path, Access access, Handler handler) {
    add(config, method, path, access, handler, false);
  }

  void post(JavalinConfig config, String path, Access access, Handler handler) {
    add(config, HandlerType.POST, path, access, handler);
  }

  void put(JavalinConfig config, String path, Access access, Handler handler) {
    add(config, HandlerType.PUT, path, access, handler);
  }

  void delete(JavalinConfig config, String path, Access access, Handler handler) {
    add(config, HandlerType.DELETE, path, access, handler);
  }

  private void add(JavalinConfig config, HandlerType method, String path, Access access, Handler handler) {
    add(config, method, path, access, handler, true);
  }

  private void add(JavalinConfig config, HandlerType method, String path, Access access, Handler handler,
      boolean timed) {
    list.add(new Route(method.name(), path, access));
    Set<String> query = method == HandlerType.GET ? QUERY.getOrDefault(path, Set.of())
        : method == HandlerType.POST ? POST_QUERY.getOrDefault(path, Set.of()) : Set.of();
    Handler guarded = ctx -> {
      ctx.attribute(HttpServer.ROUTE, path);
      guard.authorize(ctx, access);
      for (String name : ctx.queryParamMap().keySet()) {
        if (!query.contains(name)) {
          throw new IllegalArgumentException("unknown query parameter '" + name + "'; " + method.name() + " " + path
              + (query.isEmpty() ? " takes none" : " takes " + String.join(", ", new java.util.TreeSet<>(query))));
        }
      }
      if (access == Access.PUBLIC || !timed) {
        handler.handle(ctx);
        return;
      }
      ctx.async(task -> {
        task.executor = WORKERS;
        task.timeout = timeoutMs;
        task.onTimeout(late -> HttpServer.json(late, 503, Json.error("the request took longer than the limit of "
            + timeoutMs + " ms (--request-timeout); a write may still complete, so check before retrying it")));
      }, () -> handler.handle(ctx));
    };
    config.routes.addEndpoint(new Endpoint(method, path, guarded));
  }
}
