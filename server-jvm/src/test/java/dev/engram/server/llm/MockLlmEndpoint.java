package dev.engram.server.llm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A MOCK LLM endpoint for tests: a local HTTP server on a free port answering /v1/chat/completions
 * (OpenAI shape) and /api/chat (Ollama shape) with replies a test scripts from the request body. It
 * runs no model; it records every request body so tests can check prompts and batching.
 */
public final class MockLlmEndpoint implements AutoCloseable {
  final HttpServer server;
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  public volatile Function<String, String> reply = body -> "NONE";
  volatile int status = 200;
  volatile long delayMs = 0;

  public MockLlmEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // The two wire shapes differ only in how a streamed piece, the end of a stream and a whole reply are written.
    server.createContext("/v1/chat/completions", exchange -> answer(exchange,
        piece -> "data: {\"choices\":[{\"delta\":{\"content\":" + quote(piece) + "}}]}\n\n",
        "data: [DONE]\n\n",
        content -> "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "}}]}"));
    server.createContext("/api/chat", exchange -> answer(exchange,
        piece -> "{\"message\":{\"role\":\"assistant\",\"content\":" + quote(piece) + "},\"done\":false}\n",
        "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true}\n",
        content -> "{\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"done\":true}"));
    server.start();
  }

  /** Records the request, waits the scripted delay, and sends the scripted reply whole or streamed in pieces. */
  private void answer(com.sun.net.httpserver.HttpExchange exchange, Function<String, String> streamedPiece,
      String streamEnd, Function<String, String> whole) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(body);
    pause();
    String content = reply.apply(body);
    if (body.contains("\"stream\":true")) {
      StringBuilder out = new StringBuilder();
      for (String piece : pieces(content)) {
        out.append(streamedPiece.apply(piece));
      }
      send(exchange, out.append(streamEnd).toString());
    } else {
      send(exchange, whole.apply(content));
    }
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void pause() {
    if (delayMs > 0) {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void send(com.sun.net.httpserver.HttpExchange exchange, String out) throws IOException {
    byte[] bytes = (status == 200 ? out : "{\"error\":\"model not found\"}").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  /** Word-sized pieces, as a streaming model sends them. */
  static List<String> pieces(String content) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= content.length(); i++) {
      if (i == content.length() || content.charAt(i) == ' ') {
        out.add(content.substring(start, i));
        start = i;
      }
    }
    return out;
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
