package dev.engram;

import dev.engram.memory.Memory;
import dev.engram.memory.MemoryConfig;
import dev.engram.memory.NoteKind;
import java.util.SortedMap;
import java.util.function.LongSupplier;

/**
 * The engine's public face: one in-memory store of named scopes, each a bag of plain-language facts.
 *
 * <p>Every host (the JVM server and CLI, the wasm bridge, the npm package) goes through this class, so
 * an operation behaves identically everywhere. Arguments are checked here, once, and a bad one raises
 * {@link IllegalArgumentException} with a message meant for the caller; nothing is truncated silently.
 *
 * <pre>{@code
 * Engram engram = new Engram();
 * engram.observe("user:42", "The deploy region is us-west-2.");
 * engram.get("user:42", "what's the deploy region?");   // "us-west-2"
 * engram.get("user:42", "what is the api key?");        // null: memory does not hold it
 * }</pre>
 *
 * <p>Not thread-safe: the JVM server serialises writers around it; wasm is single-threaded.
 */
public final class Engram {
  private final Memory memory;

  /** An empty store with default parameters, on the host's wall clock. */
  public Engram() {
    this.memory = new Memory();
  }

  /**
   * An empty store with the given parameters; {@code clock} (ms) drives plastic decay — pass a fixed
   * or stepped clock for reproducible runs.
   */
  public Engram(MemoryConfig config, LongSupplier clock) {
    if (config == null || clock == null) {
      throw new IllegalArgumentException("config and clock are required");
    }
    this.memory = new Memory(config, clock);
  }

  /**
   * Stores the facts in {@code text}: it is split into sentences, and each statement becomes one fact
   * (questions are not stored). Returns the number of facts stored.
   */
  public int observe(String scope, String text) {
    Limits.checkScope(scope);
    Limits.checkText(text);
    return memory.observe(scope, text);
  }

  /** {@link #observe} for each text, in order; returns the total number of facts stored. */
  public int observeMany(String scope, String[] texts) {
    Limits.checkScope(scope);
    Limits.checkBatch(texts);
    int stored = 0;
    for (String text : texts) {
      stored += memory.observe(scope, text);
    }
    return stored;
  }

