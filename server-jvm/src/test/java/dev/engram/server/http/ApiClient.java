package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** Requests against an in-process server for the HTTP tests, and the assertions on its JSON answers. */
final class ApiClient {
  private final HttpClient client = HttpClient.newHttpClient();
  /** The port is read per request: tests restart the server on a new one. */
  private final IntSupplier port;
  /** Sent as the Authorization header of every request, or null for none. */
  private final String authorization;

  ApiClient(IntSupplier port) {
    this(port, null);
  }

  ApiClient(IntSupplier port, String authorization) {
    this.port = port;
    this.authorization = authorization;
  }

  /** The same server, with {@code authorization} (e.g. "Bearer KEY", or null for none) on every request. */
  ApiClient as(String authorization) {
    return new ApiClient(port, authorization);
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port.getAsInt() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(builder(path).GET().build(), BodyHandlers.ofString());
  }

  /** A GET as a browser's EventSource sends it: the whole event stream, read until the server ends it. */
  HttpResponse<String> getEvents(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/event-stream").GET().build(),
        BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, byte[] body) throws Exception {
    return send(builder(path).POST(BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A POST that does not wait for its answer: for checking what else the server does meanwhile. */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
    return client.sendAsync(builder(path).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String body) throws Exception {
    return send(builder(path).PUT(BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, byte[] body) throws Exception {
    return send(builder(path).PUT(BodyPublishers.ofByteArray(body)));
  }

  /** A GET whose answer is binary (a snapshot). */
  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(builder(path).GET().build(), BodyHandlers.ofByteArray());
  }

  HttpResponse<String> delete(String path) throws Exception {
    return client.send(builder(path).DELETE().build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.header("Content-Type", "application/json").build(), BodyHandlers.ofString());
  }

  /** The body as JSON, asserting the JSON content type. */
  static JsonNode json(HttpResponse<String> response) throws IOException {
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "JSON content type, got " + response.headers().firstValue("Content-Type") + " for " + response.body());
    return Json.MAPPER.readTree(response.body());
  }

  /** Asserts a 200 with a JSON body and returns it. */
  static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return json(response);
  }

  /** Asserts {@code status} with a JSON error whose message contains {@code says}. */
  static void rejected(int status, String says, HttpResponse<String> response) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode body = json(response);
    assertTrue(body.path("error").isTextual(), response.body());
    assertTrue(body.get("error").asText().contains(says), "expected '" + says + "' in " + response.body());
  }
}
