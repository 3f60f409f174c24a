package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --semantic}: a question that shares no word with its fact is answered only when it is on; facts stored without it count too. */
class CliSemanticTest {
  @TempDir Path tmp;


  private CliRun in(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", tmp.resolve("db").toString()));
    all.addAll(Arrays.asList(args));
    return CliRun.of(new byte[0], all.toArray(new String[0]));
  }

  @Test
  void aParaphraseIsAnsweredOnlyWithSemanticRecall() {
    // One scope with distractors, as in the paraphrase set (docs/ENCODERS.md): alone, a fact answers almost anything.
    for (String fact : List.of("My physician is Dr. Alvarez.", "My car is a blue Subaru Outback.",
        "The attorney handling the lease dispute is Priya Raman.", "My spouse works as a pharmacist.",
        "The puppy's vet appointment is on Thursday.", "The garage door code is 5521.", "My son's teacher is Ms. Lindqvist.")) {
      assertEquals(0, in("observe", "s", fact).code());
    }
    CliRun lexical = in("get", "s", "Who is my boy's instructor?");
    assertEquals(Cli.NO_ANSWER, lexical.code(), lexical.toString());
    CliRun semantic = in("--semantic", "get", "s", "Who is my boy's instructor?");
    assertEquals(0, semantic.code(), semantic.toString());
    assertEquals("Ms. Lindqvist", semantic.out().trim());
    // The option works after the verb too, and an unanswerable question still abstains.
    assertEquals(Cli.NO_ANSWER, in("get", "s", "Who is my dentist?", "--semantic").code());
  }
}
