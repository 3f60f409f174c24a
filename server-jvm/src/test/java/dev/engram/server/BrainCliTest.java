package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.brain.BrainHost;
import dev.engram.spiking.Brain;
import dev.engram.spiking.BrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram brain ...} in-process at scale 0.01 (20,000 neurons). Recall needs background activity in the
 * concept region: the default brain at this scale hovers near silence (the core's documented bistability), and in
 * a silent moment recall finds nothing. So the test runs a fixed script (1,000 ms, three imprints, 500 ms) whose
 * end state is active, and also checks the CLI's answer against the same script run on a plain in-process
 * {@link Brain} (serial stepper, no files): that part holds whatever the dynamics do. Every call loads brain.bin afresh, so each
 * verb after the first is also a save/load round trip of the previous one's brain.
 */
class BrainCliTest {
  @TempDir Path tmp;


  private CliRun in(Path db, String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString(), "brain"));
    all.addAll(Arrays.asList(args));
    return CliRun.of(new byte[0], all.toArray(new String[0]));
  }

  private CliRun ok(Path db, String... args) {
    CliRun run = in(db, args);
    assertEquals(0, run.code(), "engram brain " + String.join(" ", args) + "\n" + run);
    return run;
  }

  private static JsonNode json(CliRun run) throws Exception {
    return Json.MAPPER.readTree(run.out());
  }

  private static List<String> ranked(JsonNode recall) {
    List<String> names = new ArrayList<>();
    for (JsonNode h : recall.get("ranked")) names.add(h.get("concept").asText());
    return names;
  }

  @Test
  void imprintThenRecallFindsTheObjectAcrossProcessesAndSleepKeepsIt() throws Exception {
    Path db = tmp.resolve("db");
    JsonNode fresh = json(ok(db, "--scale", "0.01", "status", "--json"));
    assertEquals(0.01, fresh.get("scale").asDouble());
    assertEquals(20_000, fresh.get("neurons").asInt());
    assertEquals(10, fresh.get("regions").size());
    assertEquals(0, fresh.get("learnedSynapses").asInt());
    assertEquals(4, fresh.get("modulators").size());

    CliRun stepped = ok(db, "--scale", "0.01", "step", "1000");
    assertTrue(stepped.out().contains("association") && stepped.out().contains(" Hz"), stepped.toString());
    ok(db, "imprint", "lantern", "burns", "moss oil");
    ok(db, "imprint", "bridge", "built from", "basalt");
    ok(db, "imprint", "ferry", "carries", "salt");
    ok(db, "step", "500");
    JsonNode status = json(ok(db, "status", "--json"));
    assertEquals(9, status.get("concepts").asInt());
    assertTrue(status.get("learnedSynapses").asInt() > 0, status.toString());
    assertTrue(status.get("timeMs").asDouble() >= 1500, status.toString());

    Brain reference = new Brain(BrainConfig.cortex(0.01, BrainHost.SEED));
    reference.step(1000);
    reference.imprintTriple("lantern", "burns", "moss oil");
    reference.imprintTriple("bridge", "built from", "basalt");
    reference.imprintTriple("ferry", "carries", "salt");
    reference.step(500);
    for (String subject : List.of("lantern", "bridge", "ferry")) {
      assertEquals(BrainVerbs.recalled(subject, reference.recall(subject).ranked()).toString(),
          ok(db, "recall", subject, "-k", "100", "--json").out().strip(),
          "the CLI (parallel stepper, saved and loaded after every verb) must recall exactly like one in-process brain");
    }

    for (String[] t : new String[][] {{"lantern", "moss oil"}, {"bridge", "basalt"}, {"ferry", "salt"}}) {
      List<String> top = ranked(json(ok(db, "recall", t[0], "-k", "5", "--json")));
      assertTrue(top.contains(t[1]), t[0] + " should recall " + t[1] + " in the top 5, got " + top);
    }
    CliRun text = ok(db, "recall", "bridge");
    assertTrue(text.out().contains("basalt\t"), text.toString());

    CliRun slept = ok(db, "sleep");
    assertTrue(slept.out().startsWith("replayed 3,"), slept.toString());
    assertTrue(ranked(json(ok(db, "recall", "ferry", "--json"))).contains("salt"));

    CliRun unknown = in(db, "recall", "nobody");
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("unknown concept: nobody"), unknown.toString());
    assertEquals(2, in(db, "step", "0").code());
    assertEquals(2, in(db, "step", "10001").code());
    assertEquals(2, in(db, "recall", "ferry", "-k", "0").code());
    assertEquals(2, in(db, "imprint", "a", "b").code());
  }

  @Test
  void saveLoadRoundTripIsExactAndABadFileIsRefusedKeepingTheBrain() throws Exception {
    Path db = tmp.resolve("db");
    ok(db, "--scale", "0.005", "imprint", "owl", "hunts", "mouse");
    Path snap = tmp.resolve("snap.bin");
    ok(db, "save", snap.toString());
    byte[] saved = Files.readAllBytes(snap);
    assertArrayEquals(Files.readAllBytes(db.resolve(BrainVerbs.FILE)), saved);
    String before = ok(db, "recall", "owl", "--json").out();

    ok(db, "imprint", "fox", "digs", "den");
    ok(db, "step", "20");
    assertEquals(6, json(ok(db, "status", "--json")).get("concepts").asInt());

    CliRun loaded = ok(db, "load", snap.toString());
    assertTrue(loaded.out().contains("3 concepts"), loaded.toString());
    assertArrayEquals(saved, Files.readAllBytes(db.resolve(BrainVerbs.FILE)));
    assertEquals(before, ok(db, "recall", "owl", "--json").out());

    Path garbage = Files.writeString(tmp.resolve("garbage.bin"), "this is not a brain at all");
    CliRun bad = in(db, "load", garbage.toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("not a spiking brain snapshot"), bad.toString());

    byte[] flipped = saved.clone();
    flipped[flipped.length / 2] ^= 0x10;
    Path corrupt = Files.write(tmp.resolve("corrupt.bin"), flipped);
    CliRun crc = in(db, "load", corrupt.toString());
    assertEquals(2, crc.code(), crc.toString());
    assertTrue(crc.err().contains("checksum failed"), crc.toString());

    CliRun missing = in(db, "load", tmp.resolve("nope.bin").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertArrayEquals(saved, Files.readAllBytes(db.resolve(BrainVerbs.FILE)), "a refused load must keep the brain");

    Files.write(db.resolve(BrainVerbs.FILE), flipped);
    CliRun broken = in(db, "status");
    assertEquals(2, broken.code(), broken.toString());
    assertTrue(broken.err().contains(BrainVerbs.FILE) && broken.err().contains("checksum failed"), broken.toString());
  }

  @Test
  void withADatabaseFileTheBrainLivesBesideIt() throws Exception {
    Path db = tmp.resolve("notes.db");
    ok(db, "--scale", "0.005", "imprint", "owl", "hunts", "mouse");
    assertTrue(Files.isRegularFile(tmp.resolve("notes.db.brain.bin")), "brain file beside the database");
    assertEquals(3, json(ok(db, "status", "--json")).get("concepts").asInt());
  }
}
