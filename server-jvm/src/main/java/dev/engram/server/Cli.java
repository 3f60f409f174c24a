package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.RecallPage;
import dev.engram.Limits;
import dev.engram.neuron.Dispatcher;
import dev.engram.neuron.Route;
import dev.engram.server.brain.BrainHost;
import dev.engram.server.http.AccessLogSink;
import dev.engram.server.http.BenchVerb;
import dev.engram.server.http.HttpServer;
import dev.engram.server.security.Credentials;
import dev.engram.server.security.TokenVerb;
import dev.engram.server.store.Sealer;
import dev.engram.server.store.StoreException;
import dev.engram.server.store.Stores;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * The {@code engram} command line. Each verb is a picocli command; all of them reach memory through
 * {@link DurableEngram}. Exit codes: 0 ok, 1 storage or system failure, 2 bad input, 3 no answer.
 */
@Command(
    name = "engram",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    subcommands = {
      Cli.Observe.class, Cli.Get.class, Cli.Recall.class, MemoryVerbs.Assess.class, MemoryVerbs.Assoc.class,
      Cli.ChainVerb.class, Cli.RouteVerb.class, TrainVerb.class, MemoryVerbs.Note.class, MemoryVerbs.Notes.class, MemoryVerbs.Forget.class,
      MemoryVerbs.Var.class, MemoryVerbs.Vars.class, MemoryVerbs.StatsVerb.class, MemoryVerbs.Scopes.class,
      Transfer.Export.class, Transfer.Import.class, KnowledgeVerbs.Learn.class, KnowledgeVerbs.Ask.class,
      KnowledgeVerbs.Topics.class, KnowledgeVerbs.Concepts.class, KnowledgeVerbs.Dream.class, BrainVerbs.Group.class, Cli.Shell.class, Cli.Serve.class, McpVerb.class, TokenVerb.class, BenchVerb.class, CommandLine.HelpCommand.class
    },
    description = "engram: plain-language fact memory. Observe facts, then ask for them.",
    synopsisSubcommandLabel = "VERB",
    footerHeading = "%nExamples:%n",
    footer = {
      "  engram observe team 'The deploy region is us-west-2.'",
      "  engram get team 'what is the deploy region?'        (prints us-west-2)",
      "  engram recall team 'deploy region' -k 3 --json",
      "  engram chain team 'Aurora -> owner -> timezone'      (quote it: > redirects)",
      "  engram route team 'what is the deploy region?'       (prints ANSWER<tab>us-west-2)",
      "  engram train --out router-out --seed 7              (the dispatcher's router; ~10 min on one core)",
      "  engram note team task 'Call Ana about the cache.'   then: engram notes team task",
      "  engram var set team region us-west-2                 then: engram var get team region",
      "  engram forget team 'cache'        engram forget team --id 4        engram forget team (all of it)",
      "  engram export team -o team.jsonl                     engram import team.jsonl",
      "  engram export --format snapshot -o all.snap         (exact, versioned; engram import all.snap)",
      "  cat notes.txt | engram observe team -",
      "  printf 'observe The cache is Redis.\\nget what is the cache?\\n' | engram shell team",
      "  engram learn --topic 'Velmora glass' talk.vtt         (text, .md, .vtt, .srt; '-' reads stdin)",
      "  engram ask 'what are Velmora bells made of?' --json  (exit 3 when nothing learned matches)",
      "  engram topics      engram concepts --topic 'Velmora glass'      engram dream --seed 7",
      "  engram brain imprint cat is animal   engram brain recall cat   (spiking brain in --db/brain.bin)",
      "  engram serve --port 7077                             (http://127.0.0.1:7077/)",
      "  ENGRAM_KEY=$(cat key) engram serve --host 0.0.0.0  (header: Bearer KEY)",
      "  engram token team   then: engram serve --key-file key --tokens tokens",
      "  engram serve --access-log -                          (JSON line per request)",
      "  engram bench http --clients 16 --seconds 20 --json   (load test on loopback)",
      "  engram mcp --scope team                              (MCP server on stdio, for agents)",
      "  engram --db /var/lib/engram get team 'what is the deploy region?'",
      "",
      "Text that starts with '-' goes after --:  engram observe team -- '-5 is the floor.'",
      "Exit codes: 0 ok, 1 storage or system failure, 2 bad input, 3 no answer.",
      "Data lives under --db (default ./engram-data); engram processes may share it.",
      "Facts live in scopes; learned knowledge (learn/ask/topics/concepts/dream) is one base per --db.",
      ""
    })
