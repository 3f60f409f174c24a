package dev.engram.server;

import static dev.engram.server.Cli.OK;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Limits;
import dev.engram.Recalled;
import dev.engram.memory.NoteKind;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code engram export} and {@code engram import}: moving memory between data directories, machines
 * and runtimes.
 *
 * <p>Two formats. The binary snapshot ({@code dev.engram.codec.Snapshot}, versioned and checksummed) is
 * exact: facts, ids, notes, variables and the cue index, loaded as they were (a loaded scope replaces the
 * scope of that name). JSONL is for people and other tools: one JSON object per line, a fact or note as
 * {@code {"scope": "team", "text": "...", "kind": "fact"}} and a variable as
 * {@code {"scope": "team", "var": "name", "value": "..."}}; importing it observes the texts again
 * (oldest first, so later updates still win) and adds to what the scope holds.
 */
final class Transfer {
  /** Largest input import reads into memory; the log stores an import as one record of at most this size. */
  static final int MAX_IMPORT_BYTES = 256 << 20;
  /** Facts per logged observe batch during a JSONL import: bounds one log record. */
  static final int IMPORT_BATCH = 10_000;

  private Transfer() {}

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write SCOPE (or every scope) as JSONL (default) or as a binary snapshot.",
        "JSONL: one {\"scope\", \"text\", \"kind\"} per fact, oldest first, then {\"scope\", \"var\", \"value\"} per variable."})
  static final class Export implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCOPE")
    String scope;

    @Option(names = "--format", paramLabel = "F", description = "jsonl or snapshot (default: ${DEFAULT-VALUE})")
    String format = "jsonl";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (replaced whole) instead of stdout")
    Path output;

    @Override
    public Integer call() throws IOException {
      boolean snapshot = switch (format) {
        case "jsonl" -> false;
        case "snapshot" -> true;
        default -> throw new IllegalArgumentException("--format must be jsonl or snapshot, got '" + format + "'");
      };
      if (scope != null) {
        Limits.checkScope(scope);
      }
      if (snapshot && output == null && cli.rawOut == null) {
        throw new IllegalArgumentException("a snapshot is binary: pass -o FILE");
      }
      byte[] bytes;
      try (DurableEngram memory = cli.open()) {
        bytes = snapshot ? memory.dump(scope) : jsonl(memory, scope);
      }
      if (output != null) {
        // Write beside the target and move it into place, so a failed export never leaves half a file.
        Path absolute = output.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
        try {
          Files.write(temp, bytes);
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
      } else if (snapshot) {
        cli.out.flush();
        cli.rawOut.write(bytes);
        cli.rawOut.flush();
      } else {
        cli.out.print(new String(bytes, UTF_8));
        cli.out.flush();
      }
      return OK;
    }

    private static byte[] jsonl(DurableEngram memory, String only) throws IOException {
      StringBuilder text = new StringBuilder();
      String[] scopes = only != null ? new String[] {only} : memory.scopes();
      for (String scope : scopes) {
        for (Recalled fact : memory.facts(scope)) {
          ObjectNode line = Json.MAPPER.createObjectNode().put("scope", scope).put("text", fact.text()).put("kind", fact.kind());
          text.append(line).append('\n');
        }
        for (Map.Entry<String, String> var : memory.vars(scope).entrySet()) {
          ObjectNode line = Json.MAPPER.createObjectNode().put("scope", scope).put("var", var.getKey()).put("value", var.getValue());
          text.append(line).append('\n');
        }
      }
      return text.toString().getBytes(UTF_8);
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read FILE ('-' for stdin), a binary snapshot or JSONL (told apart by the snapshot's magic number).",
        "A snapshot replaces the scopes it holds; JSONL adds its facts, notes and variables.",
        "The whole input is checked before anything is stored: a bad line or a damaged snapshot stores nothing."})
  static final class Import implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "scope for JSONL lines that name none")
    String scope;

    @Option(names = "--json", description = "print {\"scopes\": [...], \"facts\": N, \"notes\": N, \"vars\": N}")
    boolean json;

    @Override
    public Integer call() throws IOException {
      if (scope != null) {
        Limits.checkScope(scope);
      }
      byte[] bytes = read();
      List<String> scopes = new ArrayList<>();
      int facts = 0;
      int notes = 0;
      int vars = 0;
      try (DurableEngram memory = cli.open()) {
        if (isSnapshot(bytes)) {
          for (String loaded : memory.load(bytes)) {
            scopes.add(loaded);
          }
        } else {
          List<Entry> entries = parse(bytes, scope);
          // A large import shows how far it got, one batch (one durable write) at a time, on stderr.
          boolean progress = entries.size() > IMPORT_BATCH;
          int shown = 0;
          for (int i = 0; i < entries.size(); ) {
            if (progress && i - shown >= IMPORT_BATCH) {
              cli.err.print("\rengram: importing " + i + "/" + entries.size() + " lines");
              cli.err.flush();
              shown = i;
            }
            Entry e = entries.get(i);
            if (!scopes.contains(e.scope)) {
              scopes.add(e.scope);
            }
            if (e.var != null) {
              memory.setVar(e.scope, e.var, e.text);
              vars++;
              i++;
            } else if (!e.kind.equals("fact")) {
              notes += memory.note(e.scope, e.kind, e.text);
              i++;
            } else {
              // Consecutive plain facts of one scope go in one durable observe: one fsync, not one per line.
              List<String> batch = new ArrayList<>();
              while (i < entries.size() && batch.size() < IMPORT_BATCH && entries.get(i).isFactOf(e.scope)) {
                batch.add(entries.get(i++).text);
              }
              facts += memory.observe(e.scope, batch);
            }
          }
          if (progress) {
            cli.err.println("\rengram: importing " + entries.size() + "/" + entries.size() + " lines");
          }
        }
      }
      if (json) {
        ObjectNode node = Json.scopes(scopes.toArray(new String[0]));
        cli.out.println(Json.text(node.put("facts", facts).put("notes", notes).put("vars", vars)));
      } else if (isSnapshot(bytes)) {
        cli.out.println("loaded " + scopes.size() + (scopes.size() == 1 ? " scope" : " scopes") + ": " + String.join(" ", scopes));
      } else {
        cli.out.println("imported " + facts + " facts, " + notes + " notes, " + vars + " variables into "
            + scopes.size() + (scopes.size() == 1 ? " scope" : " scopes"));
      }
      return OK;
    }

    private byte[] read() throws IOException {
      try (InputStream in = file.equals("-") ? cli.in : Files.newInputStream(Path.of(file))) {
        byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
        if (bytes.length > MAX_IMPORT_BYTES) {
          throw new IllegalArgumentException(file + " is over the import limit of " + MAX_IMPORT_BYTES
              + " bytes; split it (JSONL) or export fewer scopes per snapshot");
        }
        return bytes;
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("no such file: " + file);
      }
    }
  }

  static boolean isSnapshot(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'E' && bytes[1] == 'N' && bytes[2] == 'G' && bytes[3] == 'R';
  }

  /** One JSONL line: a fact or note ({@code var} null) or a variable ({@code text} is its value). */
  record Entry(String scope, String kind, String text, String var) {
    boolean isFactOf(String s) {
      return var == null && kind.equals("fact") && scope.equals(s);
    }
  }

  /** Parses and checks every line; the first bad one is refused with its line number. */
  static List<Entry> parse(byte[] bytes, String defaultScope) throws IOException {
    List<Entry> entries = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
        UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)));
    int number = 0;
    for (String line; (line = readLine(lines, number + 1)) != null; ) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        entries.add(entry(line, defaultScope));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
      }
    }
    return entries;
  }

  private static String readLine(BufferedReader lines, int number) throws IOException {
    try {
      return lines.readLine();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("line " + number + ": the input is not valid UTF-8");
    }
  }

  private static Entry entry(String line, String defaultScope) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object such as {\"scope\": \"team\", \"text\": \"...\"}");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("scope", "text", "kind", "var", "value").contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "' (expected scope, text, kind; or scope, var, value)");
      }
    }
    String scope = optional(node, "scope");
    if (scope == null) {
      scope = defaultScope;
      if (scope == null) {
        throw new IllegalArgumentException("\"scope\" is missing (or pass --scope for lines that name none)");
      }
    }
    Limits.checkScope(scope);
    String var = optional(node, "var");
    if (var != null) {
      if (node.has("text") || node.has("kind")) {
        throw new IllegalArgumentException("a line is a fact (text, kind) or a variable (var, value), not both");
      }
      String value = optional(node, "value");
      if (value == null) {
        throw new IllegalArgumentException("variable '" + var + "' needs a \"value\"");
      }
      Limits.checkVarName(var);
      Limits.checkVarValue(value);
      return new Entry(scope, null, value, var);
    }
    if (node.has("value")) {
      throw new IllegalArgumentException("\"value\" belongs to a variable line, which needs \"var\"");
    }
    String text = optional(node, "text");
    if (text == null) {
      throw new IllegalArgumentException("\"text\" is missing");
    }
    Limits.checkText(text);
    String kind = optional(node, "kind");
    return new Entry(scope, kind == null ? "fact" : NoteKind.parse(kind).label(), text, null);
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return value.textValue();
  }
}