  /** The value that answers {@code question} in {@code scope}, or {@code null} when memory does not hold it. */
  public String get(String scope, String question) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    return memory.get(scope, question);
  }

  /** The texts of the (at most {@code k}) facts that best match {@code question}, best first. */
  public String[] recall(String scope, String question, int k) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    Limits.checkK(k);
    return memory.recall(scope, question, k);
  }

  /**
   * Like {@link #get}, with the fact the value came from and a calibrated confidence; the value is
   * {@code null} when memory abstains.
   */
  public Answer recallValue(String scope, String question) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    return memory.recallValue(scope, question);
  }

  /**
   * How much of {@code question} memory holds, in 0..1: 0 when none of its content is known, 1 when
   * a fact covers all of it. A knowledge-gap signal a host can use to decide whether to look elsewhere.
   */
  public double assess(String scope, String question) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    return memory.assess(scope, question);
  }

  /**
   * Multi-hop recall: {@code "Aurora -> owner -> manager -> timezone"} asks for Aurora's owner, then
   * that person's manager, then the manager's timezone.
   */
  public Chain chain(String scope, String expression) {
    Limits.checkScope(scope);
    Limits.checkQuestion(expression);
    String[] parts = splitArrows(expression);
    if (parts.length < 2) {
      throw new IllegalArgumentException("chain needs a start and at least one relation: 'A -> rel -> rel'");
    }
    String current = parts[0].trim();
    if (current.isEmpty()) {
      throw new IllegalArgumentException("chain start is empty");
    }
    String[] path = new String[parts.length];
    path[0] = current;
    for (int i = 1; i < parts.length; i++) {
      String relation = parts[i].trim();
      if (relation.isEmpty()) {
        throw new IllegalArgumentException("chain relation " + i + " is empty");
      }
      String next = memory.get(scope, current + " " + relation);
      if (next == null) {
        String[] partial = new String[i];
        System.arraycopy(path, 0, partial, 0, i);
        return new Chain(null, partial);
      }
      path[i] = next;
      current = next;
    }
    return new Chain(current, path);
  }

  private static String[] splitArrows(String expression) {
    java.util.ArrayList<String> parts = new java.util.ArrayList<>();
    int from = 0;
    int at;
    while ((at = expression.indexOf("->", from)) >= 0) {
      parts.add(expression.substring(from, at));
      from = at + 2;
    }
    parts.add(expression.substring(from));
    return parts.toArray(new String[0]);
  }

  /** The top {@code k} facts with score, value and the words that matched (first page of {@link #recallPage}). */
  public Recalled[] recallScored(String scope, String question, int k) {
    return recallPage(scope, question, k, null).items();
  }

  /**
   * A page of recall results with evidence; {@code cursor} is null for the first page, else the
   * {@code next} of the previous page. A host never has to pull the whole memory.
   */
  public RecallPage recallPage(String scope, String question, int k, String cursor) {
    Limits.checkScope(scope);
    Limits.checkQuestion(question);
    Limits.checkK(k);
    return memory.recallPage(scope, question, k, cursor);
  }

  /** Spreading-activation recall from {@code cue}: through shared cues and learned links, ranked. */
  public Recalled[] assoc(String scope, String cue, int k) {
    Limits.checkScope(scope);
    Limits.checkQuestion(cue);
    Limits.checkK(k);
    return memory.assoc(scope, cue, k);
  }

  /**
   * Stores a typed note ("fact", "preference", "event", "task", "person", "instruction"); it is recalled
   * like any fact and can be listed by kind with {@link #notes}. Returns the number of notes stored.
   */
  public int note(String scope, String kind, String text) {
    Limits.checkScope(scope);
    Limits.checkText(text);
    return memory.note(scope, NoteKind.parse(kind), text);
  }

  /** Notes of {@code kind} (all kinds when null), newest first, a page at a time. */
  public RecallPage notes(String scope, String kind, int k, String cursor) {
    Limits.checkScope(scope);
    Limits.checkK(k);
    return memory.notes(scope, kind == null ? null : NoteKind.parse(kind), k, cursor);
  }

  /**
   * Forgets the facts whose text contains {@code substring} (case-insensitive); an empty substring
   * forgets the whole scope. Returns how many facts were forgotten.
   */
  public int forget(String scope, String substring) {
    Limits.checkScope(scope);
    Limits.checkSubstring(substring);
    return memory.forget(scope, substring);
  }

  /** Forgets one fact by its id (from {@link Recalled#id}); false when there is no such live fact. */
  public boolean forgetId(String scope, int id) {
    Limits.checkScope(scope);
    return memory.forgetId(scope, id);
  }

  /** Sets a variable: an exact name/value pair beside the facts (not recalled by cue). */
  public void setVar(String scope, String name, String value) {
    Limits.checkScope(scope);
    Limits.checkVarName(name);
    Limits.checkVarValue(value);
    memory.setVar(scope, name, value);
  }

  /** A variable's value, or null when unset. */
  public String getVar(String scope, String name) {
    Limits.checkScope(scope);
    Limits.checkVarName(name);
    return memory.getVar(scope, name);
  }

  /** Deletes a variable; false when it was not set. */
  public boolean deleteVar(String scope, String name) {
    Limits.checkScope(scope);
    Limits.checkVarName(name);
    return memory.deleteVar(scope, name);
  }

  /** All variables of a scope, sorted by name. */
  public SortedMap<String, String> vars(String scope) {
    Limits.checkScope(scope);
    return memory.vars(scope);
  }

  /** Names of the scopes holding anything, sorted. */
  public String[] scopes() {
    return memory.scopes();
  }

  /** Counts for one scope, or for the whole store when {@code scope} is null. */
  public Stats stats(String scope) {
    if (scope != null) {
      Limits.checkScope(scope);
    }
    return memory.stats(scope);
  }

  /**
   * The store, or one scope of it, in the versioned binary snapshot format (see
   * {@link dev.engram.codec.Snapshot}); the cue index travels with it, so {@link #load} does not re-index.
   */
  public byte[] dump(String scope) {
    java.util.LinkedHashMap<String, dev.engram.memory.ScopeImage> images = new java.util.LinkedHashMap<>();
    if (scope != null) {
      Limits.checkScope(scope);
      dev.engram.memory.ScopeImage image = memory.image(scope);
      if (image != null) {
        images.put(scope, image);
      }
    } else {
      for (String name : memory.scopes()) {
        images.put(name, memory.image(name));
      }
    }
    return dev.engram.codec.Snapshot.write(images);
  }

  /**
   * Loads a snapshot made by {@link #dump}: each scope in it replaces the scope of the same name; other
   * scopes are untouched. Returns the names of the scopes loaded. A damaged, foreign or too-new snapshot
   * is refused with {@link dev.engram.codec.SnapshotException} and nothing is changed.
   */
  public String[] load(byte[] snapshot) {
    java.util.Map<String, dev.engram.memory.ScopeImage> images = dev.engram.codec.Snapshot.read(snapshot);
    for (String name : images.keySet()) {
      Limits.checkScope(name);
    }
    for (java.util.Map.Entry<String, dev.engram.memory.ScopeImage> e : images.entrySet()) {
      memory.restore(e.getKey(), e.getValue());
    }
    return images.keySet().toArray(new String[0]);
  }

  /**
   * Turns on semantic recall with the word table shipped in core's resources (JVM: read from the class
   * path, 3 MB, once). Off by default: see docs/ENCODERS.md for what it answers and what it costs.
   */
  public void useSemantic() {
    memory.useSemantic(dev.engram.semantic.WordTable.shipped(), dev.engram.semantic.SemanticParams.DEFAULT);
  }

  /** Turns on semantic recall with a word table given as bytes (hosts without a class path: wasm). */
  public void useSemantic(byte[] wordTable) {
    memory.useSemantic(dev.engram.semantic.WordTable.fromBytes(wordTable), dev.engram.semantic.SemanticParams.DEFAULT);
  }

  /** Number of facts held in {@code scope} (0 for a scope never written). */
  public int size(String scope) {
    Limits.checkScope(scope);
    return memory.size(scope);
  }
}