public final class Cli implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int BAD_INPUT = 2;
  static final int NO_ANSWER = 3;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "data directory (SQLite engram.db inside), a .db file, or a postgresql:// URL"
          + " (default: ./engram-data); accepted before or after the verb")
  Path db = Path.of("engram-data");

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "secure tier: file holding the secret (or set ENGRAM_SECRET) from which every scope's"
          + " AES-256-GCM key is derived; the store then holds no fact text and no scope name")
  Path secretFile;

  @Option(
      names = "--semantic",
      scope = ScopeType.INHERIT,
      description = "semantic recall (or set ENGRAM_SEMANTIC=1): a question no fact answers word for word is read"
          + " again by meaning with the built-in word table (docs/ENCODERS.md); off by default")
  boolean semantic;

  PrintWriter out;
  PrintWriter err;
  InputStream in;
  /** Standard output as bytes, for a binary export; null when the caller gave only a text writer. */
  OutputStream rawOut;

  /** Runs the CLI on the process's standard streams and returns the exit code. */
  public static int run(String[] args) {
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), UTF_8), true);
    return run(args, new FileInputStream(FileDescriptor.in), out, err, stdout);
  }

  /** Runs the CLI on the given streams (tests use this to stay in-process). */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, in, out, err, null);
  }

  /** As above; {@code rawOut} (standard output as bytes, may be null) receives binary exports. */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, OutputStream rawOut) {
    Cli cli = new Cli();
    cli.in = in;
    cli.out = out;
    cli.err = err;
    cli.rawOut = rawOut;
    CommandLine line = new CommandLine(cli);
    line.setOut(out);
    line.setErr(err);
    line.setParameterExceptionHandler((e, argv) -> {
      err.println("engram: " + e.getMessage());
      String command = e.getCommandLine().getCommandName();
      err.println("Try 'engram " + (command.equals("engram") ? "" : command + " ") + "--help'.");
      err.flush();
      return BAD_INPUT;
    });
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        err.println("engram: " + e.getMessage());
        err.flush();
        return BAD_INPUT;
      }
      if (e instanceof StoreException) {
        err.println("engram: " + e.getMessage());
      } else if (e instanceof IOException) {
        err.println("engram: I/O failure: " + e);
      } else {
        err.println("engram: internal error: " + e);
        if (System.getenv("ENGRAM_DEBUG") != null) {
          e.printStackTrace(err);
        } else {
          err.println("(set ENGRAM_DEBUG=1 for the stack trace)");
        }
      }
      err.flush();
      return FAILURE;
    });
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    err.println("engram: a verb is required (observe, get, recall, assess, assoc, chain, route, train, note, notes, forget, var,"
        + " vars, stats, scopes, export, import,"
        + " learn, ask, topics, concepts, dream, brain, shell, serve, mcp, token, bench).");
    err.println("Try 'engram --help'.");
    return BAD_INPUT;
  }

  DurableEngram open() throws IOException {
    java.util.function.Consumer<String> warnings = warning -> {
      err.println("engram: warning: " + warning);
      err.flush();
    };
    String secret = Credentials.secret(System.getenv("ENGRAM_SECRET"), "ENGRAM_SECRET",
        secretFile, "--secret-file", warnings);
    Sealer sealer = secret == null ? null : new Sealer(secret);
    DurableEngram engram = DurableEngram.open(Stores.open(db, warnings, sealer), warnings);
    if (semantic || "1".equals(System.getenv("ENGRAM_SEMANTIC"))) {
      engram.useSemantic();
    }
    return engram;
  }

  static String join(List<String> words) {
    return String.join(" ", words);
  }

  static String facts(int n) {
    return "stored " + n + (n == 1 ? " fact" : " facts");
  }

  /** Reads all of {@code in} as UTF-8, refusing more than one observe call may hold. */
  static String readText(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, UTF_8);
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) > 0; ) {
      text.append(buffer, 0, n);
      if (text.length() > Limits.MAX_TEXT_CHARS) {
        throw new IllegalArgumentException("standard input holds more than " + Limits.MAX_TEXT_CHARS
            + " chars, the limit for one observe; split it into several calls");
      }
    }
    return text.toString();
  }

  /** Whether a person is typing: a prompt is printed only then. */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Since Java 22 System.console() exists even when redirected; isTerminal() tells the two apart.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Command(name = "observe", mixinStandardHelpOptions = true, description = "Store the facts in TEXT (or in standard input when TEXT is '-').")
  static final class Observe implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "scope to store in, e.g. team or user:42")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "the text ('-' reads stdin)")
    List<String> words;

    @Option(names = "--json", description = "print {\"stored\": N}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String text = words.size() == 1 && words.get(0).equals("-") ? readText(cli.in) : join(words);
      try (DurableEngram memory = cli.open()) {
        int stored = memory.observe(scope, List.of(text));
        cli.out.println(json ? Json.text(Json.stored(stored)) : facts(stored));
      }
      return OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print the value that answers QUESTION; exit code 3 when memory holds none.")
  static final class Get implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUESTION")
    List<String> words;

    @Option(names = "--json", description = "print {\"value\": \"...\" | null, \"fact\": \"...\" | null, \"confidence\": 0..1}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Answer answer;
      try (DurableEngram memory = cli.open()) {
        answer = memory.recallValue(scope, join(words));
      }
      String value = answer.value();
      if (json) {
        cli.out.println(Json.text(Json.answer(answer)));
      } else if (value != null) {
        cli.out.println(value);
      } else {
        cli.err.println("engram: memory holds no answer to that question");
      }
      return value == null ? NO_ANSWER : OK;
    }
  }

  @Command(name = "recall", mixinStandardHelpOptions = true, description = "Print the facts that best match QUESTION, best first, one per line.")
  static final class Recall implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUESTION")
    List<String> words;

    @Option(names = "-k", paramLabel = "N", description = "how many facts at most (default: ${DEFAULT-VALUE})")
    int k = HttpServer.DEFAULT_K;

    @Option(names = "--cursor", paramLabel = "C", description = "the next page: the cursor a previous call printed")
    String cursor;

    @Option(names = "--scores", description = "add the score and the fact id to each line, tab-separated")
    boolean scores;

    @Option(names = "--json", description = "print {\"facts\": [...], \"items\": [{id, text, kind, score, value, why, strength}], \"next\": cursor | null}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      RecallPage page;
      try (DurableEngram memory = cli.open()) {
        page = memory.recallPage(scope, join(words), k, cursor);
      }
      if (json) {
        cli.out.println(Json.text(Json.recall(page)));
      } else {
        MemoryVerbs.printItems(cli, page.items(), scores);
        MemoryVerbs.more(cli, page.next());
      }
      return OK;
    }
  }

  @Command(name = "chain", mixinStandardHelpOptions = true, description = "Multi-hop recall: 'START -> relation -> relation' (quote it in a shell).")
  static final class ChainVerb implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "EXPRESSION")
    List<String> words;

    @Option(names = "--json", description = "print {\"value\": ..., \"path\": [...]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Chain chain;
      try (DurableEngram memory = cli.open()) {
        chain = memory.chain(scope, join(words));
      }
      if (json) {
        cli.out.println(Json.text(Json.chain(chain)));
      } else if (chain.value() != null) {
        cli.out.println(chain.value());
      } else {
        cli.err.println("engram: memory holds no answer; the chain got as far as " + String.join(" -> ", chain.path()));
      }
      return chain.value() == null ? NO_ANSWER : OK;
    }
  }

  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      description = {
        "Let the dispatcher decide what to do with MESSAGE (or standard input when MESSAGE is '-'):",
        "  ANSWER: memory holds it; prints ANSWER, a tab and the recalled value",
        "  STORE: a statement to remember; it is stored (durably) and STORE is printed",
        "  FETCH: a live-world question (weather now, prices today); ESCALATE: needs a larger model.",
        "--json prints {\"route\", \"value\", \"facts\", \"confidence\"}; confidence is calibrated, 0..1."
      })
  static final class RouteVerb implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "MESSAGE", description = "the turn ('-' reads stdin)")
    List<String> words;

    @Option(names = "--json", description = "print {\"route\": ..., \"value\": ... | null, \"facts\": [...], \"confidence\": 0..1}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String message = words.size() == 1 && words.get(0).equals("-") ? readText(cli.in) : join(words);
      Dispatcher.Decision decision;
      try (DurableEngram memory = cli.open()) {
        decision = memory.route(Dispatcher.shipped(), scope, message);
      }
      if (json) {
        cli.out.println(Json.text(Json.route(decision)));
      } else if (decision.route() == Route.ANSWER) {
        cli.out.println(decision.route() + "\t" + decision.value());
      } else {
        cli.out.println(decision.route());
      }
      return OK;
    }
  }

  @Command(
      name = "shell",
      mixinStandardHelpOptions = true,
      description = {
        "Read one command per line from standard input and answer each on one line of standard output.",
        "The vocabulary is engram's (dev.engram.ops.Shell), the same in every host:",
        "  observe TEXT | get QUESTION | recall QUESTION [-k N] | chain A -> rel -> rel | assoc CUE [-k N]",
        "  note KIND TEXT | notes [KIND] | forget [SUBSTRING|#ID] | var set|get|del NAME [VALUE] | vars",
        "  stats | scopes | help; a bare question is a get, a bare statement an observe.",
        "Every write is durable before its answer is printed. A bad line answers 'error: ...' and the shell",
        "goes on. Blank lines and lines starting with # are skipped; 'exit' or end of input stops."
      })
  static final class Shell implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Override
    public Integer call() throws IOException {
      Limits.checkScope(scope);
      boolean prompt = interactive();
      BufferedReader lines = new BufferedReader(new InputStreamReader(cli.in, UTF_8));
      try (DurableEngram memory = cli.open()) {
        while (true) {
          if (prompt) {
            cli.out.print(scope + "> ");
            cli.out.flush();
          }
          String line = lines.readLine();
          if (line == null) {
            break;
          }
          line = line.strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          if (line.equals("exit") || line.equals("quit")) {
            break;
          }
          String answer;
          try {
            answer = memory.shell(scope, line);
          } catch (IllegalArgumentException e) {
            answer = "error: " + e.getMessage();
          }
          cli.out.println(answer);
          cli.out.flush();
        }
      }
      return OK;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API and the web-lab page until stopped (Ctrl-C).")
  static final class Serve implements Callable<Integer> {
    @ParentCommand Cli cli;

    @picocli.CommandLine.Mixin dev.engram.server.brain.SenseModels senses;

    @Option(names = "--port", paramLabel = "N", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 7077;

    @Option(names = "--host", paramLabel = "H", description = "interface to bind (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--lab-dir", paramLabel = "DIR", description = "web-lab directory (default: web-lab/ of the engram checkout)")
    Path labDir;

    @Option(names = "--npm-dist", paramLabel = "DIR", description = "npm build served at /engram/ (default: npm/dist of the checkout)")
    Path npmDist;

    @Option(names = "--key-file", paramLabel = "FILE", description = "file holding the master key (or set ENGRAM_KEY);"
        + " then every endpoint but /healthz and the web-lab files needs 'Authorization: Bearer KEY'")
    Path keyFile;

    @Option(names = "--tokens", paramLabel = "FILE", description = "per-scope tokens, one 'SHA256-HEX SCOPE' line each"
        + " (engram token SCOPE prints one); a scope token reaches only /v1/SCOPE/...")
    Path tokens;

    @Option(names = "--access-log", paramLabel = "FILE", description = "append one JSON line per request to FILE"
        + " ('-' for standard error; default: none)")
    String accessLog;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "longest a request may take"
        + " (default: ${DEFAULT-VALUE}); also the idle limit for a client that stops sending")
    double requestTimeout = HttpServer.DEFAULT_TIMEOUT_MS / 1000.0;

    @Override
    public Integer call() throws Exception {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
      }
      if (!(requestTimeout >= 0.001 && requestTimeout <= 3600)) {
        throw new IllegalArgumentException("--request-timeout must be between 0.001 and 3600 seconds, got " + requestTimeout);
      }
      Credentials credentials = Credentials.load(System.getenv("ENGRAM_KEY"), keyFile, tokens, warning -> {
        cli.err.println("engram: warning: " + warning);
        cli.err.flush();
      });
      Path root = Home.root();
      HttpServer.Options options = new HttpServer.Options(host, port,
          labDir != null ? labDir : root.resolve("web-lab"),
          npmDist != null ? npmDist : root.resolve("npm").resolve("dist"))
          .withCredentials(credentials)
          .withAccessLog(AccessLogSink.open(accessLog))
          .withRequestTimeoutMs(Math.round(requestTimeout * 1000));
      // The server's spiking brain starts from the CLI's brain.bin when there is one and is written back on shutdown.
      Path brainFile = dev.engram.server.store.Stores.sidecar(cli.db, BrainVerbs.FILE);
      BrainHost loaded = BrainHost.load(brainFile);
      BrainHost brain = loaded != null ? loaded
          : BrainHost.create(BrainHost.scale(null, System.getenv("ENGRAM_SPIKING_SCALE")));
      try {
        senses.applyTo(brain);
      } catch (RuntimeException e) {
        brain.close();
        throw e;
      }
      DurableEngram memory;
      try {
        memory = cli.open();
      } catch (IOException | RuntimeException e) {
        brain.close();
        throw e;
      }
      HttpServer server;
      try {
        server = HttpServer.start(memory, options, brain);
      } catch (RuntimeException e) {
        brain.close();
        memory.close();
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof BindException) {
            cli.err.println("engram: cannot listen on " + host + ":" + port + ": " + t.getMessage()
                + " (is another server running there? pick another --port)");
            return FAILURE;
          }
        }
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        try {
          brain.save(brainFile);
        } catch (IOException | RuntimeException e) {
          System.err.println("engram: saving the brain to " + brainFile + " failed: " + e.getMessage());
        }
        brain.close();
        try {
          memory.close();
        } catch (IOException e) {
          System.err.println("engram: closing the store failed: " + e.getMessage());
        }
      }, "engram-shutdown"));
      cli.err.println("engram: serving http://" + host + ":" + server.port() + "/ (data in " + cli.db + ")");
      cli.err.println(credentials.enabled()
          ? "engram: API key required (" + (credentials.hasMaster() ? "master key" : "no master key") + ", "
              + "scope tokens: " + credentials.scopeTokens() + "); /healthz and the web-lab files are open"
          : "engram: no key set: anyone who can reach " + host + ":" + server.port() + " can read and write"
              + " (set ENGRAM_KEY or --key-file before binding beyond 127.0.0.1)");
      if (server.labProblem() != null) {
        cli.err.println("engram: note: " + server.labProblem());
      }
      cli.err.flush();
      new CountDownLatch(1).await();
      return OK;
    }
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"engram " + (version != null ? version : "(development build)")};
    }
  }
}
