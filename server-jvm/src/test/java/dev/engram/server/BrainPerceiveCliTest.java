package dev.engram.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.brain.Pictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram brain watch|listen} in-process on a 10,000-neuron brain (--scale 0.005): PNG, JPEG and WAV files
 * written here, two pictures and two sounds bound to labels, then noisy variants recognised; each call loads
 * brain.bin afresh, so the bindings also survive a save/load.
 */
class BrainPerceiveCliTest {
  @TempDir Path tmp;


  private CliRun in(String... args) {
    List<String> all = new ArrayList<>(List.of("--db", tmp.resolve("db").toString(), "brain", "--scale", "0.005"));
    all.addAll(Arrays.asList(args));
    return CliRun.of(new byte[0], all.toArray(new String[0]));
  }

  private CliRun ok(String... args) {
    CliRun run = in(args);
    assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
    return run;
  }

  private Path file(String name, byte[] bytes) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static String top(CliRun run) throws Exception {
    JsonNode node = Json.MAPPER.readTree(run.out());
    return node.get("ranked").isEmpty() ? "(nothing)" : node.get("ranked").get(0).get("concept").asText();
  }

  @Test
  void learnsTwoPicturesAndTwoSoundsThenRecognisesNoisyVariants() throws Exception {
    ok("step", "50");
    CliRun bound = ok("watch", file("disc.png", Pictures.png(true, 0, 0, 1)).toString(), "--label", "red disc");
    assertTrue(bound.out().contains("bound to red disc"), bound.out());
    ok("watch", file("stripes.png", Pictures.png(false, 0, 0, 1)).toString(), "--label", "blue stripes");
    ok("listen", file("tone.wav", Pictures.wav(true, 1, 0, 1)).toString(), "--label", "low tone");
    JsonNode chirp = Json.MAPPER.readTree(ok("listen", file("chirp.wav", Pictures.wav(false, 1, 0, 1)).toString(), "--label", "rising chirp", "--json").out());
    assertEquals("auditory", chirp.get("region").asText());
    assertEquals("rising chirp", chirp.get("label").asText());
    assertTrue(chirp.get("boundSynapses").asInt() > 0, chirp.toString());
    assertEquals(4, Json.MAPPER.readTree(ok("status", "--json").out()).get("concepts").asInt());

    byte[] before = Files.readAllBytes(dev.engram.server.store.Stores.sidecar(tmp.resolve("db"), BrainVerbs.FILE));
    CliRun disc = ok("watch", file("disc2.png", Pictures.png(true, 2, 40, 7)).toString(), "--json", "-k", "2");
    JsonNode d = Json.MAPPER.readTree(disc.out());
    assertEquals("visual", d.get("region").asText());
    assertTrue(d.get("label").isNull());
    assertTrue(d.get("cosine").asDouble() > 0.85, disc.out());
    assertTrue(d.get("ranked").size() <= 2);
    assertEquals("red disc", top(disc), disc.out());
    assertEquals("blue stripes", top(ok("watch", file("stripes2.jpg", Pictures.jpeg(false, 2, 40, 8)).toString(), "--json")));
    assertEquals("low tone", top(ok("listen", file("tone2.wav", Pictures.wav(true, 0.7, 0.03, 9)).toString(), "--json")));
    assertEquals("rising chirp", top(ok("listen", file("chirp2.wav", Pictures.wav(false, 0.7, 0.03, 10)).toString(), "--json")));
    // Recognising does not change the brain, so nothing was saved.
    byte[] after = Files.readAllBytes(dev.engram.server.store.Stores.sidecar(tmp.resolve("db"), BrainVerbs.FILE));
    assertTrue(Arrays.equals(before, after), "an unlabelled watch or listen rewrote brain.bin");
    // Plain output: a summary line, then one concept per line.
    CliRun plain = ok("watch", tmp.resolve("disc2.png").toString());
    assertTrue(plain.out().startsWith("visual: round-trip cosine "), plain.out());
    assertTrue(plain.out().contains("\nred disc\t"), plain.out());
  }

  @Test
  void badFilesAreRefusedWithTheReason() throws Exception {
    CliRun text = in("watch", file("notes.txt", "not a picture".getBytes()).toString());
    assertEquals(Cli.BAD_INPUT, text.code());
    assertTrue(text.err().contains("not an image this server can read"), text.err());
    CliRun wav = in("listen", tmp.resolve("notes.txt").toString());
    assertEquals(Cli.BAD_INPUT, wav.code());
    assertTrue(wav.err().contains("not a WAV file"), wav.err());
    CliRun missing = in("watch", tmp.resolve("nope.png").toString());
    assertEquals(Cli.BAD_INPUT, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
    CliRun silent = in("listen", file("silence.wav", dev.engram.perception.Wav.write16(new dev.engram.perception.AudioClip(new float[800], 16000))).toString());
    assertEquals(Cli.BAD_INPUT, silent.code());
    assertTrue(silent.err().contains("all zeros"), silent.err());
    CliRun k = in("watch", file("disc.png", Pictures.png(true, 0, 0, 1)).toString(), "-k", "0");
    assertEquals(Cli.BAD_INPUT, k.code());
    assertTrue(k.err().contains("k must be between 1 and 100"), k.err());
  }
}
