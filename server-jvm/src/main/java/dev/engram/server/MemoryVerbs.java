package dev.engram.server;

import static dev.engram.server.Cli.BAD_INPUT;
import static dev.engram.server.Cli.NO_ANSWER;
import static dev.engram.server.Cli.OK;
import static dev.engram.server.Cli.join;

import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import dev.engram.server.http.HttpServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The CLI verbs of the memory vocabulary beyond observe/get/recall/chain: assess, assoc, note, notes,
 * forget, var, vars, stats, scopes. Each maps to one {@link DurableEngram} call; {@code --json} prints the
 * same shapes as HTTP ({@link Json}).
 */
final class MemoryVerbs {
  private MemoryVerbs() {}

  /** One line per item: the text, then (tab-separated) score and id, so scripts can cut columns. */
  static void printItems(Cli cli, Recalled[] items, boolean scores) {
    for (Recalled r : items) {
      cli.out.println(scores ? r.text() + "\t" + score(r.score()) + "\t#" + r.id() : r.text());
    }
  }

  static String score(double score) {
    return Double.toString(Math.round(score * 1000) / 1000.0);
  }

  /** Tells a person (on stderr, so stdout stays the results) how to get the next page. */
  static void more(Cli cli, String next) {
    if (next != null) {
      cli.err.println("engram: more results: pass --cursor " + next);
    }
  }

  @Command(name = "assess", mixinStandardHelpOptions = true,
      description = "Print how much of QUESTION memory holds, 0..1 (0: nothing known; 1: a fact covers it all).")
  static final class Assess implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUESTION")
    List<String> words;

