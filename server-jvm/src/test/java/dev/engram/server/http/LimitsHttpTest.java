package dev.engram.server.http;

import static dev.engram.server.http.ApiClient.ok;
import static dev.engram.server.http.ApiClient.rejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Limits;
import dev.engram.server.brain.BrainHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit answers a 4xx (or the timeout a 503) with a JSON error that names it. */
class LimitsHttpTest {
  @TempDir Path tmp;
  private InProcessServer server;
  private ApiClient api;

  private void start(long timeoutMs) throws IOException {
    server = InProcessServer.start(tmp.resolve("db"), InProcessServer.apiOnly(tmp).withRequestTimeoutMs(timeoutMs),
        BrainHost.create(0.01));
    api = new ApiClient(() -> server.port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aQuestionAtItsLimitInAnyScriptFitsInTheUrlAndOneCharMoreIsRefused() throws Exception {
    start(HttpServer.DEFAULT_TIMEOUT_MS);
    String cjk = "日".repeat(Limits.MAX_QUESTION_CHARS);
    ok(api.get("/v1/team/recall?q=" + URLEncoder.encode(cjk, UTF_8)));
    rejected(400, "limit is " + Limits.MAX_QUESTION_CHARS, api.get("/v1/team/recall?q=" + URLEncoder.encode(cjk + "日", UTF_8)));
  }

  @Test
  void headersOverTheirLimitAre431NamingIt() throws Exception {
    start(HttpServer.DEFAULT_TIMEOUT_MS);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.url("/v1/team/stats")))
        .header("X-Padding", "p".repeat(HttpServer.MAX_HEADER_BYTES + 1)).build(), HttpResponse.BodyHandlers.ofString());
    rejected(431, "limit for the request line and headers together is " + HttpServer.MAX_HEADER_BYTES, r);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndStoresNothing() throws Exception {
    start(HttpServer.DEFAULT_TIMEOUT_MS);
    // No Content-Length: the server learns the size only while reading.
    InputStream body = new SequenceInputStream(new ByteArrayInputStream("{\"text\": \"".getBytes(UTF_8)),
        new InputStream() {
          long left = HttpServer.MAX_BODY_BYTES + 1;

          @Override
          public int read() {
            return left-- > 0 ? 'a' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            left -= n;
            return n;
          }
        });
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.url("/v1/team/observe")))
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
      rejected(413, "limit", r);
    } catch (IOException e) {
      // The server may answer and close before the client finished sending; the request still failed.
    }
    assertEquals(0, server.memory.size("team"));
  }

  @Test
  void aBatchOverItsLimitIs400NamingIt() throws Exception {
    start(HttpServer.DEFAULT_TIMEOUT_MS);
    String texts = String.join(",", Collections.nCopies(Limits.MAX_BATCH + 1, "\"a\""));
    rejected(400, "the limit is " + Limits.MAX_BATCH, api.post("/v1/team/observe", "{\"texts\": [" + texts + "]}"));
    assertEquals(0, server.memory.size("team"));
  }

  @Test
  void invalidUtf8AndUnknownQueryParametersAreRefused() throws Exception {
    start(HttpServer.DEFAULT_TIMEOUT_MS);
    byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xc0, (byte) 0x80, '"', '}'};
    rejected(400, "not valid UTF-8", api.post("/v1/team/observe", overlong));
    byte[] surrogate = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
    rejected(400, "not valid UTF-8", api.post("/v1/team/observe", surrogate));
    rejected(400, "unknown query parameter 'k'; GET /v1/{scope}/get takes q", api.get("/v1/team/get?q=x&k=3"));
    rejected(400, "unknown query parameter 'kk'", api.get("/v1/team/recall?q=x&kk=3"));
    assertEquals(0, server.memory.size("team"));
  }

  @Test
  void aRequestOverTheTimeoutIs503NamingTheLimit() throws Exception {
    start(200);
    long t0 = System.nanoTime();
    // 2,000 ms of brain time takes well over 200 ms of wall time at any scale this machine runs.
    rejected(503, "limit of 200 ms", api.post("/v1/brain/step", "{\"ms\": 2000}"));
    assertTrue((System.nanoTime() - t0) / 1e6 < 1500, "answered at the limit, not when the step ended");
    ok(api.get("/healthz"));
  }

  @Test
  void aClientThatStopsSendingIsDisconnectedAfterTheTimeout() throws Exception {
    start(300);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("POST /v1/team/observe HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te"
          .getBytes(UTF_8));
      long t0 = System.nanoTime();
      byte[] all = socket.getInputStream().readAllBytes();
      double waited = (System.nanoTime() - t0) / 1e6;
      assertTrue(waited < 4000, "closed after the idle limit, not hung: " + waited + " ms");
      String answer = new String(all, UTF_8);
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4") || answer.startsWith("HTTP/1.1 5"), answer);
    }
    assertEquals(0, server.memory.size("team"));
  }
}
