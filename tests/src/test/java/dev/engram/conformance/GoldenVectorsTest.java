package dev.engram.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import dev.engram.memory.MemoryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link Scripts} through the Java {@link Engram} and writes target/golden/memory.json, which the
 * npm package's Vitest suite replays against the wasm build and must match exactly.
 */
class GoldenVectorsTest {

  static List<Outcome> runAll(List<Step> steps) {
    StepClock clock = new StepClock();
    Engram engram = new Engram(MemoryConfig.DEFAULT, clock);
    List<Outcome> out = new ArrayList<>(steps.size());
    for (Step step : steps) {
      out.add(Outcome.run(engram, clock, step));
    }
    return out;
  }

  @Test
  void writesGoldenVectors() throws IOException {
    long seed = Seeds.seed();
    try {
      List<Step> steps = Scripts.all(seed);
      String json = Json.golden(seed, steps, runAll(steps));
      // Core must be deterministic, or no other runtime could ever match it.
      assertEquals(json, Json.golden(seed, steps, runAll(steps)), "two runs of the same scripts differ");

      Set<String> ops = new HashSet<>();
      int errors = 0;
      for (Outcome o : runAll(steps)) {
        errors += o.error() != null ? 1 : 0;
      }
      for (Step step : steps) {
        ops.add(step.op());
      }
      assertEquals(
          Set.of("observe", "observeMany", "get", "recall", "recallValue", "assess", "chain", "size", "load",
              "recallScored", "recallPage", "assoc", "note", "notes", "forget", "forgetId", "setVar", "getVar",
              "deleteVar", "vars", "scopes", "stats", "shell", "setClock"),
          ops);
      assertTrue(errors >= 20, "the scripts should exercise the argument errors, got " + errors);

      Path dir = Path.of(System.getProperty("engram.golden.dir", "target/golden"));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("memory.json"), json, StandardCharsets.UTF_8);
    } catch (AssertionError | RuntimeException e) {
      System.err.println(Seeds.rerun(GoldenVectorsTest.class, seed));
      throw e;
    }
  }
}