    @Option(names = "--json", description = "print {\"score\": x}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      double score;
      try (DurableEngram memory = cli.open()) {
        score = memory.assess(scope, join(words));
      }
      cli.out.println(json ? Json.text(Json.assess(score)) : score(score));
      return OK;
    }
  }

  @Command(name = "assoc", mixinStandardHelpOptions = true,
      description = "Associative recall: the facts CUE activates through shared cues and learned links, ranked.")
  static final class Assoc implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CUE")
    List<String> words;

    @Option(names = "-k", paramLabel = "N", description = "how many facts at most (default: ${DEFAULT-VALUE})")
    int k = HttpServer.DEFAULT_K;

    @Option(names = "--json", description = "print {\"items\": [{id, text, kind, score, value, why, strength}, ...]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Recalled[] items;
      try (DurableEngram memory = cli.open()) {
        items = memory.assoc(scope, join(words), k);
      }
      if (json) {
        cli.out.println(Json.text(Json.items(items)));
      } else {
        printItems(cli, items, true);
      }
      return OK;
    }
  }

  @Command(name = "note", mixinStandardHelpOptions = true,
      description = "Store TEXT as a typed note: fact, preference, event, task, person or instruction.")
  static final class Note implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1", paramLabel = "KIND", description = "fact, preference, event, task, person or instruction")
    String kind;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "TEXT", description = "the text ('-' reads stdin)")
    List<String> words;

    @Option(names = "--json", description = "print {\"stored\": N}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String text = words.size() == 1 && words.get(0).equals("-") ? Cli.readText(cli.in) : join(words);
      try (DurableEngram memory = cli.open()) {
        int stored = memory.note(scope, kind, text);
        cli.out.println(json ? Json.text(Json.stored(stored)) : "stored " + stored + (stored == 1 ? " note" : " notes"));
      }
      return OK;
    }
  }

  @Command(name = "notes", mixinStandardHelpOptions = true,
      description = "List the notes of KIND (every fact and note when KIND is left out), newest first.")
  static final class Notes implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KIND")
    String kind;

    @Option(names = "-k", paramLabel = "N", description = "how many at most (default: ${DEFAULT-VALUE})")
    int k = HttpServer.DEFAULT_NOTES_K;

    @Option(names = "--cursor", paramLabel = "C", description = "the next page: the cursor a previous call printed")
    String cursor;

    @Option(names = "--json", description = "print {\"items\": [...], \"next\": cursor | null}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      RecallPage page;
      try (DurableEngram memory = cli.open()) {
        page = memory.notes(scope, kind, k, cursor);
      }
      if (json) {
        cli.out.println(Json.text(Json.page(page)));
      } else {
        for (Recalled r : page.items()) {
          cli.out.println(r.kind() + "\t#" + r.id() + "\t" + r.text());
        }
        more(cli, page.next());
      }
      return OK;
    }
  }

  @Command(name = "forget", mixinStandardHelpOptions = true,
      description = {"Forget the facts containing SUBSTRING (case-insensitive), or one fact by --id.",
        "With neither, forget the whole scope (facts, notes and variables)."})
  static final class Forget implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SUBSTRING")
    List<String> words;

    @Option(names = "--id", paramLabel = "N", description = "forget the fact with this id (see recall/notes)")
    Integer id;

    @Option(names = "--json", description = "print {\"forgotten\": N}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      boolean hasSubstring = words != null && !words.isEmpty();
      if (id != null && hasSubstring) {
        throw new IllegalArgumentException("give either SUBSTRING or --id, not both");
      }
      int forgotten;
      try (DurableEngram memory = cli.open()) {
        forgotten = id != null ? (memory.forgetId(scope, id) ? 1 : 0) : memory.forget(scope, hasSubstring ? join(words) : "");
      }
      cli.out.println(json ? Json.text(Json.forgotten(forgotten)) : "forgot " + forgotten);
      return OK;
    }
  }

  @Command(name = "var", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "set|get|del",
      description = "Variables: exact name/value pairs kept beside the facts (not recalled by cue).",
      subcommands = {VarSet.class, VarGet.class, VarDel.class})
  static final class Var implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Override
    public Integer call() {
      cli.err.println("engram: var needs set, get or del: engram var set SCOPE NAME VALUE");
      return BAD_INPUT;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Set NAME to VALUE ('-' reads stdin).")
  static final class VarSet implements Callable<Integer> {
    @ParentCommand Var var;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "VALUE")
    List<String> words;

    @Option(names = "--json", description = "print {\"name\": ..., \"value\": ...}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Cli cli = var.cli;
      String value = words.size() == 1 && words.get(0).equals("-") ? Cli.readText(cli.in) : join(words);
      try (DurableEngram memory = cli.open()) {
        memory.setVar(scope, name, value);
      }
      cli.out.println(json ? Json.text(Json.variable(name, value)) : name + " = " + value);
      return OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print NAME's value; exit code 3 when it is unset.")
  static final class VarGet implements Callable<Integer> {
    @ParentCommand Var var;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Option(names = "--json", description = "print {\"name\": ..., \"value\": ... | null}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Cli cli = var.cli;
      String value;
      try (DurableEngram memory = cli.open()) {
        value = memory.getVar(scope, name);
      }
      if (json) {
        cli.out.println(Json.text(Json.variable(name, value)));
      } else if (value != null) {
        cli.out.println(value);
      } else {
        cli.err.println("engram: variable '" + name + "' is not set in scope '" + scope + "'");
      }
      return value == null ? NO_ANSWER : OK;
    }
  }

  @Command(name = "del", aliases = "delete", mixinStandardHelpOptions = true, description = "Delete NAME.")
  static final class VarDel implements Callable<Integer> {
    @ParentCommand Var var;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Option(names = "--json", description = "print {\"name\": ..., \"deleted\": true | false}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Cli cli = var.cli;
      boolean deleted;
      try (DurableEngram memory = cli.open()) {
        deleted = memory.deleteVar(scope, name);
      }
      cli.out.println(json ? Json.text(Json.deleted(name, deleted)) : deleted ? "deleted " + name : name + " was not set");
      return OK;
    }
  }

  @Command(name = "vars", mixinStandardHelpOptions = true, description = "List the variables of SCOPE, one 'NAME = VALUE' per line.")
  static final class Vars implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "SCOPE")
    String scope;

    @Option(names = "--json", description = "print {\"vars\": {\"name\": \"value\", ...}}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      SortedMap<String, String> vars;
      try (DurableEngram memory = cli.open()) {
        vars = memory.vars(scope);
      }
      if (json) {
        cli.out.println(Json.text(Json.vars(vars)));
      } else {
        for (Map.Entry<String, String> e : vars.entrySet()) {
          cli.out.println(e.getKey() + " = " + e.getValue());
        }
      }
      return OK;
    }
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts for SCOPE, or for the whole store.")
  static final class StatsVerb implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCOPE")
    String scope;

    @Option(names = "--json", description = "print {\"scope\", \"scopes\", \"facts\", \"forgotten\", \"terms\", \"links\", \"vars\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      Stats s;
      try (DurableEngram memory = cli.open()) {
        s = memory.stats(scope);
      }
      if (json) {
        cli.out.println(Json.text(Json.stats(scope, s)));
      } else {
        cli.out.println("scopes " + s.scopes() + ", facts " + s.facts() + ", forgotten " + s.forgotten() + ", terms "
            + s.terms() + ", links " + s.links() + ", vars " + s.vars());
      }
      return OK;
    }
  }

  @Command(name = "scopes", mixinStandardHelpOptions = true, description = "List the scopes holding anything, one per line.")
  static final class Scopes implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--json", description = "print {\"scopes\": [...]}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      String[] scopes;
      try (DurableEngram memory = cli.open()) {
        scopes = memory.scopes();
      }
      if (json) {
        cli.out.println(Json.text(Json.scopes(scopes)));
      } else {
        for (String scope : scopes) {
          cli.out.println(scope);
        }
      }
      return OK;
    }
  }
}
