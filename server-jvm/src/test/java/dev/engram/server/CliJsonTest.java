package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb that prints an answer takes --json; the ones that do not print one are listed with the reason. */
class CliJsonTest {
  /** Verbs without --json, and why. */
  private static final Set<String> NO_JSON = Set.of(
      "help",          // picocli's usage help
      "serve",         // runs a server; the server speaks JSON
      "mcp",           // speaks MCP (JSON-RPC) on stdio
      "shell",         // one answer line per command line, by design
      "export",        // its output is the data itself (JSONL or a binary snapshot)
      "bench",         // a group; bench http takes --json
      "brain",         // a group; its read verbs take --json
      "var",           // a group; set, get and del take --json
      "train",         // writes router.i8 and router.bpe and prints progress; it reads nothing back
      "brain sleep", "brain save", "brain load", "brain imprint"); // writes that print one status line

  @Test
  void everyReadVerbTakesJson() {
    TreeSet<String> missing = new TreeSet<>();
    walk(new CommandLine(new Cli()), "", missing);
    assertEquals(Set.of(), missing, "verbs without --json (add it, or list them in NO_JSON with the reason)");
  }

  private static void walk(CommandLine command, String prefix, Set<String> missing) {
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      String name = prefix + sub.getKey();
      if (!sub.getKey().equals(sub.getValue().getCommandName())) {
        continue; // an alias
      }
      if (!NO_JSON.contains(name) && sub.getValue().getCommandSpec().findOption("--json") == null) {
        missing.add(name);
      }
      walk(sub.getValue(), name + " ", missing);
    }
  }
}
