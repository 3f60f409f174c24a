package dev.engram.server.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Where the LLM is and how to talk to it, validated on construction.
 *
 * @param endpoint the full chat URL ({@code http://host:11434/api/chat} or {@code http://host:8000/v1/chat/completions})
 * @param model model name sent with every request
 * @param api which request and reply shape the endpoint speaks
 * @param apiKey bearer token for OpenAI-compatible endpoints, or null
 * @param timeout per request, connect included
 */
public record LlmConfig(URI endpoint, String model, Api api, String apiKey, Duration timeout) {

  /** The two wire shapes. */
  public enum Api { OPENAI, OLLAMA }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public LlmConfig {
    if (endpoint == null || endpoint.getScheme() == null
        || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("ENGRAM_LLM_URL must be an http(s) URL, got '" + endpoint + "'");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("ENGRAM_LLM_MODEL must name a model");
    }
    if (api == null) {
      throw new IllegalArgumentException("api is required");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 3600) {
      throw new IllegalArgumentException("the LLM timeout must be in (0, 3600] s, got " + timeout);
    }
  }

  /** "ollama:qwen2.5:1.5b" or "openai:gpt-4o-mini": what reports name the extractor and writer by. */
  public String label() {
    return api.name().toLowerCase(Locale.ROOT) + ":" + model;
  }

  /**
   * The configuration in {@code env}, or null when ENGRAM_LLM_URL or ENGRAM_LLM_MODEL is unset (no LLM:
   * the rule extractor and composed answers). ENGRAM_LLM_URL may be the chat URL itself or a base
   * ({@code http://localhost:11434}, {@code http://localhost:8000/v1}); ENGRAM_LLM_API=openai|ollama
   * overrides the guess (a path ending in /api/chat or port 11434 means Ollama, anything else OpenAI);
   * ENGRAM_LLM_KEY is sent as a bearer token; ENGRAM_LLM_TIMEOUT_S sets the per-request timeout.
   */
  public static LlmConfig fromEnv(Map<String, String> env) {
    String url = trimmed(env.get("ENGRAM_LLM_URL"));
    String model = trimmed(env.get("ENGRAM_LLM_MODEL"));
    if (url == null && model == null) {
      return null;
    }
    if (url == null || model == null) {
      throw new IllegalArgumentException("set both ENGRAM_LLM_URL and ENGRAM_LLM_MODEL to use an LLM (only "
          + (url == null ? "ENGRAM_LLM_MODEL" : "ENGRAM_LLM_URL") + " is set)");
    }
    URI base;
    try {
      base = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ENGRAM_LLM_URL is not a URL: '" + url + "'");
    }
    String path = base.getPath() == null ? "" : base.getPath();
    String apiName = trimmed(env.get("ENGRAM_LLM_API"));
    Api api;
    if (apiName != null) {
      api = switch (apiName.toLowerCase(Locale.ROOT)) {
        case "openai" -> Api.OPENAI;
        case "ollama" -> Api.OLLAMA;
        default -> throw new IllegalArgumentException("ENGRAM_LLM_API must be openai or ollama, got '" + apiName + "'");
      };
    } else {
      api = path.endsWith("/api/chat") || (base.getPort() == 11434 && !path.contains("/v1")) ? Api.OLLAMA : Api.OPENAI;
    }
    String stripped = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI endpoint;
    if (path.endsWith("/chat/completions") || path.endsWith("/api/chat")) {
      endpoint = base;
    } else if (api == Api.OLLAMA) {
      endpoint = URI.create(stripped + "/api/chat");
    } else {
      endpoint = URI.create(stripped + (path.endsWith("/v1") ? "" : "/v1") + "/chat/completions");
    }
    Duration timeout = DEFAULT_TIMEOUT;
    String seconds = trimmed(env.get("ENGRAM_LLM_TIMEOUT_S"));
    if (seconds != null) {
      try {
        timeout = Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ENGRAM_LLM_TIMEOUT_S must be a number of seconds, got '" + seconds + "'");
      }
    }
    return new LlmConfig(endpoint, model, api, trimmed(env.get("ENGRAM_LLM_KEY")), timeout);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
