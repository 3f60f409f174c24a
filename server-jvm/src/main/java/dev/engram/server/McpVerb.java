package dev.engram.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Limits;
import dev.engram.neuron.Dispatcher;
import dev.engram.server.http.HttpServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code engram mcp}: a Model Context Protocol server over stdio (the official Java SDK), exposing the
 * memory vocabulary as tools. Standard output is the protocol, so everything else (warnings, logs) goes to
 * standard error. Each tool answers JSON text in the shapes of {@link Json}; bad arguments answer a tool
 * error result ({@code isError: true}) and the server goes on.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve MCP (Model Context Protocol) over standard input/output until the client closes it.",
      "Tools: remember, recall, recall_value, recall_chain, recall_associative, note, forget, stats, route.",
      "Each tool takes an optional scope (default: --scope). Writes are durable before they are answered."
    })
final class McpVerb implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "scope used when a tool call names none (default: ${DEFAULT-VALUE})")
  String scope = "default";

  @Override
  public Integer call() throws Exception {
    Limits.checkScope(scope);
    CountDownLatch closed = new CountDownLatch(1);
    InputStream in = new EndWatcher(new FileInputStream(FileDescriptor.in), closed);
    OutputStream out = cli.rawOut != null ? cli.rawOut : new FileOutputStream(FileDescriptor.out);
    try (DurableEngram memory = cli.open()) {
      McpSyncServer server = start(memory, scope, in, out);
      cli.err.println("engram: MCP server on stdio (data in " + cli.db + ", default scope " + scope + ")");
      cli.err.flush();
      closed.await();
      server.closeGracefully();
    }
    return Cli.OK;
  }

  /** Starts a server answering on {@code in}/{@code out}; it runs until {@code in} ends. */
  static McpSyncServer start(DurableEngram memory, String defaultScope, InputStream in, OutputStream out) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, in, out);
    String version = Cli.class.getPackage().getImplementationVersion();
    return McpServer.sync(transport)
        .serverInfo("engram", version != null ? version : "development")
        .instructions("engram is a plain-language fact memory: remember statements, then recall values and facts.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(new Tools(memory, defaultScope).all())
        .build();
  }

  /** Counts down when standard input ends: the client is gone and the server should stop. */
  private static final class EndWatcher extends FilterInputStream {
    private final CountDownLatch ended;

    EndWatcher(InputStream in, CountDownLatch ended) {
      super(in);
      this.ended = ended;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        ended.countDown();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n < 0) {
        ended.countDown();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      ended.countDown();
      super.close();
    }
  }

  /** The tool table: name, description, schema and handler of each. */
  static final class Tools {
    private final DurableEngram memory;
    private final String defaultScope;

    Tools(DurableEngram memory, String defaultScope) {
      this.memory = memory;
      this.defaultScope = defaultScope;
    }

    interface Handler {
      ObjectNode call(Map<String, Object> args) throws IOException;
    }

    List<SyncToolSpecification> all() {
      List<SyncToolSpecification> tools = new ArrayList<>();
      tools.add(tool("remember", "Store the facts stated in text (plain sentences). Answers {\"stored\": N}.",
          props("text", "statements to remember, e.g. 'The deploy region is us-west-2.'"), List.of("text"),
          a -> Json.stored(memory.observe(scope(a), List.of(text(a, "text"))))));
      tools.add(tool("recall", "The stored facts that best match question, best first. Answers {\"facts\", \"items\", \"next\"}.",
          withK(props("question", "what to look for")), List.of("question"),
          a -> Json.recall(memory.recallPage(scope(a), text(a, "question"), k(a), null))));
      tools.add(tool("recall_value", "The value that answers question, or null when memory holds none. Answers {\"value\", \"fact\", \"confidence\"}.",
          props("question", "e.g. 'what is the deploy region?'"), List.of("question"),
          a -> Json.answer(memory.recallValue(scope(a), text(a, "question")))));
      tools.add(tool("recall_chain", "Multi-hop recall along relations: 'START -> relation -> relation'. Answers {\"value\", \"path\"}.",
          props("chain", "e.g. 'Aurora -> owner -> timezone'"), List.of("chain"),
          a -> Json.chain(memory.chain(scope(a), text(a, "chain")))));
      tools.add(tool("recall_associative", "The facts a cue activates through shared cues and learned links, ranked. Answers {\"items\"}.",
          withK(props("cue", "a word or phrase")), List.of("cue"),
          a -> Json.items(memory.assoc(scope(a), text(a, "cue"), k(a)))));
      Map<String, Object> noteProps = props("text", "the note");
      noteProps.put("kind", Map.of("type", "string", "description", "the kind of note",
          "enum", List.of("fact", "preference", "event", "task", "person", "instruction")));
      tools.add(tool("note", "Store text as a typed note. Answers {\"stored\": N}.", noteProps, List.of("kind", "text"),
          a -> Json.stored(memory.note(scope(a), text(a, "kind"), text(a, "text")))));
      tools.add(tool("forget", "Forget the facts containing substring (case-insensitive). Answers {\"forgotten\": N}.",
          props("substring", "text the facts to forget contain; must not be empty"), List.of("substring"),
          a -> {
            String substring = text(a, "substring");
            if (substring.isBlank()) {
              // The engine reads an empty substring as "the whole scope"; a tool call must say what it means.
              throw new IllegalArgumentException("substring must not be empty");
            }
            return Json.forgotten(memory.forget(scope(a), substring));
          }));
      tools.add(tool("stats", "Counts for the scope: facts, forgotten, terms, links, vars.",
          props(null, null), List.of(),
          a -> Json.stats(scope(a), memory.stats(scope(a)))));
      tools.add(tool("route", "Decide what to do with a conversation turn: ANSWER (memory holds it), STORE (a statement; it is"
              + " stored), FETCH (live-world question) or ESCALATE. Answers {\"route\", \"value\", \"facts\", \"confidence\"}.",
          props("message", "the user's turn"), List.of("message"),
          a -> Json.route(memory.route(Dispatcher.shipped(), scope(a), text(a, "message")))));
      Map<String, Object> varProps = props("name", "the variable's name, e.g. 'theme'");
      varProps.put("value", Map.of("type", "string", "description", "the value to keep (exact text, not parsed)"));
      tools.add(tool("var_set", "Set a variable of the scope: an exact name = value pair, kept apart from the facts."
              + " Answers {\"name\", \"value\"}.",
          varProps, List.of("name", "value"),
          a -> {
            memory.setVar(scope(a), text(a, "name"), text(a, "value"));
            return Json.variable(text(a, "name"), text(a, "value"));
          }));
      tools.add(tool("var_get", "A variable of the scope, or null when it is not set. Answers {\"name\", \"value\"}.",
          props("name", "the variable's name"), List.of("name"),
          a -> Json.variable(text(a, "name"), memory.getVar(scope(a), text(a, "name")))));
      tools.add(tool("vars", "Every variable of the scope, by name. Answers {\"vars\": {name: value}}.",
          props(null, null), List.of(),
          a -> Json.vars(memory.vars(scope(a)))));
      Map<String, Object> learnProps = props("text", "the text to learn: plain prose, Markdown, WebVTT or SRT subtitles");
      learnProps.remove("scope"); // knowledge is one base per data directory, not per scope
      learnProps.put("topic", Map.of("type", "string", "description", "what the text is about, e.g. 'Velmora bells'"));
      tools.add(tool("learn", "Learn a text under a topic into the knowledge graph (triples; the LLM extractor when"
              + " ENGRAM_LLM_URL is set). Answers {\"topic\", \"triples\", \"newConcepts\", \"aliases\", \"extractor\", ...}.",
          learnProps, List.of("topic", "text"),
          a -> KnowledgeVerbs.reportingLlmFailure(() -> KnowledgeVerbs.learn(memory, text(a, "topic"), text(a, "text"),
              dev.engram.knowledge.SourceText.Format.detect(null, text(a, "text")), null))));
      Map<String, Object> askProps = props("question", "what to answer from the learned topics");
      askProps.remove("scope");
      tools.add(tool("ask", "Answer a question from the learned topics: associations (concept, tag, triples) and an"
              + " answer grounded in them. Answers {\"answer\", \"knowsNothing\", \"associations\", ...}.",
          askProps, List.of("question"),
          a -> KnowledgeVerbs.ask(memory, text(a, "question"))));
      return tools;
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
        List<String> required, Handler handler) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put("properties", properties);
      schema.put("required", required);
      schema.put("additionalProperties", false);
      McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(schema).build();
      return SyncToolSpecification.builder()
          .tool(tool)
          .callHandler((exchange, request) -> invoke(handler, request.arguments()))
          .build();
    }

    /** Runs one call; bad input and storage failures become error results so the session goes on. */
    static CallToolResult invoke(Handler handler, Map<String, Object> args) {
      try {
        ObjectNode result = handler.call(args == null ? Map.of() : args);
        return CallToolResult.builder().addTextContent(Json.text(result)).isError(false).build();
      } catch (IllegalArgumentException e) {
        return error(e.getMessage());
      } catch (IOException e) {
        return error("storage failure: " + e.getMessage());
      } catch (RuntimeException e) {
        System.err.println("engram: internal error in an MCP tool: " + e);
        return error("internal error: " + e);
      }
    }

    private static CallToolResult error(String message) {
      return CallToolResult.builder().addTextContent(Json.text(Json.error(message))).isError(true).build();
    }

    /** The optional scope property first, then {@code name} (when not null). */
    private static Map<String, Object> props(String name, String description) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("scope", Map.of("type", "string", "description", "scope to use, e.g. team or user:42 (default: the server's)"));
      if (name != null) {
        p.put(name, Map.of("type", "string", "description", description));
      }
      return p;
    }

    private static Map<String, Object> withK(Map<String, Object> p) {
      p.put("k", Map.of("type", "integer", "minimum", 1, "maximum", Limits.MAX_K,
          "description", "how many at most (default " + DEFAULT_K + ")"));
      return p;
    }

    static final int DEFAULT_K = HttpServer.DEFAULT_K;

    private String scope(Map<String, Object> a) {
      Object s = a.get("scope");
      if (s == null) {
        return defaultScope;
      }
      if (!(s instanceof String text)) {
        throw new IllegalArgumentException("scope must be a string");
      }
      return text;
    }

    private static String text(Map<String, Object> a, String name) {
      Object v = a.get(name);
      if (v == null) {
        throw new IllegalArgumentException("argument '" + name + "' is required");
      }
      if (!(v instanceof String text)) {
        throw new IllegalArgumentException("argument '" + name + "' must be a string");
      }
      return text;
    }

    private static int k(Map<String, Object> a) {
      Object v = a.get("k");
      if (v == null) {
        return DEFAULT_K;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          && n.doubleValue() >= 1 && n.doubleValue() <= Limits.MAX_K) {
        return n.intValue();
      }
      throw new IllegalArgumentException("k must be a whole number between 1 and " + Limits.MAX_K + ", got " + v);
    }
  }
}
