package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory verbs beyond observe/get (recall pages, assoc, assess, notes, variables, forget, stats,
 * scopes, export/import), in-process. Every {@link Cli#run} opens the data directory afresh and replays
 * its log, so a read in a later call than the write is a restart that must find the write again.
 */
class CliVerbsTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err, byte[] raw) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run cli(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    int code = Cli.run(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err), raw);
    return new Run(code, out.toString(), err.toString(), raw.toByteArray());
  }

  /** Runs {@code engram --db DB args...} and requires exit code 0. */
  private Run ok(Path db, String... args) {
    Run run = in(db, args);
    assertEquals(0, run.code(), "engram " + String.join(" ", args) + "\n" + run);
    return run;
  }

  private Run in(Path db, String... args) {
    return inWithStdin(db, new byte[0], args);
  }

  private Run inWithStdin(Path db, byte[] stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString()));
    all.addAll(Arrays.asList(args));
    return cli(stdin, all.toArray(new String[0]));
  }

  private static JsonNode json(Run run) throws Exception {
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void recallPagesWithScoresAndWhyAssocAndAssess() throws Exception {
    Path db = tmp.resolve("db");
    ok(db, "observe", "team", "The deploy region is us-west-2. The deploy tool is Argo. The deploy window is Friday."
        + " The cache is Redis.");
    JsonNode first = json(ok(db, "recall", "team", "deploy", "-k", "2", "--json"));
    assertEquals(2, first.get("items").size(), first.toString());
    assertEquals(2, first.get("facts").size(), "facts kept for the first API's clients: " + first);
    JsonNode item = first.get("items").get(0);
    for (String field : List.of("id", "text", "kind", "score", "value", "why", "strength")) {
      assertTrue(item.has(field), field + " in " + item);
    }
    assertEquals(item.get("text").asText(), first.get("facts").get(0).asText());
    assertTrue(item.get("score").asDouble() > 0, item.toString());
    assertTrue(item.get("why").asText().contains("deploy"), item.toString());
    assertTrue(first.get("next").isTextual(), "three deploy facts, pages of two: " + first);

    JsonNode second = json(ok(db, "recall", "team", "deploy", "-k", "2", "--cursor", first.get("next").asText(), "--json"));
    assertEquals(1, second.get("items").size(), second.toString());
    assertTrue(second.get("next").isNull(), second.toString());
    List<String> seen = new ArrayList<>();
    for (JsonNode page : List.of(first, second)) {
      page.get("facts").forEach(f -> seen.add(f.asText()));
    }
    assertEquals(3, seen.stream().distinct().count(), "pages do not repeat: " + seen);
    assertFalse(seen.contains("The cache is Redis."), seen.toString());

    Run text = ok(db, "recall", "team", "deploy", "-k", "2");
    assertEquals(2, text.out().lines().count(), text.toString());
    assertTrue(text.err().contains("--cursor " + first.get("next").asText()), "how to get more: " + text);

    JsonNode assoc = json(ok(db, "assoc", "team", "deploy", "--json"));
    assertTrue(assoc.get("items").size() >= 1, assoc.toString());
    assertTrue(assoc.get("items").get(0).get("text").asText().contains("deploy"), assoc.toString());

    double known = json(ok(db, "assess", "team", "what is the deploy region?", "--json")).get("score").asDouble();
    double unknown = json(ok(db, "assess", "team", "what is the blood type?", "--json")).get("score").asDouble();
    assertTrue(known > unknown && known <= 1 && unknown >= 0, known + " vs " + unknown);

    JsonNode answer = json(ok(db, "get", "team", "what is the deploy region?", "--json"));
    assertEquals("us-west-2", answer.get("value").asText());
    assertEquals("The deploy region is us-west-2.", answer.get("fact").asText());
    assertTrue(answer.get("confidence").asDouble() > 0, answer.toString());
  }

  @Test
  void notesVariablesAndForgetAreDurable() throws Exception {
    Path db = tmp.resolve("db");
    ok(db, "observe", "team", "The cache is Redis. The queue is Kafka. The database is Postgres.");
    assertEquals("stored 1 note\n", ok(db, "note", "team", "task", "Call Ana about the invoices.").out());
    inWithStdin(db, "Ana prefers tea.".getBytes(UTF_8), "note", "team", "preference", "-");
    assertEquals(1, json(ok(db, "notes", "team", "task", "--json")).get("items").size());
    JsonNode all = json(ok(db, "notes", "team", "--json"));
    assertEquals(5, all.get("items").size(), "notes lists facts and notes together: " + all);
    assertEquals("Ana prefers tea.", all.get("items").get(0).get("text").asText(), "newest first: " + all);
    assertEquals("preference", all.get("items").get(0).get("kind").asText());

    ok(db, "var", "set", "team", "region", "us", "west", "2");
    ok(db, "var", "set", "team", "odd", "--", "-5 |  spaced = value #1");
    ok(db, "var", "set", "team", "gone", "soon");
    assertEquals("deleted gone\n", ok(db, "var", "del", "team", "gone").out());
    assertEquals("us west 2\n", ok(db, "var", "get", "team", "region").out());
    assertEquals("-5 |  spaced = value #1\n", ok(db, "var", "get", "team", "odd").out(),
        "a value survives the log exactly, whatever its characters");
    Run unset = in(db, "var", "get", "team", "gone");
    assertEquals(3, unset.code(), "an unset variable is 'no answer': " + unset);
    assertTrue(json(in(db, "var", "get", "team", "gone", "--json")).get("value").isNull());
    JsonNode vars = json(ok(db, "vars", "team", "--json")).get("vars");
    assertEquals(2, vars.size(), vars.toString());
    assertEquals("us west 2", vars.get("region").asText());
    assertEquals("odd = -5 |  spaced = value #1\nregion = us west 2\n", ok(db, "vars", "team").out());

    assertEquals("forgot 1\n", ok(db, "forget", "team", "KAFKA").out(), "case-insensitive substring");
    int postgres = -1;
    for (JsonNode n : json(ok(db, "notes", "team", "--json")).get("items")) {
      if (n.get("text").asText().contains("Postgres")) {
        postgres = n.get("id").asInt();
      }
    }
    assertEquals("{\"forgotten\":1}\n", ok(db, "forget", "team", "--id", Integer.toString(postgres), "--json").out());
    assertEquals("{\"forgotten\":0}\n", ok(db, "forget", "team", "--id", Integer.toString(postgres), "--json").out(),
        "a forgotten id stays forgotten after the restart");
    assertEquals(3, in(db, "get", "team", "what is the queue?").code());
    assertEquals(3, in(db, "get", "team", "what is the database?").code());
    assertEquals("Redis\n", ok(db, "get", "team", "what is the cache?").out());

    JsonNode stats = json(ok(db, "stats", "team", "--json"));
    assertEquals(3, stats.get("facts").asLong(), stats.toString());
    assertEquals(2, stats.get("forgotten").asLong(), stats.toString());
    assertEquals(2, stats.get("vars").asLong(), stats.toString());
    assertEquals("team", stats.get("scope").asText());

    ok(db, "observe", "other", "The sky is blue.");
    assertEquals("other\nteam\n", ok(db, "scopes").out());
    assertEquals(2, json(ok(db, "stats", "--json")).get("scopes").asInt());
    assertEquals("forgot 1\n", ok(db, "forget", "other").out(), "no substring: the whole scope");
    assertEquals("{\"scopes\":[\"team\"]}\n", ok(db, "scopes", "--json").out());
  }

  @Test
  void jsonlExportImportRoundTripsAndTheImportIsDurable() throws Exception {
    Path a = tmp.resolve("a");
    ok(a, "observe", "team", "My plan is basic.");
    ok(a, "observe", "team", "I moved to the pro plan. The cache is Redis.");
    ok(a, "note", "team", "task", "Call Ana about the cache.");
    ok(a, "var", "set", "team", "region", "us-west-2");
    ok(a, "observe", "user:42", "Ünïcödé façts survive: 東京.");
    String exported = ok(a, "export").out();
    List<String> lines = exported.lines().toList();
    assertEquals(6, lines.size(), exported);
    assertEquals("{\"scope\":\"team\",\"text\":\"My plan is basic.\",\"kind\":\"fact\"}", lines.get(0), "oldest first");
    assertTrue(lines.contains("{\"scope\":\"team\",\"var\":\"region\",\"value\":\"us-west-2\"}"), exported);
    assertEquals(5, ok(a, "export", "team").out().lines().count(), "one scope only");

    Path file = tmp.resolve("all.jsonl");
    ok(a, "export", "-o", file.toString());
    assertEquals(exported, Files.readString(file));
    Path b = tmp.resolve("b");
    Run imported = ok(b, "import", file.toString(), "--json");
    JsonNode counts = json(imported);
    assertEquals(4, counts.get("facts").asInt(), imported.toString());
    assertEquals(1, counts.get("notes").asInt());
    assertEquals(1, counts.get("vars").asInt());
    assertEquals(exported, ok(b, "export").out(), "a restarted engram exports what was imported");
    assertEquals("pro\n", ok(b, "get", "team", "what is my plan?").out(), "updates keep their order through JSONL");

    Path c = tmp.resolve("c");
    inWithStdin(c, "{\"text\": \"The cache is Redis.\"}\n\n".getBytes(UTF_8), "import", "-", "--scope", "piped");
    assertEquals("Redis\n", ok(c, "get", "piped", "what is the cache?").out());
  }

  @Test
  void snapshotExportImportIsExactAndDurable() throws Exception {
    Path a = tmp.resolve("a");
    ok(a, "observe", "team", "The deploy region is us-west-2. The cache is Redis.");
    ok(a, "note", "team", "person", "Ana is the cache owner.");
    ok(a, "forget", "team", "Redis");
    ok(a, "var", "set", "team", "colour", "teal");
    ok(a, "observe", "other", "The sky is blue.");
    Path snap = tmp.resolve("team.snap");
    ok(a, "export", "team", "--format", "snapshot", "-o", snap.toString());
    Run toStdout = ok(a, "export", "team", "--format", "snapshot");
    byte[] bytes = Files.readAllBytes(snap);
    assertEquals(List.of((byte) 'E', (byte) 'N', (byte) 'G', (byte) 'R'),
        List.of(bytes[0], bytes[1], bytes[2], bytes[3]), "a binary snapshot on stdout too");
    assertEquals(bytes.length, toStdout.raw().length);

    Path b = tmp.resolve("b");
    ok(b, "observe", "team", "The team is about to be replaced.");
    assertEquals("loaded 1 scope: team\n", ok(b, "import", snap.toString()).out());
    String exportedA = ok(a, "export", "team").out();
    assertEquals(exportedA, ok(b, "export", "team").out(), "after a restart the loaded scope is the exported one");
    assertEquals(ok(a, "notes", "team", "--json").out(), ok(b, "notes", "team", "--json").out(), "ids travel too");
    assertEquals(1, json(ok(b, "stats", "team", "--json")).get("forgotten").asInt());
    assertEquals("teal\n", ok(b, "var", "get", "team", "colour").out());
    assertEquals("team\n", ok(b, "scopes").out());
  }

  @Test
  void aCorruptOrTooNewSnapshotIsRefusedWithExit2AndChangesNothing() throws Exception {
    Path a = tmp.resolve("a");
    ok(a, "observe", "team", "The cache is Redis.");
    byte[] good = ok(a, "export", "--format", "snapshot").raw();

    // The version is the little-endian i32 after "ENGR" and the name (a 1-byte length and 15 bytes).
    int versionAt = 4 + 1 + "engram.snapshot".length();
    int footerAt = good.length - 8;
    CRC32 crc = new CRC32();
    crc.update(good, 0, footerAt);
    assertEquals((int) crc.getValue(), ByteBuffer.wrap(good, footerAt + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(),
        "test setup: the footer is \"RGNE\" and the CRC-32 of what precedes it");
    byte[] tooNew = good.clone();
    ByteBuffer.wrap(tooNew, versionAt, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(99);
    crc.reset();
    crc.update(tooNew, 0, footerAt);
    ByteBuffer.wrap(tooNew, footerAt + 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
    byte[] damaged = good.clone();
    damaged[good.length / 2] ^= 0x10;
    byte[] cut = Arrays.copyOf(good, good.length - 3);

    Path b = tmp.resolve("b");
    ok(b, "observe", "team", "The queue is Kafka.");
    String before = ok(b, "export").out();
    for (var bad : List.of(List.of("too new", tooNew), List.of("checksum failed", damaged), List.of("", cut))) {
      Path file = tmp.resolve("bad.snap");
      Files.write(file, (byte[]) bad.get(1));
      Run run = in(b, "import", file.toString());
      assertEquals(2, run.code(), run.toString());
      assertTrue(run.err().startsWith("engram: ") && run.err().contains((String) bad.get(0)), run.toString());
      assertFalse(run.err().contains("Exception"), run.toString());
      Run piped = inWithStdin(b, (byte[]) bad.get(1), "import", "-");
      assertEquals(2, piped.code(), piped.toString());
    }
    assertEquals(before, ok(b, "export").out(), "a refused import stores nothing, in the log either");
  }

  @Test
  void badInputToTheNewVerbsIsExitCode2AndStoresNothing() throws Exception {
    Path db = tmp.resolve("db");
    ok(db, "observe", "team", "The cache is Redis.");
    String before = ok(db, "export").out();
    List<String[]> cases = List.of(
        new String[] {"note", "team", "bogus", "Some text."},
        new String[] {"note", "team", "task"},
        new String[] {"notes", "team", "bogus"},
        new String[] {"notes", "team", "-k", "0"},
        new String[] {"notes", "team", "--cursor", "nope"},
        new String[] {"recall", "team", "cache", "--cursor", "nope"},
        new String[] {"assoc", "team", "cache", "-k", "0"},
        new String[] {"assess", "team"},
        new String[] {"var"},
        new String[] {"var", "set", "team", "name"},
        new String[] {"var", "get", "team"},
        new String[] {"var", "frob", "team", "name"},
        new String[] {"var", "set", "team", "n".repeat(dev.engram.Limits.MAX_VAR_NAME_CHARS + 1), "v"},
        new String[] {"vars", ""},
        new String[] {"forget", "team", "cache", "--id", "0"},
        new String[] {"forget", "team", "--id", "-1"},
        new String[] {"forget", "team", "w".repeat(dev.engram.Limits.MAX_QUESTION_CHARS + 1)},
        new String[] {"stats", "bad\u0001scope"},
        new String[] {"export", "--format", "xml"},
        new String[] {"import", tmp.resolve("missing.jsonl").toString()});
    for (String[] args : cases) {
      Run run = in(db, args);
      assertEquals(2, run.code(), "engram " + String.join(" ", args) + "\n" + run);
      assertFalse(run.err().isBlank(), run.toString());
      assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
    }
    List<String> badJsonl = List.of(
        "{\"scope\": \"team\", \"text\": \"The queue is Kafka.\"}\n{\"scope\": \"team\", \"text\": ",
        "{\"text\": \"no scope anywhere\"}",
        "{\"scope\": \"team\", \"text\": \"x\", \"kind\": \"bogus\"}",
        "{\"scope\": \"team\", \"text\": 42}",
        "{\"scope\": \"team\", \"var\": \"v\"}",
        "{\"scope\": \"team\", \"var\": \"v\", \"value\": \"x\", \"text\": \"y\"}",
        "{\"scope\": \"team\", \"txt\": \"typo\"}",
        "[\"not an object\"]");
    for (String jsonl : badJsonl) {
      Run run = inWithStdin(db, jsonl.getBytes(UTF_8), "import", "-");
      assertEquals(2, run.code(), jsonl + "\n" + run);
      assertTrue(run.err().contains("line "), "names the line: " + run);
    }
    Run invalidUtf8 = inWithStdin(db, new byte[] {'{', '"', 's', (byte) 0xC3, '"', '}', '\n'}, "import", "-");
    assertEquals(2, invalidUtf8.code(), invalidUtf8.toString());
    assertEquals(before, ok(db, "export").out(), "nothing refused was stored");
    assertNotEquals("", before);
  }

  @Test
  void aLoggedWriteThisEngramDoesNotKnowStopsTheOpenWithAStorageError() throws Exception {
    Path db = tmp.resolve("db");
    ok(db, "observe", "team", "The cache is Redis.");
    try (var store = dev.engram.server.store.Stores.open(db, warning -> {})) {
      store.catchUp(op -> {});
      store.append(new dev.engram.server.store.Call("team", "frobnicate", List.of("x"), 1L), op -> {});
    }
    Run run = in(db, "get", "team", "what is the cache?");
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.err().contains("'frobnicate'") && run.err().contains("newer engram"), run.toString());
  }

  /** The dispatcher verb; only decisions the shipped router makes with high confidence are asserted. */
  @Test
  void routeAnswersStoresDurablyAndSendsLiveQuestionsOut() throws Exception {
    Path db = tmp.resolve("route");
    ok(db, "observe", "team", "The deploy region is us-west-2.");
    assertEquals("ANSWER\tus-west-2\n", ok(db, "route", "team", "what is the deploy region?").out());

    JsonNode answer = json(ok(db, "route", "team", "what is the deploy region?", "--json"));
    assertEquals("ANSWER", answer.get("route").asText());
    assertEquals("us-west-2", answer.get("value").asText());
    assertEquals("The deploy region is us-west-2.", answer.get("facts").get(0).asText());
    double confidence = answer.get("confidence").asDouble();
    assertTrue(confidence > 0.5 && confidence <= 1, answer.toString());

    JsonNode store = json(okWithStdin(db, "My dog is called Rex.", "route", "team", "-", "--json"));
    assertEquals("STORE", store.get("route").asText(), store.toString());
    assertEquals("My dog is called Rex.", store.get("value").asText());
    // A later process (a restart: the log is replayed) finds the stored fact.
    assertEquals("Rex\n", ok(db, "get", "team", "what is the dog called?").out());

    JsonNode live = json(ok(db, "route", "team", "what's the weather in Paris right now?", "--json"));
    assertEquals("FETCH", live.get("route").asText(), live.toString());
    assertTrue(live.get("value").isNull(), live.toString());
    assertEquals("FETCH\n", ok(db, "route", "team", "what is the price of bitcoin today?").out());

    Run empty = in(db, "route", "team", " ");
    assertEquals(2, empty.code(), empty.toString());
    assertTrue(empty.err().contains("must not be empty"), empty.toString());
  }

  private Run okWithStdin(Path db, String stdin, String... args) {
    Run run = inWithStdin(db, stdin.getBytes(UTF_8), args);
    assertEquals(0, run.code(), "engram " + String.join(" ", args) + "\n" + run);
    return run;
  }

  @Test
  void secureTierWithASecretFile() throws Exception {
    Path db = tmp.resolve("db");
    Path secret = tmp.resolve("secret");
    Files.writeString(secret, "a secret of thirty-one characters\n");
    ok(db, "--secret-file", secret.toString(), "observe", "ops", "The bunker door code is 5521-heron.");
    assertEquals("5521-heron", ok(db, "--secret-file", secret.toString(), "get", "ops", "what is the bunker door code?")
        .out().strip());
    Run without = in(db, "get", "ops", "what is the bunker door code?");
    assertEquals(Cli.FAILURE, without.code(), without.toString());
    assertTrue(without.err().contains("encrypted") && without.err().contains("--secret-file"), without.toString());
    Path wrong = tmp.resolve("wrong");
    Files.writeString(wrong, "not the secret it was written with");
    Run wrongRun = in(db, "--secret-file", wrong.toString(), "get", "ops", "what is the bunker door code?");
    assertEquals(Cli.FAILURE, wrongRun.code(), wrongRun.toString());
    assertTrue(wrongRun.err().contains("does not open with this secret"), wrongRun.toString());
  }

  @Test
  void aLargeImportShowsItsProgress() throws Exception {
    StringBuilder jsonl = new StringBuilder();
    for (int n = 0; n < 25_000; n++) {
      jsonl.append("{\"scope\": \"bulk\", \"text\": \"Crate ").append(n).append(" holds bolt size ").append(n % 97).append(".\"}\n");
    }
    Run run = inWithStdin(tmp.resolve("db"), jsonl.toString().getBytes(UTF_8), "import", "-");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().contains("importing 20000/25000 lines"), run.err());
    assertTrue(run.err().contains("importing 25000/25000 lines"), run.err());
    assertTrue(run.out().contains("imported 25000 facts"), run.out());
  }
}
