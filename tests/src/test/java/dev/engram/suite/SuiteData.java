package dev.engram.suite;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every {@code *.json} file under the {@code memory-suite} test resource folder (format: the
 * README.md there) into a flat list of {@link SuiteCase}s. Unknown keys, missing keys, wrong types and
 * duplicate ids are errors naming the file and case, so a typo in the data cannot silently drop a case.
 */
final class SuiteData {
  static final String RESOURCE_DIR = "memory-suite";

  private static final Set<String> FILE_KEYS = Set.of("category", "description", "cases");
  private static final Set<String> CASE_KEYS =
      Set.of("id", "note", "facts", "op", "ask", "accept", "path", "k", "questions");
  private static final Set<String> QUESTION_KEYS = Set.of("op", "ask", "accept", "path", "k", "note");

  private SuiteData() {}

  static List<SuiteCase> loadAll() {
    URL url = SuiteData.class.getClassLoader().getResource(RESOURCE_DIR);
    if (url == null) {
      throw new IllegalStateException("test resource folder '" + RESOURCE_DIR + "' is not on the classpath");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
      listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list " + url + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no *.json case files in " + url);
    }
    List<SuiteCase> cases = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
      for (SuiteCase c : parseFile(name, text)) {
        if (!ids.add(c.id())) {
          throw new IllegalArgumentException(name + ": duplicate case id \"" + c.id() + "\"");
        }
        cases.add(c);
      }
    }
    return cases;
  }

  static List<SuiteCase> parseFile(String name, String text) {
    Map<String, Object> root = object(Json.parse(name, text), name);
    checkKeys(root, FILE_KEYS, name);
    String category = string(root, "category", name, true);
    List<Object> rawCases = list(root.get("cases"), name + ": cases");
    List<SuiteCase> out = new ArrayList<>();
    for (int i = 0; i < rawCases.size(); i++) {
      String where = name + ": cases[" + i + "]";
      Map<String, Object> raw = object(rawCases.get(i), where);
      checkKeys(raw, CASE_KEYS, where);
      String id = string(raw, "id", where, true);
      where = name + ": case \"" + id + "\"";
      List<String> facts = strings(raw.get("facts"), where + ": facts", false);
      if (facts.isEmpty()) {
        throw new IllegalArgumentException(where + ": facts must not be empty");
      }
      if (raw.containsKey("questions")) {
        for (String key : new String[] {"ask", "accept", "path", "k", "op"}) {
          if (raw.containsKey(key)) {
            throw new IllegalArgumentException(where + ": has both questions and '" + key + "'");
          }
        }
        List<Object> questions = list(raw.get("questions"), where + ": questions");
        if (questions.isEmpty()) {
          throw new IllegalArgumentException(where + ": questions must not be empty");
        }
        for (int q = 0; q < questions.size(); q++) {
          String qWhere = where + ": questions[" + q + "]";
          Map<String, Object> question = object(questions.get(q), qWhere);
          checkKeys(question, QUESTION_KEYS, qWhere);
          out.add(question(id + "#" + (q + 1), category, name, facts, question, qWhere));
        }
      } else {
        out.add(question(id, category, name, facts, raw, where));
      }
    }
    return out;
  }

  private static SuiteCase question(
      String id, String category, String file, List<String> facts, Map<String, Object> raw, String where) {
    String opName = raw.containsKey("op") ? string(raw, "op", where, true) : "get";
    SuiteCase.Op op = SuiteCase.Op.fromJson(opName, where);
    String ask = string(raw, "ask", where, true);
    if (ask.isBlank()) {
      throw new IllegalArgumentException(where + ": ask is blank");
    }
    if (!raw.containsKey("accept")) {
      throw new IllegalArgumentException(where + ": accept is required (a list, or null for abstention)");
    }
    List<String> accept = raw.get("accept") == null ? null : strings(raw.get("accept"), where + ": accept", false);
    if (accept != null && accept.isEmpty()) {
      throw new IllegalArgumentException(where + ": accept is an empty list (use null for abstention)");
    }
    List<String> path = raw.containsKey("path") ? strings(raw.get("path"), where + ": path", false) : null;
    if (path != null && op != SuiteCase.Op.CHAIN) {
      throw new IllegalArgumentException(where + ": path only applies to op chain");
    }
    if (op == SuiteCase.Op.CHAIN && !ask.contains("->")) {
      throw new IllegalArgumentException(where + ": a chain ask looks like 'A -> rel -> rel'");
    }
    int k = 5;
    if (raw.containsKey("k")) {
      if (op != SuiteCase.Op.RECALL || !(raw.get("k") instanceof Double d) || d != Math.rint(d) || d < 1) {
        throw new IllegalArgumentException(where + ": k is a positive whole number, for op recall only");
      }
      k = (int) (double) (Double) raw.get("k");
    }
    if (op == SuiteCase.Op.RECALL && accept == null) {
      throw new IllegalArgumentException(where + ": a recall case needs accepted fact texts");
    }
    return new SuiteCase(id, category, file, List.copyOf(facts), op, ask, accept, path, k);
  }

  private static void checkKeys(Map<String, Object> map, Set<String> allowed, String where) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key \"" + key + "\" (allowed: " + allowed + ")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(where + ": expected an object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String where) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(where + ": expected a list");
    }
    return (List<Object>) value;
  }

  private static String string(Map<String, Object> map, String key, String where, boolean required) {
    Object value = map.get(key);
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(where + ": '" + key + "' is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a string");
    }
    return s;
  }

  private static List<String> strings(Object value, String where, boolean allowEmptyItems) {
    List<Object> raw = list(value, where);
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof String s) || (!allowEmptyItems && s.isBlank())) {
        throw new IllegalArgumentException(where + "[" + i + "]: expected a non-blank string");
      }
      out.add(s);
    }
    return out;
  }
}
