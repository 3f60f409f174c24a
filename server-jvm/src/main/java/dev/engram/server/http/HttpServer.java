package dev.engram.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Limits;
import dev.engram.knowledge.SourceText;
import dev.engram.neuron.Dispatcher;
import dev.engram.server.DurableEngram;
import dev.engram.server.Json;
import dev.engram.server.KnowledgeVerbs;
import dev.engram.server.BrainVerbs;
import dev.engram.server.brain.BrainHost;
import dev.engram.server.brain.Media;
import dev.engram.server.security.Credentials;
import dev.engram.server.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code engram serve}: Javalin 7 on virtual threads in front of one {@link DurableEngram}.
 *
 * <pre>
 * GET  /healthz                     {"status": "ok"}
 * POST /v1/{scope}/observe          {"text": "..."} or {"texts": ["...", ...]}  ->  {"stored": N}
 * GET  /v1/{scope}/get?q=           {"value": "..." | null, "fact": "..." | null, "confidence": 0..1}
 * GET  /v1/{scope}/recall?q=&k=&cursor=
 *                                   {"facts": ["...", ...], "items": [ITEM, ...], "next": "cursor" | null}
 *                                   (k defaults to 5; pass "next" back as cursor for the following page)
 * GET  /v1/{scope}/assess?q=        {"score": 0..1}   how much of the question memory holds
 * GET  /v1/{scope}/assoc?q=&k=      {"items": [ITEM, ...]}   spreading activation from the cue q
 * GET  /v1/{scope}/chain?q=A -> r   {"value": "..." | null, "path": [...]}
 * POST /v1/{scope}/notes            {"kind": "task", "text": "..."}  ->  {"stored": N}
 * GET  /v1/{scope}/notes?kind=&k=&cursor=
 *                                   {"items": [ITEM, ...], "next": ...}   newest first; k defaults to 20
 * POST /v1/{scope}/forget           {"substring": "..."} ("" forgets the scope) or {"id": N}  ->  {"forgotten": N}
 * GET  /v1/{scope}/vars             {"vars": {"name": "value", ...}}
 * GET  /v1/{scope}/vars/{name}      {"name": "...", "value": "..." | null}
 * PUT  /v1/{scope}/vars/{name}      {"value": "..."}  ->  {"name": "...", "value": "..."}
 * DELETE /v1/{scope}/vars/{name}    {"name": "...", "deleted": true | false}
 * GET  /v1/{scope}/stats, /v1/stats {"scope", "scopes", "facts", "forgotten", "terms", "links", "vars"}
 * GET  /v1/scopes                   {"scopes": ["...", ...]}
 * POST /v1/brain/learn              {"topic": "...", "text": "...", "format": "text|md|vtt|srt" (optional:
 *                                   detected from the text)}  ->  {"topic", "sentences", "chunks", "triples",
 *                                   "newConcepts", "aliases", "ms", "extractor"}   durable before it is answered;
 *                                   502 when the configured LLM extractor fails (nothing learned)
 * POST /v1/brain/dialogue           {"question": "..."}  ->  text/event-stream: associations, token {"text"}..., done
 *                                  {"answer", "answeredBy"} (or error {"error"}); the LLM writes when configured
 * POST /v1/brain/ask                {"question": "..."}  ->  {"question", "knowsNothing", "answer", "answeredBy", "facts",
 *                                   "seeds", "associations": [{"name", "strength", "percent", "tag", "hops",
 *                                   "via", "triples"}]}   (200 with knowsNothing true when nothing matches)
 * GET  /v1/brain/topics             {"topics": [{"name", "concepts"}]}
 * GET  /v1/brain/concepts?topic=    {"topic", "concepts": [{"name", "degree", "aliases"}]}
 * GET  /v1/brain/status             the spiking brain: {"scale", "neurons", "proceduralSynapses", "learnedSynapses",
 *                                   "timeMs", "concepts", "conceptCapacity", "regions": [{"name", "neurons", "rateHz"}],
 *                                   "modulators": {"dopamine", ...}}   (rates: mean over the brain's life)
 * POST /v1/brain/step               {"ms": N} (1..10,000 per call)  ->  {"ms", "timeMs", "wallMs", "regions": [...]}
 *                                   (rates over the steps just run)
 * POST /v1/brain/imprint            {"subject", "relation", "object"}  ->  {"imprinted": true, "concepts", "learnedSynapses"}
 * POST /v1/brain/recall             {"concept": "...", "k": N (default 5)}  ->  {"concept", "ranked": [{"concept",
 *                                   "spikes", "firstSpikeStep", "spikesPerNeuron"}]}
 * POST /v1/brain/watch?label=&k=    body: a PNG/JPEG/GIF/BMP file (at most 16 MiB)  ->  {"region", "label", "cosine",
 *                                   "dimension", "groupSize", "steps", "sensorySpikes", "boundSynapses", "ranked": [...]}
 *                                   without label: the concepts the picture drives (brain unchanged); with: bound to it
 * POST /v1/brain/listen?label=&k=   the same for a WAV file (at most 16 MiB and 60 s), into the auditory region
 * POST /v1/brain/sleep              replay every imprinted sequence, prune what STDP drove down  ->  {"replayed",
 *                                   "pruned", "remaining"}
 * GET  /v1/brain/snapshot           the brain as a versioned, CRC-checked snapshot (application/octet-stream)
 * PUT  /v1/brain/snapshot           body: such a snapshot (at most 32 MiB; larger brains load by the CLI), replacing
 *                                   the brain  ->  status; a bad snapshot is a 400 and the brain is kept
 * GET  /v1/brain/stream             server-sent events: per-region rates and modulator levels, stepping as it goes
 * GET  /metrics                     Prometheus text: requests and latency by route template, facts stored, uptime
 * GET  /openapi.json                OpenAPI 3.1 document of every route above
 * GET  /                            web-lab/ and its build web-lab/dist/ (the page loads the npm build from /engram/)
 * GET  /engram/…                    npm/dist/
 * </pre>
 * ITEM is {@code {"id", "text", "kind", "score", "value", "why", "strength"}} ({@link Json#item}). Writes
 * (observe, notes, forget, vars PUT/DELETE) are durable before they are answered.
 * The spiking brain lives in memory ({@link BrainHost}); its calls are serialised by its lock, and as requests run on
 * virtual threads a long step holds up only other brain calls, never /healthz or memory; a step is capped at
 * {@link BrainHost#MAX_STEP_MS} per call so that wait stays bounded (about 4 s at scale 0.01 on this machine).
 * Every failure answers with a JSON {@code {"error": "..."}}: 400 for bad input, 401 without a valid bearer
 * token when {@link Options#credentials} are set, 403 for a scope token outside its scope ({@link Access} says
 * who may call each route), 404/405 for unknown routes, 413 for a body over {@link #MAX_BODY_BYTES}, 414/431
 * for a request line and headers over {@link #MAX_HEADER_BYTES}, 503 when storage fails or a request runs past
 * {@link Options#requestTimeoutMs}. The web-lab files and /healthz need no token.
 */
public final class HttpServer implements AutoCloseable {
  /** Largest request body: a 1 Mi-char text ({@link Limits#MAX_TEXT_CHARS}) may need 3 MiB of UTF-8 plus escapes. */
  public static final long MAX_BODY_BYTES = 32L << 20;
  /** Largest request line plus headers (Jetty answers 414 or 431 above it). */
  public static final int MAX_HEADER_BYTES = 64 << 10;
  /** k for recall when the request names none. */
  public static final int DEFAULT_K = 5;
  /** k for a notes listing when the request names none. */
  public static final int DEFAULT_NOTES_K = 20;

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final String JSON = "application/json; charset=utf-8";
  /** Default for {@link Options#requestTimeoutMs}: far above any normal call (a 10,000 ms brain step takes ~4 s). */
  public static final long DEFAULT_TIMEOUT_MS = 30_000;
  /** The request attribute holding the matched route template, for the access log and metrics. */
  static final String ROUTE = "engram.route";

  /**
   * Where to listen, what to serve and who may call.
   *
   * @param host interface to bind (127.0.0.1 keeps the server local)
   * @param port port, 0 for any free one
   * @param labDir the web-lab directory served at {@code /}
   * @param npmDist the npm package build served at {@code /engram/}
   * @param credentials the master key and scope tokens; {@link Credentials#open()} lets every request in
   * @param accessLog receives one JSON line per request, or {@code null} for none
   * @param requestTimeoutMs longest a handler may run before the caller gets a 503 naming the limit
   */
  public record Options(String host, int port, Path labDir, Path npmDist, Credentials credentials,
      Consumer<String> accessLog, long requestTimeoutMs) {
    public Options {
      if (credentials == null) {
        throw new IllegalArgumentException("credentials are required (Credentials.open() for none)");
      }
      if (requestTimeoutMs < 1) {
        throw new IllegalArgumentException("the request timeout must be at least 1 ms, got " + requestTimeoutMs);
      }
    }

    /** Open to every caller, no access log, the default timeout. */
    public Options(String host, int port, Path labDir, Path npmDist) {
      this(host, port, labDir, npmDist, Credentials.open(), null, DEFAULT_TIMEOUT_MS);
    }

    public Options withCredentials(Credentials c) {
      return new Options(host, port, labDir, npmDist, c, accessLog, requestTimeoutMs);
    }

    public Options withAccessLog(Consumer<String> log) {
      return new Options(host, port, labDir, npmDist, credentials, log, requestTimeoutMs);
    }

    public Options withRequestTimeoutMs(long ms) {
      return new Options(host, port, labDir, npmDist, credentials, accessLog, ms);
    }
  }

  private final Javalin app;
  private final String labProblem;
  private final BrainHost ownedBrain;
  private final List<Routes.Route> routes;

  private HttpServer(Javalin app, String labProblem, BrainHost ownedBrain, List<Routes.Route> routes) {
    this.app = app;
    this.labProblem = labProblem;
    this.ownedBrain = ownedBrain;
    this.routes = routes;
  }

  /** Starts serving {@code memory} with a new spiking brain (ENGRAM_SPIKING_SCALE or 0.01) closed with the server. */
  public static HttpServer start(DurableEngram memory, Options options) {
    BrainHost brain = BrainHost.create(BrainHost.scale(null, System.getenv("ENGRAM_SPIKING_SCALE")));
    try {
      return start(memory, options, brain, brain);
    } catch (RuntimeException e) {
      brain.close();
      throw e;
    }
  }

  /** Starts serving {@code memory} and {@code brain}; the caller keeps and closes the brain. */
  public static HttpServer start(DurableEngram memory, Options options, BrainHost brain) {
    return start(memory, options, brain, null);
  }

  private static HttpServer start(DurableEngram memory, Options options, BrainHost brain, BrainHost owned) {
    String labProblem = labProblem(options);
    Metrics metrics = new Metrics();
    Guard guard = new Guard(options.credentials());
    Consumer<String> accessLog = options.accessLog();
    Routes table = new Routes(guard, options.requestTimeoutMs());
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.http.prefer405over404 = true;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      // A client that stops sending or reading for this long loses its connection (slow-loris guard).
      config.jetty.modifyHttpConfiguration(http -> {
        http.setIdleTimeout(options.requestTimeoutMs());
        // Room for a question at its limit in any script: 4,096 chars of 3-byte UTF-8, percent-encoded, is 36 KiB.
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
      });

      if (labProblem == null) {
        config.staticFiles.add(files -> {
          files.hostedPath = "/";
          files.directory = options.labDir().toAbsolutePath().toString();
          files.location = Location.EXTERNAL;
          files.skipFileFunction = request -> isLabTooling(request.getRequestURI());
        });
        config.staticFiles.add(files -> {
          files.hostedPath = "/engram";
          files.directory = options.npmDist().toAbsolutePath().toString();
          files.location = Location.EXTERNAL;
        });
      } else {
        config.routes.get("/", ctx -> ctx.status(503).html(labMissingPage(labProblem)));
      }

      // Loaded once here, before any request thread: Dispatcher.shipped() is a lazy unsynchronised singleton,
      // and DurableEngram.route serialises every use of its router under the memory lock.
      Api api = new Api(memory, Dispatcher.shipped(), brain);
      Routes r = table;
      r.get(config, "/healthz", Access.PUBLIC, ctx -> json(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok")));
      r.post(config, "/v1/{scope}/observe", Access.SCOPE, api::observe);
      r.get(config, "/v1/{scope}/get", Access.SCOPE, api::get);
      r.get(config, "/v1/{scope}/recall", Access.SCOPE, api::recall);
      r.get(config, "/v1/{scope}/chain", Access.SCOPE, api::chain);
      r.get(config, "/v1/{scope}/assess", Access.SCOPE, api::assess);
      r.get(config, "/v1/{scope}/assoc", Access.SCOPE, api::assoc);
      r.post(config, "/v1/{scope}/notes", Access.SCOPE, api::note);
      r.get(config, "/v1/{scope}/notes", Access.SCOPE, api::notes);
      r.post(config, "/v1/{scope}/forget", Access.SCOPE, api::forget);
      r.get(config, "/v1/{scope}/vars", Access.SCOPE, api::vars);
      r.get(config, "/v1/{scope}/vars/{name}", Access.SCOPE, api::getVar);
      r.put(config, "/v1/{scope}/vars/{name}", Access.SCOPE, api::setVar);
      r.delete(config, "/v1/{scope}/vars/{name}", Access.SCOPE, api::deleteVar);
      r.get(config, "/v1/{scope}/stats", Access.SCOPE, ctx -> json(ctx, 200, Json.stats(ctx.pathParam("scope"),
          memory.stats(ctx.pathParam("scope")))));
      // The scope is in the body; the handler checks it against the caller's grant.
      r.post(config, "/v1/route", Access.ANY_TOKEN, api::route);
      r.get(config, "/v1/stats", Access.MASTER, ctx -> json(ctx, 200, Json.stats(null, memory.stats(null))));
      r.get(config, "/v1/scopes", Access.MASTER, ctx -> json(ctx, 200, Json.scopes(memory.scopes())));
      // One knowledge base per data directory, shared by every scope: only the master key reaches it.
      // "brain" is a route, not a scope (no scope route ends in these verbs).
      r.post(config, "/v1/brain/learn", Access.MASTER, api::learn);
      r.post(config, "/v1/brain/ask", Access.MASTER, api::ask);
      r.stream(config, HandlerType.POST, "/v1/brain/dialogue", Access.MASTER, api::dialogue);
      r.get(config, "/v1/brain/topics", Access.MASTER,
          ctx -> json(ctx, 200, memory.knowledge(kb -> KnowledgeVerbs.topics(kb.graph()))));
      r.get(config, "/v1/brain/concepts", Access.MASTER, ctx -> {
        String topic = ctx.queryParam("topic");
        json(ctx, 200, memory.knowledge(kb -> KnowledgeVerbs.concepts(kb.graph(),
            topic == null || topic.isBlank() ? null : topic)));
      });
      r.get(config, "/v1/brain/status", Access.MASTER, ctx -> json(ctx, 200, BrainVerbs.status(brain.status())));
      r.post(config, "/v1/brain/step", Access.MASTER, api::brainStep);
      r.post(config, "/v1/brain/imprint", Access.MASTER, api::brainImprint);
      r.post(config, "/v1/brain/recall", Access.MASTER, api::brainRecall);
      r.post(config, "/v1/brain/watch", Access.MASTER, api::brainWatch);
      r.post(config, "/v1/brain/listen", Access.MASTER, api::brainListen);
      r.post(config, "/v1/brain/sleep", Access.MASTER, ctx -> json(ctx, 200, BrainVerbs.slept(brain.sleep())));
      r.get(config, "/v1/brain/snapshot", Access.MASTER,
          ctx -> ctx.status(200).contentType("application/octet-stream").result(brain.snapshot()));
      r.put(config, "/v1/brain/snapshot", Access.MASTER, api::brainRestore);
      r.stream(config, HandlerType.GET, "/v1/brain/stream", Access.MASTER, new BrainStream(brain));
      r.get(config, "/metrics", Access.MASTER, ctx -> {
        // Facts are counted at scrape time from the store's own stats, so the figure is never stale.
        ctx.status(200).contentType(Metrics.CONTENT_TYPE).result(metrics.render(memory.stats(null)));
      });
      r.get(config, "/openapi.json", Access.ANY_TOKEN, ctx -> ctx.status(200).contentType(JSON).result(openApi()));

      // Refuses an unauthenticated request to any protected path, matched or not, so a caller without the key
      // cannot even learn which routes exist.
      config.routes.before(guard::authenticateProtectedPath);
      config.routes.before("/v1/*", HttpServer::checkDeclaredLength);
      config.requestLogger.http((ctx, ms) -> {
        String route = ctx.attribute(ROUTE);
        if (route == null) {
          route = ctx.status().getCode() == 404 ? "(no route)" : isProtected(ctx.path()) ? "(refused)" : "(static)";
        }
        metrics.record(ctx.method().name(), route, ctx.status().getCode(), ms / 1000.0);
        if (accessLog != null) {
          accessLog.accept(AccessLog.line(ctx.method().name(), route, ctx.status().getCode(), ms,
              ctx.req().getRemoteAddr()));
        }
      });

      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> json(ctx, 400, Json.error(e.getMessage())));
      config.routes.exception(dev.engram.server.llm.LlmClient.LlmException.class,
          (e, ctx) -> json(ctx, 502, Json.error(e.getMessage())));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        String message = e.getStatus() == 413 && !e.getMessage().contains("limit")
            ? "request body is over the limit of " + MAX_BODY_BYTES + " bytes (split the texts over several requests)"
            : e.getMessage();
        if (e.getStatus() == 401) {
          ctx.header("WWW-Authenticate", "Bearer realm=\"engram\"");
        }
        json(ctx, e.getStatus(), Json.error(message));
      });
      config.routes.exception(StoreException.class, (e, ctx) -> {
        LOG.error("storage failed: {}", e.getMessage());
        json(ctx, 503, Json.error("storage failed: " + e.getMessage()));
      });
      config.routes.exception(IOException.class, (e, ctx) -> {
        LOG.error("I/O failure on {} {}: {}", ctx.method(), ctx.attribute(ROUTE), e.toString());
        json(ctx, 503, Json.error("I/O failure: " + e.getMessage()));
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.attribute(ROUTE), e);
        json(ctx, 500, Json.error("internal error (logged on the server)"));
      });
      config.routes.error(404, ctx -> {
        if (wantsJson(ctx)) {
          json(ctx, 404, Json.error("no such endpoint: " + ctx.method() + " " + ctx.path()));
        }
      });
      config.routes.error(405, ctx -> {
        if (wantsJson(ctx)) {
          json(ctx, 405, Json.error(ctx.method() + " is not allowed on " + ctx.path()));
        }
      });
    });
    app.start();
    return new HttpServer(app, labProblem, owned, table.list());
  }

  /** Every route this server answers: method, path template and who may call it (the OpenAPI test reads it). */
  public List<Routes.Route> routes() {
    return routes;
  }

  /** The OpenAPI 3.1 document served at /openapi.json (a resource written by hand beside the routes). */
  static byte[] openApi() throws IOException {
    try (var in = HttpServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IOException("openapi.json is missing from the server jar");
      }
      return in.readAllBytes();
    }
  }

  /** Paths that need a bearer token when credentials are set: the API, metrics and the API document. */
  static boolean isProtected(String path) {
    return path.equals("/v1") || path.startsWith("/v1/") || path.equals("/metrics") || path.equals("/openapi.json");
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** Why the web-lab cannot be served, or {@code null} when it can. */
  public String labProblem() {
    return labProblem;
  }

  @Override
  public void close() {
    app.stop();
    if (ownedBrain != null) ownedBrain.close();
  }

  private static String labProblem(Options options) {
    if (options.labDir() == null || !Files.isRegularFile(options.labDir().resolve("index.html"))) {
      return "the web-lab page was not found (looked for " + options.labDir() + "/index.html; pass --lab-dir)";
    }
    if (options.npmDist() == null || !Files.isRegularFile(options.npmDist().resolve("index.js"))) {
      return "the npm build the page runs was not found (looked for " + options.npmDist()
          + "/index.js). ./engram serve builds it by itself; by hand: mvn -q -B -pl wasm-bridge -am package, then"
          + " cd npm && npm ci && npm run build (Node 22). Or pass --npm-dist DIR";
    }
    return null;
  }

  private static String labMissingPage(String problem) {
    String escaped = problem.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>engram: web-lab not built</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
        + "</head><body><main><h1>The engram web-lab is not available</h1><p>" + escaped + "</p>"
        + "<p>The HTTP API works regardless: <code>/healthz</code>, <code>/v1/{scope}/observe|get|recall</code>.</p>"
        + "</main></body></html>";
  }

  /**
   * web-lab/ also holds its sources and tooling (src/, scripts/, site/, package.json, node_modules/, test/); only
   * the page (index.html, lab.css, favicon.svg) and its build (dist/) are published.
   */
  static boolean isLabTooling(String path) {
    return path.startsWith("/node_modules/") || path.startsWith("/test/") || path.equals("/package.json")
        || path.equals("/package-lock.json") || path.startsWith("/src/") || path.startsWith("/scripts/")
        || path.startsWith("/site/") || path.equals("/tsconfig.json");
  }

  private static boolean wantsJson(Context ctx) {
    return isProtected(ctx.path()) || ctx.path().equals("/healthz");
  }

  /** Rejects a body declared larger than the limit before reading any of it. */
  private static void checkDeclaredLength(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw new HttpResponseException(413, "request body is " + declared + " bytes; the limit is "
          + MAX_BODY_BYTES + " (split the texts over several requests)");
    }
  }

  static void json(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType(JSON).result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The handlers; kept apart from server wiring so each reads as the contract it implements. */
  private record Api(DurableEngram memory, Dispatcher dispatcher, BrainHost brain) {
    void brainStep(Context ctx) {
      JsonNode body = object(ctx, "{\"ms\": N} (1.." + BrainHost.MAX_STEP_MS + ")", "ms");
      json(ctx, 200, BrainVerbs.stepped(brain.step(whole(body, "ms", 100))));
    }

    void brainImprint(Context ctx) {
      JsonNode body = object(ctx, "{\"subject\": \"...\", \"relation\": \"...\", \"object\": \"...\"}",
          "subject", "relation", "object");
      brain.imprint(string(body, "subject"), string(body, "relation"), string(body, "object"));
      BrainHost.Status s = brain.status();
      json(ctx, 200, Json.MAPPER.createObjectNode().put("imprinted", true).put("concepts", s.concepts())
          .put("learnedSynapses", s.learnedSynapses()));
    }

    void brainRecall(Context ctx) {
      JsonNode body = object(ctx, "{\"concept\": \"...\", \"k\": N (optional, default 5)}", "concept", "k");
      String concept = string(body, "concept");
      json(ctx, 200, BrainVerbs.recalled(concept, brain.recall(concept, whole(body, "k", DEFAULT_K))));
    }

    void brainWatch(Context ctx) {
      byte[] raw = media(ctx);
      int k = k(ctx, DEFAULT_K);
      if (k < 1 || k > BrainHost.MAX_K) {
        throw new IllegalArgumentException("k must be between 1 and " + BrainHost.MAX_K + ", got " + k);
      }
      json(ctx, 200, BrainVerbs.perceived(brain.watch(decode(() -> Media.image(raw)), label(ctx)), k));
    }

    void brainRestore(Context ctx) {
      brain.restore(body(ctx));
      json(ctx, 200, BrainVerbs.status(brain.status()));
    }

    void brainListen(Context ctx) {
      byte[] raw = media(ctx);
      int k = k(ctx, DEFAULT_K);
      if (k < 1 || k > BrainHost.MAX_K) {
        throw new IllegalArgumentException("k must be between 1 and " + BrainHost.MAX_K + ", got " + k);
      }
      json(ctx, 200, BrainVerbs.perceived(brain.listen(decode(() -> Media.wav(raw)), label(ctx)), k));
    }

    /** The raw body of watch/listen, refused with 413 over {@link Media#MAX_BYTES} (the JSON limit is larger). */
    private static byte[] media(Context ctx) {
      long declared = ctx.req().getContentLengthLong();
      if (declared > Media.MAX_BYTES) {
        throw new HttpResponseException(413, "the file is " + declared + " bytes; the limit is " + Media.MAX_BYTES + " (16 MiB)");
      }
      return body(ctx);
    }

    private static <T> T decode(java.util.function.Supplier<T> decoder) {
      try {
        return decoder.get();
      } catch (Media.TooLarge e) {
        throw new HttpResponseException(413, e.getMessage());
      }
    }

    /** The optional {@code label} query parameter; present but blank is an error (core says so). */
    private static String label(Context ctx) {
      return ctx.queryParam("label");
    }

    /** An optional whole-number field of {@code body}. */
    private static int whole(JsonNode body, String field, int fallback) {
      JsonNode node = body.get(field);
      if (node == null || node.isNull()) {
        return fallback;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw new IllegalArgumentException("\"" + field + "\" must be a whole number, got " + node);
      }
      return node.intValue();
    }

    void observe(Context ctx) throws Exception {
      String scope = ctx.pathParam("scope");
      JsonNode body = object(ctx, "{\"text\": \"...\"} or {\"texts\": [\"...\"]}", "text", "texts");
      JsonNode text = body.get("text");
      JsonNode texts = body.get("texts");
      List<String> list = new ArrayList<>();
      if (text != null && texts != null) {
        throw new IllegalArgumentException("send either \"text\" or \"texts\", not both");
      } else if (text != null) {
        if (!text.isTextual()) {
          throw new IllegalArgumentException("\"text\" must be a string");
        }
        list.add(text.textValue());
      } else if (texts != null) {
        if (!texts.isArray()) {
          throw new IllegalArgumentException("\"texts\" must be an array of strings");
        }
        if (texts.size() > Limits.MAX_BATCH) {
          throw new IllegalArgumentException(
              "\"texts\" has " + texts.size() + " items; the limit is " + Limits.MAX_BATCH + " per request");
        }
        for (int i = 0; i < texts.size(); i++) {
          if (!texts.get(i).isTextual()) {
            throw new IllegalArgumentException("\"texts\"[" + i + "] must be a string");
          }
          list.add(texts.get(i).textValue());
        }
      } else {
        throw new IllegalArgumentException("body needs \"text\" (a string) or \"texts\" (an array of strings)");
      }
      json(ctx, 200, Json.stored(memory.observe(scope, list)));
    }

    void learn(Context ctx) throws Exception {
      JsonNode body = object(ctx, "{\"topic\": \"...\", \"text\": \"...\", \"format\": \"text|md|vtt|srt\" (optional)}",
          "topic", "text", "format");
      String topic = string(body, "topic");
      String text = string(body, "text");
      JsonNode format = body.get("format");
      SourceText.Format chosen;
      if (format == null || format.isNull()) {
        chosen = SourceText.Format.detect(null, text);
      } else if (format.isTextual()) {
        chosen = KnowledgeVerbs.format(format.textValue());
      } else {
        throw new IllegalArgumentException("\"format\" must be a string: text, md, vtt or srt");
      }
      json(ctx, 200, KnowledgeVerbs.learn(memory, topic, text, chosen, null));
    }

    void ask(Context ctx) throws Exception {
      JsonNode body = object(ctx, "{\"question\": \"...\"}", "question");
      String question = string(body, "question");
      json(ctx, 200, KnowledgeVerbs.ask(memory, question));
    }

    /** Server-sent events: associations, token..., done (or error); see {@link KnowledgeVerbs#dialogue}. */
    void dialogue(Context ctx) throws Exception {
      JsonNode body = object(ctx, "{\"question\": \"...\"}", "question");
      String question = string(body, "question");
      java.io.OutputStream[] out = new java.io.OutputStream[1];
      KnowledgeVerbs.dialogue(memory, question, (event, data) -> {
        if (out[0] == null) {
          ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache");
          out[0] = ctx.res().getOutputStream();
        }
        out[0].write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out[0].flush();
      });
    }

    void route(Context ctx) throws Exception {
      JsonNode body = object(ctx, "{\"scope\": \"...\", \"message\": \"...\"}", "scope", "message");
      String scope = string(body, "scope");
      Guard.requireScope(ctx, scope);
      json(ctx, 200, Json.route(memory.route(dispatcher, scope, string(body, "message"))));
    }

    void get(Context ctx) throws Exception {
      json(ctx, 200, Json.answer(memory.recallValue(ctx.pathParam("scope"), question(ctx))));
    }

    void recall(Context ctx) throws Exception {
      json(ctx, 200, Json.recall(memory.recallPage(ctx.pathParam("scope"), question(ctx), k(ctx, DEFAULT_K),
          ctx.queryParam("cursor"))));
    }

    void assess(Context ctx) throws Exception {
      json(ctx, 200, Json.assess(memory.assess(ctx.pathParam("scope"), question(ctx))));
    }

    void assoc(Context ctx) throws Exception {
      json(ctx, 200, Json.items(memory.assoc(ctx.pathParam("scope"), question(ctx), k(ctx, DEFAULT_K))));
    }

    void note(Context ctx) throws Exception {
      JsonNode body = object(ctx, "{\"kind\": \"task\", \"text\": \"...\"}", "kind", "text");
      json(ctx, 200, Json.stored(memory.note(ctx.pathParam("scope"), string(body, "kind"), string(body, "text"))));
    }

    void notes(Context ctx) throws Exception {
      String kind = ctx.queryParam("kind");
      json(ctx, 200, Json.page(memory.notes(ctx.pathParam("scope"), kind == null || kind.isBlank() ? null : kind,
          k(ctx, DEFAULT_NOTES_K), ctx.queryParam("cursor"))));
    }

    void forget(Context ctx) throws Exception {
      String scope = ctx.pathParam("scope");
      String hint = "{\"substring\": \"...\"} (\"\" forgets the whole scope) or {\"id\": N}";
      JsonNode body = object(ctx, hint, "substring", "id");
      JsonNode substring = body.get("substring");
      JsonNode id = body.get("id");
      if (substring != null && id != null) {
        throw new IllegalArgumentException("send either \"substring\" or \"id\", not both");
      } else if (substring != null) {
        json(ctx, 200, Json.forgotten(memory.forget(scope, string(body, "substring"))));
      } else if (id != null) {
        if (!id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0) {
          throw new IllegalArgumentException("\"id\" must be a fact id (a whole number, 0 or more), got " + id);
        }
        json(ctx, 200, Json.forgotten(memory.forgetId(scope, id.intValue()) ? 1 : 0));
      } else {
        throw new IllegalArgumentException("body needs " + hint);
      }
    }

    void vars(Context ctx) throws Exception {
      json(ctx, 200, Json.vars(memory.vars(ctx.pathParam("scope"))));
    }

    void getVar(Context ctx) throws Exception {
      String name = ctx.pathParam("name");
      json(ctx, 200, Json.variable(name, memory.getVar(ctx.pathParam("scope"), name)));
    }

    void setVar(Context ctx) throws Exception {
      String name = ctx.pathParam("name");
      JsonNode body = object(ctx, "{\"value\": \"...\"}", "value");
      String value = string(body, "value");
      memory.setVar(ctx.pathParam("scope"), name, value);
      json(ctx, 200, Json.variable(name, value));
    }

    void deleteVar(Context ctx) throws Exception {
      String name = ctx.pathParam("name");
      json(ctx, 200, Json.deleted(name, memory.deleteVar(ctx.pathParam("scope"), name)));
    }

    /** The request body as a JSON object holding only {@code fields}; {@code shape} shows the caller what to send. */
    private static JsonNode object(Context ctx, String shape, String... fields) {
      byte[] raw = body(ctx);
      if (raw.length > MAX_BODY_BYTES) {
        throw new HttpResponseException(413, "request body is over the limit of " + MAX_BODY_BYTES + " bytes");
      }
      // Strict UTF-8 first: Jackson's decoder lets overlong forms through (C0 80 becomes NUL), and a byte
      // sequence no encoder would write is a broken or hostile client, not text to store.
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("body is not valid JSON: its bytes are not valid UTF-8 (send JSON encoded as UTF-8)");
      }
      JsonNode body;
      try {
        body = Json.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new IllegalArgumentException("body could not be read as JSON: " + e.getMessage());
      }
      if (body == null || body.isMissingNode()) {
        throw new IllegalArgumentException("body is empty; send " + shape);
      }
      if (!body.isObject()) {
        throw new IllegalArgumentException("body must be a JSON object: " + shape);
      }
      List<String> allowed = List.of(fields);
      for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw new IllegalArgumentException("unknown field '" + name + "'; send " + shape);
        }
      }
      return body;
    }

    /**
     * The raw body. A body that ends before its declared length or breaks its chunking is the client's fault
     * (400), not a storage failure: Jetty reports it as an IOException, which would otherwise map to 503.
     */
    private static byte[] body(Context ctx) {
      try {
        return ctx.bodyAsBytes();
      } catch (RuntimeException e) {
        if (e.getCause() instanceof IOException io) {
          throw new HttpResponseException(400, "the request body could not be read (" + io.getMessage()
              + "): it ended before its Content-Length or its chunked encoding is broken");
        }
        throw e;
      } catch (Exception e) {
        // Kotlin code can throw a checked IOException without declaring it.
        throw new HttpResponseException(400, "the request body could not be read (" + e.getMessage()
            + "): it ended before its Content-Length or its chunked encoding is broken");
      }
    }

    /** A required string field of {@code body}. */
    private static String string(JsonNode body, String field) {
      JsonNode node = body.get(field);
      if (node == null || node.isNull()) {
        throw new IllegalArgumentException("\"" + field + "\" is required");
      }
      if (!node.isTextual()) {
        throw new IllegalArgumentException("\"" + field + "\" must be a string");
      }
      return node.textValue();
    }

    void chain(Context ctx) throws Exception {
      json(ctx, 200, Json.chain(memory.chain(ctx.pathParam("scope"), question(ctx))));
    }

    private static String question(Context ctx) {
      String q = ctx.queryParam("q");
      if (q == null || q.isBlank()) {
        throw new IllegalArgumentException("query parameter q (the question) is required");
      }
      return q;
    }

    private static int k(Context ctx, int fallback) {
      String k = ctx.queryParam("k");
      if (k == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(k.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "query parameter k must be a whole number between 1 and " + Limits.MAX_K + ", got '" + k + "'");
      }
    }
  }
}
