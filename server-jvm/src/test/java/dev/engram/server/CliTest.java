package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's argument handling in-process (fast); {@link CliIT} runs the real jar. */
class CliTest {
  @TempDir Path tmp;


  private CliRun cli(String stdin, String... args) {
    return CliRun.of(stdin.getBytes(UTF_8), args);
  }

  private String db() {
    return tmp.resolve("db").toString();
  }

  @Test
  void badInputIsExitCode2WithAMessageAndNoStackTrace() {
    String db = db();
    List<String[]> cases = List.of(
        new String[] {},
        new String[] {"bogus"},
        new String[] {"get"},
        new String[] {"get", "team"},
        new String[] {"--db", db, "recall", "team", "q", "-k", "abc"},
        new String[] {"--db", db, "recall", "team", "q", "-k", "0"},
        new String[] {"--db", db, "recall", "team", "q", "-k", "1001"},
        new String[] {"--db", db, "observe", "", "The cache is Redis."},
        new String[] {"--db", db, "observe", "s".repeat(201), "The cache is Redis."},
        new String[] {"--db", db, "observe", "team\u0001", "The cache is Redis."},
        new String[] {"--db", db, "get", "team", "w".repeat(5000)},
        new String[] {"--db", db, "chain", "team", "Aurora"},
        new String[] {"--db", db, "chain", "team", "Aurora", "->", ""},
        new String[] {"get", "team", "q", "--db"},
        new String[] {"serve", "--port", "70000"},
        new String[] {"serve", "--port", "eighty"},
        new String[] {"--no-such-option", "get", "team", "q"},
        new String[] {"--db", db, "shell"});
    for (String[] args : cases) {
      CliRun run = cli("", args);
      assertEquals(2, run.code(), "engram " + String.join(" ", args) + "\n" + run);
      assertFalse(run.err().isBlank(), "a message on stderr for " + Arrays.toString(args));
      assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
    }
  }

  @Test
  void stdinOverTheTextLimitIsRefusedNotTruncated() {
    CliRun run = cli("a".repeat(dev.engram.Limits.MAX_TEXT_CHARS + 1), "--db", db(), "observe", "team", "-");
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains("limit"), run.toString());
    assertEquals(3, cli("", "--db", db(), "get", "team", "what is a?").code(), "nothing was stored");
  }

  @Test
  void observeThenGetRecallAndChainInProcess() {
    assertEquals(0, cli("", "--db", db(), "observe", "team", "The deploy region is us-west-2.").code());
    CliRun got = cli("", "get", "--db", db(), "team", "what is the deploy region?");
    assertEquals("us-west-2\n", got.out(), got.toString());
    CliRun recall = cli("", "--db", db(), "recall", "team", "deploy", "region");
    assertEquals("The deploy region is us-west-2.\n", recall.out(), recall.toString());
    CliRun chain = cli("", "--db", db(), "chain", "team", "Aurora -> owner", "--json");
    assertTrue(chain.out().startsWith("{\"value\":"), chain.toString());
    assertTrue(chain.code() == 0 || chain.code() == 3, chain.toString());
  }

  @Test
  void shellWritesOfEveryKindAreReplayedAfterARestart() {
    String script = String.join("\n",
        "observe The deploy region is us-west-2.",
        "The cache is Redis.",
        "var set colour teal",
        "var set shape round",
        "var del shape",
        "note task Call Ana about the cache.",
        "forget cache") + "\n";
    CliRun first = cli(script, "--db", db(), "shell", "team");
    assertEquals(0, first.code(), first.toString());
    String reads = "vars\nnotes\nwhat is the deploy region?\nwhat is the cache?\nstats\n";
    CliRun live = cli(script + reads, "--db", tmp.resolve("live").toString(), "shell", "team");
    List<String> liveAnswers = live.out().lines().toList();
    CliRun replayed = cli(reads, "--db", db(), "shell", "team");
    assertEquals(liveAnswers.subList(liveAnswers.size() - 5, liveAnswers.size()), replayed.out().lines().toList(),
        "a restarted shell answers as the one that made the writes");
    assertEquals("us-west-2", replayed.out().lines().toList().get(2));
  }
}
