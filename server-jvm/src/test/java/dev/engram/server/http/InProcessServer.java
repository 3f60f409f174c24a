package dev.engram.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.engram.server.DurableEngram;
import dev.engram.server.brain.BrainHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server the HTTP tests start in-process on a free port: a store opened at a folder, an optional brain
 * it then owns, and the options given. {@link #close} stops the server, the brain and the store, in that
 * order, and fails the test when the store logged a warning meanwhile.
 */
final class InProcessServer implements AutoCloseable {
  final DurableEngram memory;
  final HttpServer server;
  /** The brain given to {@link #start(Path, HttpServer.Options, BrainHost)}, or null. */
  final BrainHost brain;
  private final List<String> warnings;

  private InProcessServer(DurableEngram memory, HttpServer server, BrainHost brain, List<String> warnings) {
    this.memory = memory;
    this.server = server;
    this.brain = brain;
    this.warnings = warnings;
  }

  /** The API alone: no web lab, no npm files to serve. */
  static HttpServer.Options apiOnly(Path tmp) {
    return new HttpServer.Options("127.0.0.1", 0, tmp.resolve("none"), tmp.resolve("none"));
  }

  static InProcessServer start(Path db, HttpServer.Options options) throws IOException {
    return start(db, options, null);
  }

  /** @param brain the brain to serve under /v1/brain, closed with the server; null: the server makes its own */
  static InProcessServer start(Path db, HttpServer.Options options, BrainHost brain) throws IOException {
    List<String> warnings = new ArrayList<>();
    DurableEngram memory = DurableEngram.open(db, warnings::add);
    HttpServer server = brain == null ? HttpServer.start(memory, options) : HttpServer.start(memory, options, brain);
    return new InProcessServer(memory, server, brain, warnings);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws IOException {
    server.close();
    if (brain != null) {
      brain.close();
    }
    memory.close();
    assertEquals(List.of(), warnings, "the store logged warnings");
  }
}
