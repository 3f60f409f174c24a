package dev.engram.server.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.engram.server.DurableEngram;
import dev.engram.server.security.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed or hostile requests, written byte by byte on raw sockets (so nothing in a client
 * library tidies them up): broken and invalid-UTF-8 JSON, bodies over the limit, path tricks and SQL or shell
 * metacharacters in scope names, NUL and control characters, over-long names, wrong methods and content types,
 * missing or wrong tokens, a scope token reaching for another scope, malformed HTTP. Every one must get a 4xx
 * (never a 5xx, never a hang), stored data must be byte-for-byte what it was, and /healthz must keep answering.
 *
 * <p>Each request is invalid in at least one way the server must catch (a bad body, a bad query, a bad scope,
 * a bad method, a bad token, a bad request line); the hostile scope names are added on top, so a request never
 * passes only because a scope name happened to be acceptable. The seed comes from {@code -Dengram.seed}
 * (default: the clock) and is printed with a rerun command.
 */
class FuzzHttpTest {
  private static final String KEY = "fuzz-master-key-0123456789";
  private static final String TOKEN_A = "fuzz-token-for-scope-a-0123";
  /** Requests per run; with the checks in between this stays well under 30 s on the shared 2-core machine. */
  private static final int REQUESTS = Integer.getInteger("engram.fuzz.requests", 3000);

  @TempDir Path tmp;
  private DurableEngram memory;
  private HttpServer server;
  private long seed;
  private String rerun;

  @BeforeEach
  void start() throws IOException {
    seed = Long.getLong("engram.seed", System.nanoTime());
    rerun = " [seed " + seed + "; rerun: mvn -q -B -pl server-jvm -am test -Dtest=FuzzHttpTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=" + seed + "]";
    System.out.println("FuzzHttpTest" + rerun);
    Path lab = Files.createDirectories(tmp.resolve("web-lab"));
    Files.writeString(lab.resolve("index.html"), "<!doctype html><title>engram lab</title>");
    Files.writeString(lab.resolve("package.json"), "{\"private\": true, \"secret\": \"lab-tooling\"}");
    Path dist = Files.createDirectories(tmp.resolve("dist"));
    Files.writeString(dist.resolve("index.js"), "export class Engram {}");
    Files.writeString(tmp.resolve("outside.txt"), "root:x:0:0 outside the served directories");
    memory = DurableEngram.open(tmp.resolve("db"), w -> { });
    memory.observe("fuzz-a", List.of("The wifi password is hunter2.", "The deploy region is us-west-2."));
    memory.observe("fuzz-b", List.of("The door code is xanadu7."));
    memory.note("fuzz-b", "task", "Call Ana about the cache.");
    memory.setVar("fuzz-b", "region", "eu");
    Credentials credentials = Credentials.master(KEY).withToken("fuzz-a", TOKEN_A);
    server = HttpServer.start(memory, new HttpServer.Options("127.0.0.1", 0, lab, dist).withCredentials(credentials)
        .withRequestTimeoutMs(10_000));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    memory.close();
  }

  /** Everything the store holds, as bytes: a rejected request must leave all of it as it was. */
  private TreeMap<String, byte[]> state() throws IOException {
    TreeMap<String, byte[]> state = new TreeMap<>();
    for (String scope : memory.scopes()) {
      state.put("scope " + scope, memory.dump(scope));
    }
    state.put("stats", memory.stats(null).toString().getBytes(UTF_8));
    state.put("knowledge", memory.knowledge(kb -> kb.graph().toString()).getBytes(UTF_8));
    return state;
  }

