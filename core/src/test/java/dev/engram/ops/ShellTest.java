package dev.engram.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import org.junit.jupiter.api.Test;

/** The shell session from the neuron-db README, and every command answering on one line. */
class ShellTest {
  private final Engram engram = new Engram();

  private String run(String line) {
    return Shell.execute(engram, "case", line);
  }

  @Test
  void chainSessionFromTheReadme() {
    assertEquals("stored 1", run("observe Lena Marsh's partner was Marcus Vane"));
    assertEquals("stored 1", run("observe Marcus Vane's creditor was Eliza Crowe"));
    assertEquals("Eliza Crowe  (via Lena Marsh -> Marcus Vane -> Eliza Crowe)",
        run("chain Lena Marsh -> partner -> creditor"));
    assertTrue(run("chain Lena Marsh -> sister -> creditor").startsWith("(broken after Lena Marsh"));
  }

  @Test
  void bareLinesObserveStatementsAndAnswerQuestions() {
    assertEquals("stored 1", run("the launch is on Friday"));
    assertEquals("Friday", run("when is the launch?"));
    assertEquals(Shell.NO_ANSWER, run("get what is the gate code"));
  }

  @Test
  void everyCommandAnswersOnOneLine() {
    run("observe the wifi password is hunter2");
    String[] lines = {"get wifi password", "recall wifi -k 3", "assoc wifi", "note task buy milk", "notes task",
        "var set theme dark", "var get theme", "vars", "var del theme", "stats", "scopes", "help",
        "forget milk", "forget #0", "recall -k nope wifi", "note reminder x"};
    for (String line : lines) {
      String out = run(line);
      assertTrue(!out.contains("\n"), line + " -> " + out);
    }
    assertEquals("error: k must be a number, got 'nope'", run("recall -k nope wifi"));
    assertTrue(run("note reminder x").startsWith("error: unknown note kind"));
  }
}
