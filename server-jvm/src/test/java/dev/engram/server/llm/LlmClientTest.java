package dev.engram.server.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.knowledge.KnowledgeBase;
import dev.engram.knowledge.SourceText;
import dev.engram.knowledge.Triple;
import dev.engram.knowledge.TripleExtractor;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LLM clients against a MOCK endpoint started by each test (no model runs anywhere). */
class LlmClientTest {

  private static LlmClient client(MockLlmEndpoint mock, String path, Duration timeout) {
    LlmConfig c = LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", mock.base() + path, "ENGRAM_LLM_MODEL", "mock-model",
        "ENGRAM_LLM_TIMEOUT_S", String.valueOf(timeout.toMillis() / 1000.0)));
    return new LlmClient(c);
  }

  @Test
  void configurationComesFromTheEnvironmentAndIsCheckedClearly() {
    assertNull(LlmConfig.fromEnv(Map.of()));
    LlmConfig ollama = LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "http://localhost:11434", "ENGRAM_LLM_MODEL", "qwen2.5:1.5b"));
    assertEquals(LlmConfig.Api.OLLAMA, ollama.api());
    assertEquals("http://localhost:11434/api/chat", ollama.endpoint().toString());
    LlmConfig openai = LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "http://localhost:8000/v1", "ENGRAM_LLM_MODEL", "m"));
    assertEquals(LlmConfig.Api.OPENAI, openai.api());
    assertEquals("http://localhost:8000/v1/chat/completions", openai.endpoint().toString());
    IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
        () -> LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "http://x:1")));
    assertTrue(half.getMessage().contains("ENGRAM_LLM_MODEL"), half.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "ftp://x", "ENGRAM_LLM_MODEL", "m")));
    assertThrows(IllegalArgumentException.class,
        () -> LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "http://x:1", "ENGRAM_LLM_MODEL", "m", "ENGRAM_LLM_API", "grpc")));
  }

  @Test
  void extractsTriplesInBatchesFromBothWireShapes() throws Exception {
    try (MockLlmEndpoint mock = new MockLlmEndpoint()) {
      mock.reply = body -> "Here are the triples:\n1. Velmora bells | are cast from | river glass\n- founders | melt | sand.\nnot a triple\n";
      for (String path : new String[] {"/v1/chat/completions", "/api/chat"}) {
        mock.requests.clear();
        LlmExtractor x = new LlmExtractor(client(mock, path, Duration.ofSeconds(5)));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
          text.append("Sentence number ").append(i).append(" says that the founders melt the sand of the river. ");
        }
        List<Triple> triples = KnowledgeBase.extract(x, "Velmora bells", text.toString(), SourceText.Format.PLAIN, null);
        int batches = mock.requests.size();
        assertTrue(batches >= 3, path + ": " + batches + " requests for ~5,000 characters");
        assertEquals(2 * batches, triples.size(), triples.toString());
        assertEquals(new Triple("Velmora bells", "are cast from", "river glass"), triples.get(0));
        assertEquals(new Triple("founders", "melt", "sand"), triples.get(1));
        assertTrue(mock.requests.get(0).contains("\"model\":\"mock-model\"") && mock.requests.get(0).contains("Topic: Velmora bells"));
      }
    }
  }

  @Test
  void aDownSlowOrFailingEndpointIsAClearError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LlmClient down = new LlmClient(LlmConfig.fromEnv(Map.of("ENGRAM_LLM_URL", "http://127.0.0.1:" + port + "/api/chat",
        "ENGRAM_LLM_MODEL", "m", "ENGRAM_LLM_TIMEOUT_S", "2")));
    TripleExtractor.ExtractionException e = assertThrows(TripleExtractor.ExtractionException.class,
        () -> new LlmExtractor(down).extract("t", List.of("The mill grinds barley.")));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port) && e.getMessage().contains("down"), e.getMessage());

    try (MockLlmEndpoint mock = new MockLlmEndpoint()) {
      mock.delayMs = 1500;
      LlmClient slow = client(mock, "/v1/chat/completions", Duration.ofMillis(300));
      LlmClient.LlmException t = assertThrows(LlmClient.LlmException.class, () -> slow.chat("s", "u"));
      assertTrue(t.getMessage().contains("did not answer within"), t.getMessage());
      mock.delayMs = 0;
      mock.status = 404;
      LlmClient.LlmException nf = assertThrows(LlmClient.LlmException.class,
          () -> client(mock, "/api/chat", Duration.ofSeconds(5)).chat("s", "u"));
      assertTrue(nf.getMessage().contains("HTTP 404") && nf.getMessage().contains("mock-model"), nf.getMessage());
    }
  }

  @Test
  void theAnswerWriterSeesOnlyTheRecalledFactsAndStreams() throws Exception {
    try (MockLlmEndpoint mock = new MockLlmEndpoint()) {
      mock.reply = body -> "Velmora bells are cast from river glass.";
      for (String path : new String[] {"/v1/chat/completions", "/api/chat"}) {
        mock.requests.clear();
        LlmAnswerWriter w = new LlmAnswerWriter(client(mock, path, Duration.ofSeconds(5)));
        List<String> pieces = new ArrayList<>();
        String all = w.stream("What are Velmora bells cast from?", List.of("Velmora bells is cast from river glass."), pieces::add);
        assertEquals("Velmora bells are cast from river glass.", all);
        assertTrue(pieces.size() > 3, pieces.toString());
        assertEquals(all, w.write("What are Velmora bells cast from?", List.of("Velmora bells is cast from river glass.")));
        String prompt = mock.requests.get(0);
        assertTrue(prompt.contains("1. Velmora bells is cast from river glass.") && prompt.contains("ONLY the numbered facts"), prompt);
      }
      assertThrows(IllegalArgumentException.class, () -> LlmAnswerWriter.prompt("q", List.of()));
    }
  }
}
