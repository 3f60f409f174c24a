package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge verbs in-process. Every {@link Cli#run} opens the data directory afresh and replays its
 * log, so an ask in a later call than the learn is a restart that must rebuild what was learned.
 */
class KnowledgeCliTest {
  @TempDir Path tmp;

  static final String LANTERNS = """
      # Quellbrook lanterns

      Quellbrook lanterns burn moss oil. The moss oil comes from the Tarnwick marshes.
      Tarnwick marshes are flooded every spring by the river Oslen.
      Lantern makers in Quellbrook are also called wickwrights.
      """;

  /** Rolling captions: the first cue is repeated, grown, by the second; "um" is filler. */
  static final String BRIDGE_VTT = """
      WEBVTT

      00:00:01.000 --> 00:00:03.000
      um, the Drossel bridge is built from

      00:00:03.000 --> 00:00:05.000
      the Drossel bridge is built from blue basalt.

      00:00:05.000 --> 00:00:07.000
      Blue basalt is quarried near Fennmoor.
      """;

  static final String FERRY_SRT = """
      1
      00:00:01,000 --> 00:00:03,000
      The Vossel ferry carries salt barrels.

      2
      00:00:03,000 --> 00:00:05,000
      Salt barrels are sealed with pine tar.
      """;


  private CliRun in(Path db, byte[] stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString()));
    all.addAll(Arrays.asList(args));
    return CliRun.of(stdin, all.toArray(new String[0]));
  }

  private CliRun ok(Path db, String... args) {
    CliRun run = in(db, new byte[0], args);
    assertEquals(0, run.code(), "engram " + String.join(" ", args) + "\n" + run);
    return run;
  }

  private static JsonNode json(CliRun run) throws Exception {
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void learnFromMarkdownSubtitlesAndStdinThenAskAfterReopening() throws Exception {
    Path db = tmp.resolve("db");
    Path md = Files.writeString(tmp.resolve("lanterns.md"), LANTERNS);
    Path vtt = Files.writeString(tmp.resolve("bridge.vtt"), BRIDGE_VTT);
    Path srt = Files.writeString(tmp.resolve("ferry.srt"), FERRY_SRT);

    CliRun learned = ok(db, "learn", "--topic", "Quellbrook lanterns", md.toString());
    assertTrue(learned.out().contains("(markdown)") && learned.out().contains("triples")
        && learned.out().contains(" ms"), learned.toString());
    JsonNode bridge = json(ok(db, "learn", "--topic", "Drossel bridge", vtt.toString(), "--json"));
    assertEquals("Drossel bridge", bridge.get("topic").asText());
    assertTrue(bridge.get("triples").asInt() > 0, bridge.toString());
    assertTrue(bridge.get("ms").isNumber());
    ok(db, "learn", "--topic", "Vossel ferry", srt.toString());
    // standard input has no name: the content tells it is WebVTT
    CliRun piped = in(db, BRIDGE_VTT.replace("Drossel", "Kettering").getBytes(UTF_8), "learn", "--topic", "Kettering", "-");
    assertEquals(0, piped.code(), piped.toString());
    assertTrue(piped.out().contains("(webvtt)"), piped.toString());

    CliRun answer = ok(db, "ask", "what", "do", "Quellbrook", "lanterns", "burn?");
    assertTrue(answer.out().contains("moss oil"), answer.toString());
    assertTrue(answer.out().contains("[explicit]"), answer.toString());

    JsonNode asked = json(ok(db, "ask", "What is the Drossel bridge built from?", "--json"));
    assertFalse(asked.get("knowsNothing").asBoolean());
    assertTrue(asked.get("answer").asText().contains("blue basalt"), asked.toString());
    JsonNode first = asked.get("associations").get(0);
    assertEquals("blue basalt", first.get("name").asText(), asked.toString());
    assertEquals("explicit", first.get("tag").asText());
    assertTrue(first.get("strength").asDouble() > 0);
    assertTrue(first.get("triples").get(0).asText().contains("built from"), asked.toString());
    // the filler and the rolled caption left nothing behind
    assertFalse(asked.toString().contains("um,"), asked.toString());

    JsonNode ferry = json(ok(db, "ask", "what does the Vossel ferry carry?", "--json"));
    assertTrue(ferry.get("answer").asText().contains("salt barrels"), ferry.toString());

    JsonNode topics = json(ok(db, "topics", "--json"));
    assertEquals(List.of("Quellbrook lanterns", "Drossel bridge", "Vossel ferry", "Kettering"),
        names(topics.get("topics")));
    assertTrue(ok(db, "topics").out().startsWith("Quellbrook lanterns\t"));

    JsonNode concepts = json(ok(db, "concepts", "--topic", "Drossel bridge", "--json"));
    assertTrue(names(concepts.get("concepts")).contains("Fennmoor"), concepts.toString());
    assertFalse(names(concepts.get("concepts")).contains("moss oil"), concepts.toString());
    JsonNode all = json(ok(db, "concepts", "--json"));
    assertTrue(names(all.get("concepts")).containsAll(List.of("moss oil", "Fennmoor", "salt barrels")));

    JsonNode dream = json(ok(db, "dream", "--seed", "7", "--json"));
    assertEquals(7, dream.get("seed").asLong());
    assertFalse(dream.get("steps").isEmpty());
    assertEquals(dream, json(ok(db, "dream", "--seed", "7", "--json")), "the same seed gives the same dream");
  }

  @Test
  void askingAboutNothingLearnedExitsThree() {
    Path db = tmp.resolve("db");
    CliRun empty = in(db, new byte[0], "ask", "who is Zorblax?");
    assertEquals(3, empty.code(), empty.toString());
    assertTrue(empty.err().contains("not learned anything"), empty.toString());
    CliRun learned = in(db, LANTERNS.getBytes(UTF_8), "learn", "--topic", "Quellbrook lanterns", "-", "--format", "md");
    assertEquals(0, learned.code(), learned.toString());
    // knowing something does not make every question answerable
    CliRun still = in(db, new byte[0], "ask", "--json", "who is Zorblax?");
    assertEquals(3, still.code(), still.toString());
    assertTrue(still.out().contains("\"knowsNothing\":true"), still.toString());
  }

  @Test
  void badInputIsExitTwoAndLearnsNothing() throws Exception {
    Path db = tmp.resolve("db");
    Path md = Files.writeString(tmp.resolve("lanterns.md"), LANTERNS);
    CliRun noTopic = in(db, new byte[0], "learn", md.toString());
    assertEquals(2, noTopic.code(), noTopic.toString());
    assertTrue(noTopic.err().contains("--topic"), noTopic.toString());
    CliRun blankTopic = in(db, new byte[0], "learn", "--topic", " ", md.toString());
    assertEquals(2, blankTopic.code(), blankTopic.toString());
    CliRun emptyText = in(db, "  \n".getBytes(UTF_8), "learn", "--topic", "T", "-");
    assertEquals(2, emptyText.code(), emptyText.toString());
    assertTrue(emptyText.err().contains("empty"), emptyText.toString());
    CliRun missing = in(db, new byte[0], "learn", "--topic", "T", tmp.resolve("nope.md").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("no such file"), missing.toString());
    CliRun badFormat = in(db, new byte[0], "learn", "--topic", "T", "--format", "pdf", md.toString());
    assertEquals(2, badFormat.code(), badFormat.toString());
    assertTrue(badFormat.err().contains("unknown format"), badFormat.toString());
    byte[] huge = new byte[KnowledgeBase.MAX_SOURCE_CHARS + 1];
    Arrays.fill(huge, (byte) 'a');
    CliRun oversize = in(db, huge, "learn", "--topic", "T", "-");
    assertEquals(2, oversize.code(), oversize.toString());
    assertTrue(oversize.err().contains("limit"), oversize.toString());
    CliRun unknownTopic = in(db, new byte[0], "concepts", "--topic", "Nowhere");
    assertEquals(2, unknownTopic.code(), unknownTopic.toString());
    CliRun badSteps = in(db, new byte[0], "dream", "--steps", "0");
    assertEquals(2, badSteps.code(), badSteps.toString());
    assertEquals("{\"topics\":[]}", ok(db, "topics", "--json").out().strip(), "nothing refused was learned");
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("name").asText()));
    return out;
  }
}
