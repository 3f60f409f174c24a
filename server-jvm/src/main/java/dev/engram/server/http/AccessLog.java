package dev.engram.server.http;

import dev.engram.server.Json;
import java.time.Instant;

/**
 * One JSON line per request: time, method, route template, status, duration and the client address.
 * The raw path (which may hold scope names) and every header (Authorization above all) are left out.
 */
final class AccessLog {
  private AccessLog() {}

  static String line(String method, String route, int status, double ms, String remote) {
    return Json.MAPPER.createObjectNode()
        .put("time", Instant.now().toString())
        .put("method", method)
        .put("route", route)
        .put("status", status)
        .put("ms", Math.round(ms * 1000) / 1000.0)
        .put("remote", remote)
        .toString();
  }
}
