package dev.engram.neuron.train;

import dev.engram.neuron.Route;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a hand-written routing set. One case per line, fields separated by {@code " | "}:
 * {@code ROUTE | value-or-dash | message | fact | fact ...}. Blank lines and lines starting with
 * {@code #} are skipped; a malformed line fails with its line number.
 */
public final class EvalSet {
  private EvalSet() {}

  public static List<Example> read(InputStream in) throws IOException {
    List<Example> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      int from = 0;
      while (true) {
        int bar = t.indexOf(" | ", from);
        if (bar < 0) {
          parts.add(t.substring(from).trim());
          break;
        }
        parts.add(t.substring(from, bar).trim());
        from = bar + 3;
      }
      if (parts.size() < 3) {
        throw new IOException("line " + no + ": expected ROUTE | value | message | facts..., got: " + line);
      }
      Route route;
      try {
        route = Route.valueOf(parts.get(0));
      } catch (IllegalArgumentException e) {
        throw new IOException("line " + no + ": unknown route " + parts.get(0));
      }
      String value = parts.get(1).equals("-") ? null : parts.get(1);
      if ((route == Route.ANSWER) != (value != null)) {
        throw new IOException("line " + no + ": ANSWER lines need a value, other routes a dash");
      }
      String[] facts = parts.subList(3, parts.size()).toArray(new String[0]);
      out.add(new Example(facts, parts.get(2), route, value));
    }
    return out;
  }
}
