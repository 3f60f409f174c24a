package dev.engram.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where {@code engram serve --access-log} writes: standard error for "-", else a file opened for appending. */
public final class AccessLogSink {
  private AccessLogSink() {}

  /** The sink for {@code target} ("-" is standard error), or {@code null} for no access log. */
  public static Consumer<String> open(String target) throws IOException {
    if (target == null) {
      return null;
    }
    if (target.equals("-")) {
      return line -> {
        synchronized (System.err) {
          System.err.println(line);
        }
      };
    }
    Path file = Path.of(target);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true), UTF_8), true);
    return line -> {
      synchronized (out) {
        out.println(line);
      }
    };
  }
}
