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
import dev.engram.server.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * GET  /                            web-lab/ (its page loads the npm build from /engram/)
 * GET  /engram/…                    npm/dist/
 * </pre>
 * ITEM is {@code {"id", "text", "kind", "score", "value", "why", "strength"}} ({@link Json#item}). Writes
 * (observe, notes, forget, vars PUT/DELETE) are durable before they are answered.
 * The spiking brain lives in memory ({@link BrainHost}); its calls are serialised by its lock, and as requests run on
 * virtual threads a long step holds up only other brain calls, never /healthz or memory; a step is capped at
 * {@link BrainHost#MAX_STEP_MS} per call so that wait stays bounded (about 4 s at scale 0.01 on this machine).
 * Every failure answers with a JSON {@code {"error": "..."}}: 400 for bad input, 404/405 for unknown
 * routes, 413 for a body over {@link #MAX_BODY_BYTES}, 503 when storage fails.
 */
public final class HttpServer implements AutoCloseable {
  /** Largest request body: a 1 Mi-char text ({@link Limits#MAX_TEXT_CHARS}) may need 3 MiB of UTF-8 plus escapes. */
  public static final long MAX_BODY_BYTES = 32L << 20;
  /** k for recall when the request names none. */
  public static final int DEFAULT_K = 5;
  /** k for a notes listing when the request names none. */
  public static final int DEFAULT_NOTES_K = 20;

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final String JSON = "application/json; charset=utf-8";

  /**
   * Where to listen and what to serve.
   *
   * @param host interface to bind (127.0.0.1 keeps the server local)
   * @param port port, 0 for any free one
   * @param labDir the web-lab directory served at {@code /}
   * @param npmDist the npm package build served at {@code /engram/}
   */
  public record Options(String host, int port, Path labDir, Path npmDist) {}

  private final Javalin app;
  private final String labProblem;
  private final BrainHost ownedBrain;

  private HttpServer(Javalin app, String labProblem, BrainHost ownedBrain) {
    this.app = app;
    this.labProblem = labProblem;
    this.ownedBrain = ownedBrain;
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
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.http.prefer405over404 = true;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));

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
      config.routes.get("/healthz", ctx -> json(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok")));
      config.routes.post("/v1/{scope}/observe", api::observe);
      config.routes.get("/v1/{scope}/get", api::get);
      config.routes.get("/v1/{scope}/recall", api::recall);
      config.routes.get("/v1/{scope}/chain", api::chain);
      config.routes.get("/v1/{scope}/assess", api::assess);
      config.routes.get("/v1/{scope}/assoc", api::assoc);
      config.routes.post("/v1/{scope}/notes", api::note);
      config.routes.get("/v1/{scope}/notes", api::notes);
      config.routes.post("/v1/{scope}/forget", api::forget);
      config.routes.get("/v1/{scope}/vars", api::vars);
      config.routes.get("/v1/{scope}/vars/{name}", api::getVar);
      config.routes.put("/v1/{scope}/vars/{name}", api::setVar);
      config.routes.delete("/v1/{scope}/vars/{name}", api::deleteVar);
      config.routes.get("/v1/{scope}/stats", ctx -> json(ctx, 200, Json.stats(ctx.pathParam("scope"),
          memory.stats(ctx.pathParam("scope")))));
      config.routes.post("/v1/route", api::route);
      config.routes.get("/v1/stats", ctx -> json(ctx, 200, Json.stats(null, memory.stats(null))));
      config.routes.get("/v1/scopes", ctx -> json(ctx, 200, Json.scopes(memory.scopes())));
      // One knowledge base per data directory; "brain" is a route, not a scope (no scope route ends in these verbs).
      config.routes.post("/v1/brain/learn", api::learn);
      config.routes.post("/v1/brain/ask", api::ask);
      config.routes.post("/v1/brain/dialogue", api::dialogue);
      config.routes.get("/v1/brain/topics", ctx -> json(ctx, 200, memory.knowledge(kb -> KnowledgeVerbs.topics(kb.graph()))));
      config.routes.get("/v1/brain/concepts", ctx -> {
        String topic = ctx.queryParam("topic");
        json(ctx, 200, memory.knowledge(kb -> KnowledgeVerbs.concepts(kb.graph(),
            topic == null || topic.isBlank() ? null : topic)));
      });
      config.routes.get("/v1/brain/status", ctx -> json(ctx, 200, BrainVerbs.status(brain.status())));
      config.routes.post("/v1/brain/step", api::brainStep);
      config.routes.post("/v1/brain/imprint", api::brainImprint);
      config.routes.post("/v1/brain/recall", api::brainRecall);
      config.routes.before("/v1/*", HttpServer::checkDeclaredLength);

      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> json(ctx, 400, Json.error(e.getMessage())));
      config.routes.exception(dev.engram.server.llm.LlmClient.LlmException.class,
          (e, ctx) -> json(ctx, 502, Json.error(e.getMessage())));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> {
        String message = e.getStatus() == 413 && !e.getMessage().contains("limit")
            ? "request body is over the limit of " + MAX_BODY_BYTES + " bytes (split the texts over several requests)"
            : e.getMessage();
        json(ctx, e.getStatus(), Json.error(message));
      });
      config.routes.exception(StoreException.class, (e, ctx) -> {
        LOG.error("storage failed: {}", e.getMessage());
        json(ctx, 503, Json.error("storage failed: " + e.getMessage()));
      });
      config.routes.exception(IOException.class, (e, ctx) -> {
        LOG.error("I/O failure on {} {}: {}", ctx.method(), ctx.path(), e.toString());
        json(ctx, 503, Json.error("I/O failure: " + e.getMessage()));
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
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
    return new HttpServer(app, labProblem, owned);
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
   * web-lab/ also holds its test tooling (package.json, node_modules/, test/); only the page itself is
   * published.
   */
  static boolean isLabTooling(String path) {
    return path.startsWith("/node_modules/") || path.startsWith("/test/") || path.equals("/package.json")
        || path.equals("/package-lock.json");
  }

  private static boolean wantsJson(Context ctx) {
    return ctx.path().startsWith("/v1/") || ctx.path().equals("/v1") || ctx.path().equals("/healthz");
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
      json(ctx, 200, Json.route(memory.route(dispatcher, string(body, "scope"), string(body, "message"))));
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
      byte[] raw = ctx.bodyAsBytes();
      if (raw.length > MAX_BODY_BYTES) {
        throw new HttpResponseException(413, "request body is over the limit of " + MAX_BODY_BYTES + " bytes");
      }
      JsonNode body;
      try {
        body = Json.MAPPER.readTree(raw);
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
