package dev.engram.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.llm.MockLlmEndpoint;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** learn from a directory, from a URL (yt-dlp), and through an LLM (a MOCK endpoint started here). */
class KnowledgeSourcesCliTest {
  @TempDir Path tmp;

  @AfterEach
  void resetEnvironment() {
    KnowledgeVerbs.setEnvironment(null);
  }


  private CliRun run(Path db, String... args) {
    List<String> all = new ArrayList<>(List.of("--db", db.toString()));
    all.addAll(Arrays.asList(args));
    return CliRun.of(new byte[0], all.toArray(new String[0]));
  }

  @Test
  void learnsEveryTextAndSubtitleFileOfADirectory() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("talks"));
    Files.writeString(dir.resolve("a.md"), "# Lanterns\n\nQuellbrook lanterns burn moss oil.\n");
    Files.writeString(dir.resolve("b.vtt"), KnowledgeCliTest.BRIDGE_VTT);
    Files.writeString(dir.resolve("c.srt"), KnowledgeCliTest.FERRY_SRT);
    Files.write(dir.resolve("d.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Path db = tmp.resolve("db");
    CliRun learned = run(db, "learn", "--topic", "Fennmoor talks", dir.toString());
    assertEquals(0, learned.code(), learned.toString());
    assertEquals(3, learned.out().split("\n").length, learned.out());
    assertTrue(learned.err().contains("[3/3] c.srt"), learned.err());
    CliRun ask = run(db, "ask", "--json", "What is the Drossel bridge built from?");
    assertTrue(Json.MAPPER.readTree(ask.out()).get("answer").asText().contains("blue basalt"), ask.toString());
    CliRun ferry = run(db, "ask", "--json", "What does the Vossel ferry carry?");
    assertTrue(Json.MAPPER.readTree(ferry.out()).get("answer").asText().contains("salt barrels"), ferry.toString());

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    CliRun none = run(db, "learn", "--topic", "x", empty.toString());
    assertEquals(Cli.BAD_INPUT, none.code());
    assertTrue(none.err().contains("no .txt, .md, .vtt or .srt file"), none.toString());
  }

  @Test
  void aUrlWithoutYtDlpSaysWhatToInstall() {
    KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_YTDLP", tmp.resolve("no-such-yt-dlp").toString()));
    CliRun r = run(tmp.resolve("db"), "learn", "--topic", "Talk", "https://example.invalid/watch?v=x");
    assertEquals(Cli.BAD_INPUT, r.code(), r.toString());
    assertTrue(r.err().contains("needs yt-dlp") && r.err().contains("pipx install yt-dlp"), r.err());
  }

  @Test
  void anLlmExtractsAndAnswersAndItsTriplesReplayWithoutIt() throws Exception {
    Path db = tmp.resolve("db");
    Path md = Files.writeString(tmp.resolve("lanterns.md"), KnowledgeCliTest.LANTERNS);
    try (MockLlmEndpoint mock = new MockLlmEndpoint()) {
      mock.reply = body -> body.contains("extract knowledge triples")
          ? "Quellbrook lanterns | burn | moss oil\nmoss oil | comes from | Tarnwick marshes\n"
          : "Quellbrook lanterns burn moss oil from the Tarnwick marshes.";
      KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_LLM_URL", mock.base() + "/v1", "ENGRAM_LLM_MODEL", "mock-model"));
      CliRun learned = run(db, "learn", "--topic", "Quellbrook lanterns", md.toString());
      assertEquals(0, learned.code(), learned.toString());
      assertTrue(learned.out().contains("2 triples") && learned.out().contains("by openai:mock-model"), learned.out());
      assertTrue(learned.err().contains("extracting: batch 1/1, 2 triples"), learned.err());
      CliRun asked = run(db, "ask", "--json", "What do Quellbrook lanterns burn?");
      JsonNode a = Json.MAPPER.readTree(asked.out());
      assertEquals("openai:mock-model", a.get("answeredBy").asText(), asked.toString());
      assertEquals("Quellbrook lanterns burn moss oil from the Tarnwick marshes.", a.get("answer").asText());
      String answerPrompt = mock.requests.get(mock.requests.size() - 1);
      assertTrue(answerPrompt.contains("Quellbrook lanterns burn moss oil") && answerPrompt.contains("Question: What do Quellbrook lanterns burn?"),
          answerPrompt);
      int calls = mock.requests.size();

      // no LLM now: the logged triples replay as they were learned, and nobody calls the endpoint
      KnowledgeVerbs.setEnvironment(Map.of());
      JsonNode replayed = Json.MAPPER.readTree(run(db, "ask", "--json", "What do Quellbrook lanterns burn?").out());
      assertEquals("rules", replayed.get("answeredBy").asText());
      assertEquals("moss oil", replayed.get("associations").get(0).get("name").asText(), replayed.toString());
      assertEquals(calls, mock.requests.size());
    }
    // an endpoint that is down fails the learn, says so, and learns nothing
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_LLM_URL", "http://127.0.0.1:" + port, "ENGRAM_LLM_MODEL", "m", "ENGRAM_LLM_API", "ollama"));
    CliRun down = run(db, "learn", "--topic", "Drossel bridge", md.toString());
    assertEquals(Cli.BAD_INPUT, down.code(), down.toString());
    assertTrue(down.err().contains("is down or unreachable") && down.err().contains("nothing was learned"), down.err());
    KnowledgeVerbs.setEnvironment(Map.of());
    CliRun topics = run(db, "topics");
    assertFalse(topics.out().contains("Drossel bridge"), topics.out());
    // an LLM that fails while answering leaves the composed answer and says why
    KnowledgeVerbs.setEnvironment(Map.of("ENGRAM_LLM_URL", "http://127.0.0.1:" + port, "ENGRAM_LLM_MODEL", "m"));
    CliRun fallback = run(db, "ask", "What do Quellbrook lanterns burn?");
    assertEquals(0, fallback.code(), fallback.toString());
    assertTrue(fallback.out().contains("moss oil") && fallback.err().contains("composed from the triples"), fallback.toString());
  }
}
