package dev.engram.server.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One chat turn (system + user message) against the configured endpoint, whole or streamed. Thread-safe
 * (java.net.http's client is); no retries: a failure is an {@link LlmException} naming the endpoint and
 * the cause, for the caller to show.
 */
public final class LlmClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Most reply characters kept: a runaway stream is cut with an error, never silently. */
  static final int MAX_REPLY_CHARS = 200_000;

  private final LlmConfig config;
  private final HttpClient http;

  public LlmClient(LlmConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config is required");
    }
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  public LlmConfig config() {
    return config;
  }

  /** The endpoint could not give an answer: down, slow, refusing, or answering something unreadable. */
  public static final class LlmException extends RuntimeException {
    public LlmException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The assistant's reply to one system + user turn (temperature 0: extraction must be repeatable). */
  public String chat(String system, String user) {
    HttpResponse<String> response = send(body(system, user, false), HttpResponse.BodyHandlers.ofString());
    JsonNode reply;
    try {
      reply = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new LlmException(where() + " answered with something that is not JSON: " + excerpt(response.body()), e);
    }
    String text = config.api() == LlmConfig.Api.OPENAI
        ? reply.path("choices").path(0).path("message").path("content").asText(null)
        : reply.path("message").path("content").asText(null);
    if (text == null) {
      throw new LlmException(where() + " answered JSON without a message content: " + excerpt(response.body()), null);
    }
    return text;
  }

  /**
   * Streams the reply: {@code token} gets each piece as it arrives (OpenAI server-sent events, Ollama
   * JSON lines). Returns the whole reply.
   */
  public String stream(String system, String user, Consumer<String> token) {
    HttpResponse<InputStream> response = send(body(system, user, true), HttpResponse.BodyHandlers.ofInputStream());
    StringBuilder all = new StringBuilder();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        line = line.trim();
        if (line.isEmpty()) {
          continue;
        }
        String piece;
        if (config.api() == LlmConfig.Api.OPENAI) {
          if (!line.startsWith("data:")) {
            continue;
          }
          String data = line.substring(5).trim();
          if (data.equals("[DONE]")) {
            break;
          }
          piece = JSON.readTree(data).path("choices").path(0).path("delta").path("content").asText("");
        } else {
          JsonNode node = JSON.readTree(line);
          piece = node.path("message").path("content").asText("");
          if (node.path("done").asBoolean(false)) {
            emit(all, piece, token);
            break;
          }
        }
        emit(all, piece, token);
      }
    } catch (IOException e) {
      // the request timeout covers the wait for the reply's head; a stream that stalls later is cut
      // by the endpoint or the server's idle timeout, and lands here
      throw new LlmException(where() + " broke off the streamed reply: " + e.getMessage(), e);
    }
    return all.toString();
  }

  private void emit(StringBuilder all, String piece, Consumer<String> token) {
    if (piece.isEmpty()) {
      return;
    }
    if (all.length() + piece.length() > MAX_REPLY_CHARS) {
      throw new LlmException(where() + " sent a reply over " + MAX_REPLY_CHARS + " characters; stopped reading", null);
    }
    all.append(piece);
    token.accept(piece);
  }

  private String body(String system, String user, boolean stream) {
    ObjectNode body = JSON.createObjectNode().put("model", config.model()).put("stream", stream);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    if (config.api() == LlmConfig.Api.OPENAI) {
      body.put("temperature", 0);
    } else {
      body.putObject("options").put("temperature", 0);
    }
    return body.toString();
  }

  private <T> HttpResponse<T> send(String body, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (config.apiKey() != null) {
      request.header("Authorization", "Bearer " + config.apiKey());
    }
    HttpResponse<T> response;
    try {
      response = http.send(request.build(), handler);
    } catch (HttpConnectTimeoutException e) {
      throw new LlmException(where() + " did not accept a connection within " + config.timeout().toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new LlmException(where() + " did not answer within " + config.timeout().toSeconds()
          + " s (raise ENGRAM_LLM_TIMEOUT_S for a slow model)", e);
    } catch (ConnectException e) {
      throw new LlmException(where() + " is down or unreachable (connection refused); start it or unset ENGRAM_LLM_URL", e);
    } catch (IOException e) {
      throw new LlmException(where() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(where() + ": interrupted while waiting for the answer", e);
    }
    if (response.statusCode() / 100 != 2) {
      String text = response.body() instanceof String s ? s : readQuietly(response.body());
      throw new LlmException(where() + " answered HTTP " + response.statusCode()
          + (response.statusCode() == 404 ? " (wrong URL, or model '" + config.model() + "' not found)" : "")
          + ": " + excerpt(text), null);
    }
    return response;
  }

  private static String readQuietly(Object body) {
    if (body instanceof InputStream in) {
      try (in) {
        return new String(in.readNBytes(2000), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable body)";
      }
    }
    return String.valueOf(body);
  }

  private String where() {
    return "the LLM endpoint " + config.endpoint() + " (" + config.label() + ")";
  }

  private static String excerpt(String s) {
    if (s == null) {
      return "(empty)";
    }
    String t = s.strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "...";
  }
}