  @Test
  void hostileRequestsGet4xxAndChangeNothing() throws Exception {
    Random random = new Random(seed);
    TreeMap<String, byte[]> before = state();
    long started = System.nanoTime();
    TreeMap<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      Hostile request = hostile(random, i);
      Reply reply = send(request.bytes, request.mayReset);
      if (reply.status == -1) {
        statuses.merge(-1, 1, Integer::sum);
      } else {
        statuses.merge(reply.status, 1, Integer::sum);
        if (reply.status < 400 || reply.status > 499) {
          fail("request " + i + " (" + request.what + ") got " + reply.status + ", not a 4xx: " + preview(request.bytes)
              + "\n  answer: " + preview(reply.body) + rerun);
        }
        String body = new String(reply.body, UTF_8);
        assertTrue(!body.contains("hunter2") && !body.contains("xanadu7") && !body.contains("root:x")
            && !body.contains("lab-tooling") && !body.contains(KEY),
            "request " + i + " (" + request.what + ") leaked data: " + body + rerun);
      }
      if (i % 50 == 0) {
        Reply health = send(("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(UTF_8), false);
        assertEquals(200, health.status, "/healthz after request " + i + rerun);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println("FuzzHttpTest: " + REQUESTS + " requests in " + Math.round(seconds * 10) / 10.0
        + " s; statuses " + statuses + " (-1: the server closed a huge upload early)");
    TreeMap<String, byte[]> after = state();
    assertEquals(before.keySet(), after.keySet(), "scopes changed" + rerun);
    for (String key : before.keySet()) {
      assertArrayEquals(before.get(key), after.get(key), key + " changed" + rerun);
    }
    // The store still answers as before for a legitimate caller.
    Reply ok = send(("GET /v1/fuzz-a/get?q=what+is+the+wifi+password HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + KEY + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8), false);
    assertEquals(200, ok.status, rerun);
    assertTrue(new String(ok.body, UTF_8).contains("hunter2"), rerun);
  }

  private record Hostile(String what, byte[] bytes, boolean mayReset) {}

  private record Reply(int status, byte[] body) {}

  // ---- generators ----------------------------------------------------------------------------------------

  private static final String[] SCOPE_TRICKS = {
    "fuzz-a", "fuzz-b", "new-scope", "..%2f..%2fetc", "%2e%2e", "..", ".", "..%2f", "%2e%2e%2f%2e%2e", "a%2fb",
    "%5c..%5cwindows", "'%3b%20DROP%20TABLE%20facts%3b--", "%22%20OR%201%3d1%20--", "1'%20OR%20'1'%3d'1",
    "%24(rm%20-rf%20%2f)", "%24%7bjndi%3aldap%3a%2f%2fx%7d", "%25", "%25%32%65", "%e2%80%ae", "%ef%bb%bf", "%c3%a9t%c3%a9",
    "%f0%9f%92%a5", "*", "%2a", "scope%20with%20spaces", "UNION%20SELECT", "%3cscript%3e", "a%7cb", "null", "undefined"
  };
  private static final String[] BAD_SCOPES = {
    "a%00b", "%00", "%01", "%7f", "a%0db", "a%0ab", "%09", "%ff%fe", "%c0%af", "%ed%a0%80", "%e2%82", "%zz", "%",
    "a%2", "%0"
  };
  private static final String[] POST_VERBS = {"observe", "notes", "forget"};
  private static final String[] GET_VERBS = {"get", "recall", "chain", "assess", "assoc"};
  private static final String[] CONTENT_TYPES = {
    "application/json", "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data",
    "application/json; charset=utf-16", "application/octet-stream", "", "*/*"
  };

  private Hostile hostile(Random r, int i) {
    String scope = r.nextInt(4) == 0 ? longScope(r) : pick(r, SCOPE_TRICKS);
    return switch (r.nextInt(13)) {
      case 0, 1, 2 -> badBody(r, scope, pick(r, POST_VERBS), "POST");
      case 3 -> badBody(r, scope, "vars/" + pick(r, SCOPE_TRICKS), "PUT");
      case 4 -> badBody(r, null, null, "POST");
      case 5, 6 -> badQuery(r, scope);
      case 7 -> badScope(r);
      case 8 -> wrongMethod(r, scope);
      case 9 -> badAuth(r, scope);
      case 10 -> malformed(r);
      case 11 -> hugeBody(r, scope, i);
      default -> staticTrick(r);
    };
  }

  private static String longScope(Random r) {
    // Over the 200-char limit when the request must fail on the scope; any length otherwise.
    return "s".repeat(201 + r.nextInt(6000));
  }

  /** A POST or PUT whose body is broken: the route is real, the scope may be anything. */
  private Hostile badBody(Random r, String scope, String verb, String method) {
    String path;
    if (scope == null) {
      path = r.nextBoolean() ? "/v1/route" : "/v1/brain/" + pick(r, new String[] {"learn", "ask", "step", "imprint", "recall"});
    } else {
      path = "/v1/" + scope + "/" + verb;
    }
    byte[] body = brokenJson(r, path);
    return new Hostile("bad body " + method + " " + clip(path), request(r, method, path, pick(r, CONTENT_TYPES), body, true), false);
  }

  private static byte[] brokenJson(Random r, String path) {
    String valid = path.endsWith("/notes") ? "{\"kind\": \"task\", \"text\": \"Call Ana.\"}"
        : path.endsWith("/forget") ? "{\"substring\": \"\"}"
        : path.contains("/vars/") ? "{\"value\": \"v\"}"
        : path.endsWith("/route") ? "{\"scope\": \"fuzz-a\", \"message\": \"The cat is black.\"}"
        : path.startsWith("/v1/brain/") ? "{\"topic\": \"t\", \"text\": \"Bells are glass.\", \"question\": \"q\"}"
        : "{\"text\": \"The cat is black.\"}";
    return switch (r.nextInt(16)) {
      case 0 -> valid.substring(0, 1 + r.nextInt(valid.length() - 1)).getBytes(UTF_8); // truncated
      case 1 -> insert(valid.getBytes(UTF_8), valid.indexOf(": \"") + 4, new byte[] {(byte) 0xff, (byte) 0xfe});
      case 2 -> insert(valid.getBytes(UTF_8), valid.indexOf(": \"") + 4, new byte[] {(byte) 0xc0, (byte) 0x80});
      case 3 -> insert(valid.getBytes(UTF_8), valid.indexOf(": \"") + 4, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
      case 4 -> "".getBytes(UTF_8);
      case 5 -> "[1, 2, 3]".getBytes(UTF_8);
      case 6 -> "\"just a string\"".getBytes(UTF_8);
      case 7 -> valid.replaceFirst("\"(\\w+)\":", "\"$1_\":").getBytes(UTF_8); // unknown field
      case 8 -> valid.replaceFirst(": \"[^\"]*\"", ": 12345").getBytes(UTF_8); // wrong type
      case 9 -> valid.replaceFirst(": \"[^\"]*\"", ": {\"\\$ne\": null}").getBytes(UTF_8); // NoSQL-style operator
      case 10 -> ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(UTF_8); // deep nesting
      case 11 -> "<xml><text>The cat is black.</text></xml>".getBytes(UTF_8);
      case 12 -> "text=The+cat+is+black.&scope=fuzz-b".getBytes(UTF_8);
      case 13 -> (valid.substring(0, valid.length() - 1) + ", \"text\": \"dup\", \"extra\": 1e999999}").getBytes(UTF_8);
      case 14 -> new byte[] {0, 0, 0, 0, '{', '}', 0};
      default -> randomBytes(r, 1 + r.nextInt(300));
    };
  }

  /** A GET on a real read route with a missing, over-long or malformed query. */
  private Hostile badQuery(Random r, String scope) {
    String verb = pick(r, GET_VERBS);
    String query = switch (r.nextInt(8)) {
      case 0 -> "";
      case 1 -> "?q=";
      case 2 -> "?q=%20%20%20";
      case 3 -> "?q=" + "w".repeat(4097 + r.nextInt(3000));
      case 4 -> "?q=" + "%E6%97%A5".repeat(4097); // 4097 CJK chars: over the question limit, 36 KiB of URL
      case 5 -> "?q=x&k=" + pick(r, new String[] {"0", "-1", "abc", "1e9", "99999999999", "%00", "1001", "", "0x10"});
      case 6 -> "?k=3&cursor=" + pick(r, new String[] {"x", "%00", "-1"});
      default -> "?q=x&q=" + "y".repeat(5000);
    };
    if (verb.equals("recall") && query.startsWith("?k=3&cursor")) {
      query = "?k=3&cursor=x"; // q is missing: still invalid
    }
    if (query.startsWith("?q=x&q=")) {
      // Javalin reads the first q; make the first one the bad one.
      query = "?q=" + "y".repeat(4097) + "&q=x";
    }
    String path = "/v1/" + scope + "/" + verb + query;
    return new Hostile("bad query " + clip(path), request(r, "GET", path, null, null, true), false);
  }

  /** A request valid in every way but its scope name (control characters, over 200 chars, broken escapes). */
  private Hostile badScope(Random r) {
    String scope = r.nextInt(3) == 0 ? longScope(r) : "fuzz" + pick(r, BAD_SCOPES) + "x";
    boolean post = r.nextBoolean();
    String path = "/v1/" + scope + (post ? "/observe" : "/get?q=what+is+the+wifi+password");
    byte[] body = post ? "{\"text\": \"The cat is black.\"}".getBytes(UTF_8) : null;
    return new Hostile("bad scope " + clip(path), request(r, post ? "POST" : "GET", path, "application/json", body, true), false);
  }

  private Hostile wrongMethod(Random r, String scope) {
    String[][] wrong = {
      {"GET", "/v1/" + scope + "/observe"}, {"PATCH", "/v1/" + scope + "/observe"}, {"PUT", "/v1/" + scope + "/get?q=x"},
      {"DELETE", "/v1/" + scope + "/recall?q=x"}, {"POST", "/v1/" + scope + "/stats"}, {"DELETE", "/v1/" + scope + "/forget"},
      {"PATCH", "/v1/" + scope + "/vars/x"}, {"POST", "/v1/" + scope + "/vars/x"}, {"GET", "/v1/route"},
      {"DELETE", "/v1/scopes"}, {"POST", "/v1/stats"}, {"PUT", "/v1/brain/learn"}, {"TRACE", "/v1/" + scope + "/get?q=x"},
      {"FOO", "/v1/" + scope + "/observe"}, {"post", "/v1/" + scope + "/observe"}, {"GET", "/v1/" + scope + "/nosuchverb?q=x"},
      {"POST", "/v1/" + scope + "/observe/extra"}, {"GET", "/v2/" + scope + "/get?q=x"}, {"PUT", "/healthz"},
      {"POST", "/metrics"}, {"DELETE", "/openapi.json"}
    };
    String[] pair = wrong[r.nextInt(wrong.length)];
    byte[] body = "{\"text\": \"The cat is black.\", \"value\": \"v\"}".getBytes(UTF_8);
    return new Hostile("wrong method " + pair[0] + " " + clip(pair[1]),
        request(r, pair[0], pair[1], "application/json", body, true), false);
  }

  /** Valid requests whose token is missing, wrong, malformed, or for another scope. */
  private Hostile badAuth(Random r, String scope) {
    String[] headers = {
      null, "Bearer wrong-key-0123456789abcdef", "Bearer " + KEY.substring(1), "Basic " + KEY, "Bearer",
      "Bearer " + KEY + "\u0000", "Bearer " + "k".repeat(20000), "Bearer " + TOKEN_A.toUpperCase(), "Token " + KEY
    };
    String auth;
    String path;
    boolean post = r.nextBoolean();
    if (r.nextInt(3) == 0) {
      // The scope token, aimed at another scope or at a route spanning scopes: 403.
      auth = "Bearer " + TOKEN_A;
      path = pick(r, new String[] {"/v1/fuzz-b/observe", "/v1/fuzz-b/forget", "/v1/" + (scope.equals("fuzz-a") ? "fuzz-b" : scope)
          + "/observe", "/v1/route", "/v1/brain/learn"});
      if (!post) {
        path = pick(r, new String[] {"/v1/fuzz-b/get?q=door+code", "/v1/stats", "/v1/scopes", "/metrics", "/v1/brain/topics",
            "/v1/fuzz-b/vars", "/v1/fuzz-a%2f..%2ffuzz-b/stats"});
      }
    } else {
      auth = pick(r, headers);
      path = post ? "/v1/" + scope + "/observe" : "/v1/" + scope + "/get?q=what+is+the+door+code";
    }
    byte[] body = null;
    if (post) {
      body = (path.endsWith("/route") ? "{\"scope\": \"fuzz-b\", \"message\": \"The door code is 0000.\"}"
          : path.endsWith("/forget") ? "{\"substring\": \"\"}"
          : path.endsWith("/learn") ? "{\"topic\": \"t\", \"text\": \"Bells are glass.\"}"
          : "{\"text\": \"The door code is 0000.\"}").getBytes(UTF_8);
    }
    String method = post ? "POST" : "GET";
    String head = method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        + (auth == null ? "" : "Authorization: " + auth + "\r\n")
        + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
    return new Hostile("bad auth " + method + " " + clip(path), concat(head.getBytes(UTF_8), body), false);
  }

  /** Broken HTTP: Jetty refuses these before any route, with the JSON error of {@link JsonErrorHandler}. */
  private Hostile malformed(Random r) {
    String auth = "Authorization: Bearer " + KEY + "\r\n";
    String[] raw = {
      "GET /v1/fuzz-a/get?q=%zz HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
      "GET /v1/fuzz-a/get?q=x HTTP/1.1\r\n" + auth + "Connection: close\r\n\r\n", // no Host
      "GET /v1/fuzz-a/get?q=x HTTP/1.1\r\nHost: x\r\nBroken header line\r\n" + auth + "Connection: close\r\n\r\n",
      "GET /v1/fuzz-a/get?q=x HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(70_000) + "\r\n" + auth + "Connection: close\r\n\r\n",
      "GET /v1/fuzz-a/%zz/get?q=x HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
      "GET /v1/fuzz-a/get?q=x" + "&p=1".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
      "POST /v1/fuzz-a/observe HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: -5\r\nConnection: close\r\n\r\n",
      "POST /v1/fuzz-a/observe HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: abc\r\nConnection: close\r\n\r\n",
      "POST /v1/fuzz-a/observe HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 3\r\nContent-Length: 30\r\n"
          + "Connection: close\r\n\r\n{}}",
      "POST /v1/fuzz-a/observe HTTP/1.1\r\nHost: x\r\n" + auth + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
          + "zz\r\n{}\r\n0\r\n\r\n",
      "GET /v1/fuzz-a/get?q=x HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n" + auth + "Connection: close\r\n\r\n",
      "GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
      "GET /v1/fuzz-a/get?q=x\u0000 HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
    };
    String pickd = raw[r.nextInt(raw.length)];
    return new Hostile("malformed HTTP " + clip(pickd), pickd.getBytes(ISO_8859_1), false);
  }

  /**
   * A body over the 32 MiB limit: mostly only declared (the server must refuse before reading), now and then
   * really sent, chunked so no length warns the server.
   */
  private Hostile hugeBody(Random r, String scope, int i) {
    String path = "/v1/" + scope + "/observe";
    if (r.nextInt(400) != 0) {
      long declared = HttpServer.MAX_BODY_BYTES + 1 + (long) r.nextInt(Integer.MAX_VALUE) * r.nextInt(1000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY
          + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\nConnection: close\r\n\r\n";
      return new Hostile("declared huge body " + clip(path), concat(head.getBytes(UTF_8), "{\"text\": \"".getBytes(UTF_8)), true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    out.writeBytes(head.getBytes(UTF_8));
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'a');
    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(UTF_8);
    out.writeBytes(("b\r\n{\"text\": \"a\r\n").getBytes(UTF_8));
    for (int c = 0; c < 34; c++) {
      out.writeBytes(size);
      out.writeBytes(chunk);
      out.writeBytes("\r\n".getBytes(UTF_8));
    }
    out.writeBytes("2\r\n\"}\r\n0\r\n\r\n".getBytes(UTF_8));
    return new Hostile("chunked 34 MiB body " + clip(path), out.toByteArray(), true);
  }

  /** Paths that try to leave the served directories or reach the lab's tooling. */
  private Hostile staticTrick(Random r) {
    String path = pick(r, new String[] {
      "/../outside.txt", "/%2e%2e/outside.txt", "/%2e%2e%2foutside.txt", "/..%2f..%2f..%2fetc%2fpasswd",
      "/engram/../../outside.txt", "/engram/%2e%2e/%2e%2e/outside.txt", "/package.json", "/node_modules/x.js",
      "/test/lab.test.js", "/%5c..%5coutside.txt", "/engram/..%5c..%5coutside.txt", "/..;/outside.txt",
      "/engram/..;/..;/outside.txt", "//outside.txt", "/nosuchfile.html", "/engram/nosuch.js", "/%00", "/index.html%00.js",
      "/.%2e/outside.txt", "/WEB-INF/web.xml", "/engram/%c0%ae%c0%ae/outside.txt"
    });
    return new Hostile("static trick " + path, request(r, "GET", path, null, null, false), false);
  }

  // ---- plumbing ------------------------------------------------------------------------------------------

  private byte[] request(Random r, String method, String path, String contentType, byte[] body, boolean withKey) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if (withKey) {
      head.append("Authorization: Bearer ").append(KEY).append("\r\n");
    }
    if (body != null) {
      if (contentType != null && !contentType.isEmpty()) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    return concat(head.toString().getBytes(ISO_8859_1), body);
  }

  /**
   * Sends raw bytes and reads the whole answer (the connection closes after it). A server that refuses a huge
   * upload may close before the client finished writing; then -1 is returned, allowed only where
   * {@code mayReset}.
   */
  private Reply send(byte[] request, boolean mayReset) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // Fall through: the answer may already be waiting.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        fail("no answer within 15 s (a hang): " + preview(request) + rerun);
      } catch (IOException e) {
        if (answer.size() == 0) {
          if (mayReset) {
            return new Reply(-1, new byte[0]);
          }
          throw new IOException("connection failed for " + preview(request) + rerun, e);
        }
      }
      byte[] all = answer.toByteArray();
      if (all.length == 0) {
        if (mayReset) {
          return new Reply(-1, all);
        }
        fail("the server closed without an answer: " + preview(request) + rerun);
      }
      String text = new String(all, ISO_8859_1);
      if (!text.startsWith("HTTP/1.1 ")) {
        fail("not an HTTP answer: " + preview(all) + rerun);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int split = text.indexOf("\r\n\r\n");
      return new Reply(status, split < 0 ? new byte[0] : Arrays.copyOfRange(all, split + 4, all.length));
    }
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    b[0] = (byte) (b[0] == '{' || b[0] == '[' || b[0] == '"' ? 'x' : b[0]);
    return b;
  }

  private static byte[] insert(byte[] into, int at, byte[] what) {
    return concat(concat(Arrays.copyOf(into, at), what), Arrays.copyOfRange(into, at, into.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    if (b == null) {
      return a;
    }
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "...(" + s.length() + " chars)" : s;
  }

  private static String preview(byte[] bytes) {
    String s = new String(bytes, 0, Math.min(bytes.length, 400), ISO_8859_1).replace("\r\n", "\\r\\n ");
    return s + (bytes.length > 400 ? "...(" + bytes.length + " bytes)" : "");
  }
}
