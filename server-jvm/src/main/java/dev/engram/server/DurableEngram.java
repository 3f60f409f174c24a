package dev.engram.server;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import dev.engram.knowledge.KnowledgeBase;
import dev.engram.knowledge.SourceText;
import dev.engram.knowledge.Triple;
import dev.engram.memory.MemoryConfig;
import dev.engram.memory.NoteKind;
import dev.engram.neuron.Dispatcher;
import dev.engram.ops.Shell;
import dev.engram.server.store.Call;
import dev.engram.server.store.Command;
import dev.engram.server.store.Load;
import dev.engram.server.store.Observation;
import dev.engram.server.store.Operation;
import dev.engram.server.store.Sealed;
import dev.engram.server.store.Store;
import dev.engram.server.store.StoreException;
import dev.engram.server.store.Stores;
import dev.engram.text.Questions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one place the JVM hosts (CLI, shell, HTTP) touch the engine: an {@link Engram} whose writes are
 * made durable in a {@link Store} before they are applied and acknowledged, shared safely by threads.
 *
 * <p>Locking: {@link Engram} is not thread-safe, and its reads are not free of writes either (a lookup
 * refreshes the plastic "last used" time of the facts it touches), so every call holds one exclusive
 * lock. A lookup takes microseconds, so one lock costs little next to HTTP.
 *
 * <p>Time: the engine's clock drives plastic decay. Each write is stamped with the time it was
 * acknowledged and applied at that time, live and on replay alike, so a restart rebuilds the same facts
 * with the same ages. What reads change (recency of use, and the strength and Hebbian links that
 * recall and assoc build) is not logged, so it starts afresh after a restart; a snapshot export keeps it.
 *
 * <p>Writes other processes appended to the same data directory are applied before each call.
 *
 * <p>What is logged: an observe as an {@link Observation}; a note, forget or variable change as a
 * {@link Call} (the operation's name and arguments, see {@link #execute}); a learn into the knowledge
 * base as a {@link Call} too, in the scope {@link #KNOWLEDGE_SCOPE}; a snapshot import as a
 * {@link Load}; a write typed into the shell as its {@link Command} line. Arguments are checked before
 * anything is logged, so a refused write leaves no record.
 *
 * <p>Group commit: {@link #observe} and the typed writes queue their operation and wait; one committer
 * thread takes everything queued (up to {@value #MAX_GROUP} writes), makes it durable in one store
 * transaction ({@link Store#append(List, Consumer)}), applies it to the engine in that order under the
 * lock, and only then answers each waiting caller. Concurrent writers thus share one fsync instead of
 * queueing for one each, and a caller still hears back only after its write is durable. Each group is
 * stamped with one time when it is committed, so stored times never go backwards.
 */
public final class DurableEngram implements AutoCloseable {
  /** Shell verbs that only read (see {@link Shell}); every other line writes and is logged first. */
  private static final Set<String> READ_VERBS =
      Set.of("get", "ask", "recall", "assoc", "chain", "notes", "vars", "stats", "scopes", "help");
  private static final Set<String> OBSERVE_VERBS = Set.of("observe", "remember", "add");

  /** The {@link Call} verbs and their arguments; these names are stored in logs, so never rename one. */
  static final String NOTE = "note"; // kind, text
  static final String FORGET = "forget"; // substring ("" = the whole scope)
  static final String FORGET_ID = "forget.id"; // id, decimal
  static final String VAR_SET = "var.set"; // name, value
  static final String VAR_DEL = "var.del"; // name
  static final String LEARN = "learn"; // topic, format (a SourceText.Format name), source text; scope KNOWLEDGE_SCOPE
  static final String LEARN_TRIPLES = "learn.triples"; // topic, extractor name, then subject, relation, object per triple

  /**
   * The scope a learn is logged under. Knowledge is one base per data directory, not per scope: the
   * empty name is one no memory scope can have, so a learn never mixes with a scope's writes.
   */
  static final String KNOWLEDGE_SCOPE = "";
  /** Longest topic name accepted. */
  public static final int MAX_TOPIC_CHARS = 256;

  private final ReplayClock clock = new ReplayClock();
  private final Engram engram = new Engram(MemoryConfig.DEFAULT, clock);
  /**
   * The knowledge base (learned topics, concept graph). Rebuilt on open by replaying each logged learn:
   * the built-in extractor is deterministic, so the source text and topic are all a learn needs.
   */
  private final KnowledgeBase knowledge = new KnowledgeBase();
  private final Store store;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  /** Most writes committed in one transaction: bounds a transaction's size and the wait of its first writer. */
  static final int MAX_GROUP = 4096;
  /** Queued by {@link #close}: the committer commits what came before it, then stops. */
  private static final Pending STOP = new Pending(at -> null, op -> null);
  /** Writes waiting for the committer, in arrival order. */
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread committer;
  private volatile boolean closed;

  private DurableEngram(Store store, Consumer<String> warnings) {
    this.store = store;
    this.warnings = warnings;
    this.committer = Thread.ofPlatform().daemon().name("engram-group-commit").unstarted(this::commitLoop);
  }

  /** A write waiting for its group: how to build it at commit time, what to run once it is durable. */
  private static final class Pending {
    final LongFunction<Operation> make;
    final Function<Operation, Object> run;
    final CompletableFuture<Object> done = new CompletableFuture<>();
    Operation operation;

    Pending(LongFunction<Operation> make, Function<Operation, Object> run) {
      this.make = make;
      this.run = run;
    }
  }

  /** Opens the data directory {@code dir} and replays what it holds; repairs are reported through {@code warnings}. */
  public static DurableEngram open(Path dir, Consumer<String> warnings) throws IOException {
    return open(Stores.open(dir, warnings), warnings);
  }

  /** Serves {@code store} (closed with this) after replaying what it holds. */
  public static DurableEngram open(Store store, Consumer<String> warnings) throws IOException {
    DurableEngram memory = new DurableEngram(store, warnings);
    try {
      memory.sync(() -> store.catchUp(memory::apply));
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    memory.committer.start();
    return memory;
  }

  /** Queues a write for the next group commit and waits until it is durable and applied; returns its answer. */
  private Object commit(LongFunction<Operation> make, Function<Operation, Object> run) throws IOException {
    if (closed) {
      throw new StoreException("the store is closed");
    }
    Pending pending = new Pending(make, run);
    queue.add(pending);
    try {
      while (true) {
        try {
          return pending.done.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          if (closed && !committer.isAlive()) {
            failQueued(); // joined the queue after the committer stopped: nobody else will answer it
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a durable write"
          + " (it may still be stored)");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException se) {
        throw new StoreException(se.getMessage(), se);
      }
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      if (cause instanceof IllegalArgumentException iae) {
        throw new IllegalArgumentException(iae.getMessage(), iae);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The committer thread: one store transaction and one engine pass per group of queued writes. */
  private void commitLoop() {
    List<Pending> group = new ArrayList<>();
    while (true) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() stops the committer, through STOP, so no queued write is dropped
      }
      queue.drainTo(group, MAX_GROUP - 1);
      boolean stop = group.remove(STOP);
      if (!group.isEmpty()) {
        lock.lock();
        try {
          commitGroup(group);
        } catch (Throwable e) {
          for (Pending p : group) {
            p.done.completeExceptionally(e);
          }
        } finally {
          lock.unlock();
        }
      }
      group.clear();
      if (stop) {
        failQueued();
        return;
      }
    }
  }

  private void commitGroup(List<Pending> group) {
    long now = System.currentTimeMillis();
    List<Operation> operations = new ArrayList<>(group.size());
    for (Pending p : group) {
      p.operation = p.make.apply(now);
      operations.add(p.operation);
    }
    try {
      sync(() -> store.append(operations, this::apply));
    } catch (IOException | RuntimeException e) {
      for (Pending p : group) {
        p.done.completeExceptionally(e);
      }
      return;
    }
    for (Pending p : group) {
      try {
        p.done.complete(clock.at(p.operation.at(), () -> p.run.apply(p.operation)));
      } catch (RuntimeException e) {
        p.done.completeExceptionally(e);
      }
    }
  }

  private void failQueued() {
    for (Pending p; (p = queue.poll()) != null; ) {
      if (p == STOP) {
        continue;
      }
      p.done.completeExceptionally(new StoreException("the store was closed before this write was stored"));
    }
  }

  /**
   * Stores {@code texts} in {@code scope}; returns the number of facts stored once they are durable.
   *
   * @throws IllegalArgumentException for input over a {@link Limits} limit (nothing is stored)
   */
  public int observe(String scope, List<String> texts) throws IOException {
    String[] array = texts.toArray(new String[0]);
    Limits.checkScope(scope);
    Limits.checkBatch(array);
    List<String> copy = List.copyOf(texts);
    return (Integer) commit(at -> new Observation(scope, copy, at), op -> engram.observeMany(scope, array));
  }

  /**
   * Runs one line of the shell vocabulary ({@link Shell}) in {@code scope} and returns its one-line
   * answer. A line that writes is made durable before it runs: an observe as an {@link Observation},
   * any other write ({@code note}, {@code forget}, {@code var set|del}) as its {@link Command} line.
   */
  public String shell(String scope, String line) throws IOException {
    Limits.checkScope(scope);
    String command = line.strip();
    Limits.checkText(command);
    lock.lock();
    try {
      refresh();
      String verb = firstWord(command).toLowerCase(Locale.ROOT);
      Operation write;
      if (command.isEmpty() || READ_VERBS.contains(verb) || isVarRead(verb, command)) {
        write = null;
      } else if (OBSERVE_VERBS.contains(verb)) {
        write = new Observation(scope, List.of(command.substring(verb.length()).strip()), System.currentTimeMillis());
      } else if (verb.equals("note") || verb.equals("forget") || verb.equals("var")) {
        write = new Command(scope, command, System.currentTimeMillis());
      } else if (command.endsWith("?") || Questions.isQuestion(command)) {
        write = null; // Shell answers a bare question
      } else {
        write = new Observation(scope, List.of(command), System.currentTimeMillis()); // Shell observes a bare statement
      }
      if (write == null) {
        return Shell.execute(engram, scope, command);
      }
      sync(() -> store.append(write, this::apply));
      return clock.at(write.at(), () -> Shell.execute(engram, scope, command));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Routes one turn with {@code dispatcher}'s router, as {@link Dispatcher#decide} does, except that a
   * STORE is made durable before it is applied (an {@link Observation}, like {@link #observe}).
   *
   * <p>Why not call {@link Dispatcher#decide} on the engine: it observes directly, so the fact would be
   * in memory before it is on disk. This method makes the same calls in the same order (recall, route,
   * then recallValue or observe) and follows the same rules (an ANSWER memory cannot ground becomes
   * ESCALATE; a STORE whose text ends in '?' and stores nothing is retried ending in '.');
   * DurableEngramRouteTest checks both give the same decisions.
   */
  public Dispatcher.Decision route(Dispatcher dispatcher, String scope, String message) throws IOException {
    if (dispatcher == null) {
      throw new IllegalArgumentException("dispatcher is required");
    }
    Limits.checkScope(scope);
    Limits.checkQuestion(message);
    if (message.trim().isEmpty()) {
      throw new IllegalArgumentException("message must not be empty");
    }
    lock.lock();
    try {
      refresh();
      // A STORE is logged before it is applied, like every write here.
      return dispatcher.decide(engram, scope, message, this::observeLocked);
    } finally {
      lock.unlock();
    }
  }

  /** A durable observe of one text; the caller holds the lock. */
  private int observeLocked(String scope, String text) throws IOException {
    Observation observation = new Observation(scope, List.of(text), System.currentTimeMillis());
    sync(() -> store.append(observation, this::apply));
    return clock.at(observation.at(), () -> engram.observeMany(scope, new String[] {text}));
  }

  /** The value answering {@code question}, or {@code null} when memory does not hold it. */
  public String get(String scope, String question) throws IOException {
    return read(() -> engram.get(scope, question));
  }

  /**
   * Turns on semantic recall with the shipped word table (see docs/ENCODERS.md): questions no fact answers
   * word for word are read again by meaning. Facts already held are encoded on first use; nothing is logged,
   * so it is a property of this process (the CLI's and server's {@code --semantic}), not of the data.
   */
  public void useSemantic() {
    lock.lock();
    try {
      engram.useSemantic();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #get} with the fact the value came from and a calibrated confidence. */
  public Answer recallValue(String scope, String question) throws IOException {
    return read(() -> engram.recallValue(scope, question));
  }

  /** How much of {@code question} memory holds, 0..1 (the knowledge-gap signal). */
  public double assess(String scope, String question) throws IOException {
    return read(() -> engram.assess(scope, question));
  }

  /** The best (at most {@code k}) facts for {@code question}, best first. */
  public String[] recall(String scope, String question, int k) throws IOException {
    return read(() -> engram.recall(scope, question, k));
  }

  /** A page of scored facts for {@code question}; {@code cursor} is null or the previous page's {@code next}. */
  public RecallPage recallPage(String scope, String question, int k, String cursor) throws IOException {
    return read(() -> engram.recallPage(scope, question, k, cursor));
  }

  /** Spreading-activation recall from {@code cue}, ranked. */
  public Recalled[] assoc(String scope, String cue, int k) throws IOException {
    return read(() -> engram.assoc(scope, cue, k));
  }

  /** Multi-hop recall, {@code "A -> relation -> relation"}. */
  public Chain chain(String scope, String expression) throws IOException {
    return read(() -> engram.chain(scope, expression));
  }

  /** Notes of {@code kind} (every kind, plain facts included, when null), newest first, a page at a time. */
  public RecallPage notes(String scope, String kind, int k, String cursor) throws IOException {
    return read(() -> engram.notes(scope, kind, k, cursor));
  }

  /** A variable's value, or null when it is unset. */
  public String getVar(String scope, String name) throws IOException {
    return read(() -> engram.getVar(scope, name));
  }

  /** The variables of {@code scope}, sorted by name. */
  public SortedMap<String, String> vars(String scope) throws IOException {
    return read(() -> engram.vars(scope));
  }

  /** Names of the scopes holding anything, sorted. */
  public String[] scopes() throws IOException {
    return read(engram::scopes);
  }

  /** Counts for {@code scope}, or for the whole store when it is null. */
  public Stats stats(String scope) throws IOException {
    return read(() -> engram.stats(scope));
  }

  /** The store (scope null) or one scope in the versioned binary snapshot format. */
  public byte[] dump(String scope) throws IOException {
    return read(() -> engram.dump(scope));
  }

  /**
   * Every live fact of {@code scope} (notes included), oldest first, read under one lock so the list is
   * one consistent state; for export.
   */
  public List<Recalled> facts(String scope) throws IOException {
    return read(() -> {
      ArrayList<Recalled> all = new ArrayList<>();
      String cursor = null;
      do {
        RecallPage page = engram.notes(scope, null, Limits.MAX_K, cursor);
        all.addAll(Arrays.asList(page.items()));
        cursor = page.next();
      } while (cursor != null);
      Collections.reverse(all); // notes come newest first; replaying oldest first keeps updates in order
      return all;
    });
  }

  /** Number of facts in {@code scope}. */
  public int size(String scope) throws IOException {
    return read(() -> engram.size(scope));
  }

  /** Stores a typed note durably; returns how many notes (statements of {@code text}) were stored. */
  public int note(String scope, String kind, String text) throws IOException {
    Limits.checkScope(scope);
    NoteKind.parse(kind);
    Limits.checkText(text);
    return (Integer) write(at -> new Call(scope, NOTE, List.of(kind, text), at));
  }

  /** Forgets, durably, the facts containing {@code substring}; {@code ""} forgets the whole scope. */
  public int forget(String scope, String substring) throws IOException {
    Limits.checkScope(scope);
    if (substring == null) {
      throw new IllegalArgumentException("substring is required (\"\" forgets the whole scope)");
    }
    Limits.checkQuestion(substring);
    return (Integer) write(at -> new Call(scope, FORGET, List.of(substring), at));
  }

  /** Forgets, durably, the fact numbered {@code id}; false when there is no such live fact. */
  public boolean forgetId(String scope, int id) throws IOException {
    Limits.checkScope(scope);
    if (id < 0) {
      throw new IllegalArgumentException("fact id must be 0 or more, got " + id);
    }
    return (Boolean) write(at -> new Call(scope, FORGET_ID, List.of(Integer.toString(id)), at));
  }

  /** Sets a variable durably. */
  public void setVar(String scope, String name, String value) throws IOException {
    Limits.checkScope(scope);
    Limits.checkVarName(name);
    Limits.checkVarValue(value);
    write(at -> new Call(scope, VAR_SET, List.of(name, value), at));
  }

  /** Deletes a variable durably; false when it was not set. */
  public boolean deleteVar(String scope, String name) throws IOException {
    Limits.checkScope(scope);
    Limits.checkVarName(name);
    return (Boolean) write(at -> new Call(scope, VAR_DEL, List.of(name), at));
  }

  /**
   * Imports a snapshot made by {@link #dump} durably: each scope in it replaces the scope of that name.
   * Returns the scopes loaded. A damaged, foreign or too-new snapshot is refused
   * ({@link dev.engram.codec.SnapshotException}, an {@link IllegalArgumentException}, with the codec's
   * message) before anything is logged or changed.
   */
  public String[] load(byte[] snapshot) throws IOException {
    if (snapshot == null) {
      throw new IllegalArgumentException("snapshot is required");
    }
    new Engram().load(snapshot); // a trial load checks everything the real one will, on a scratch engine
    return (String[]) write(at -> new Load(snapshot, at));
  }

  /**
   * Learns {@code text} under {@code topic} into the knowledge base, durably: the learn is logged (topic,
   * format, text) before it is applied, and replayed on open.
   *
   * @throws IllegalArgumentException for a blank topic or text, or one over a limit (nothing is logged)
   */
  public KnowledgeBase.LearnReport learn(String topic, String text, SourceText.Format format) throws IOException {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("a topic is required (--topic T, or \"topic\" over HTTP)");
    }
    if (topic.length() > MAX_TOPIC_CHARS) {
      throw new IllegalArgumentException("topic is " + topic.length() + " characters; the limit is " + MAX_TOPIC_CHARS);
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the text to learn is empty");
    }
    if (text.length() > KnowledgeBase.MAX_SOURCE_CHARS) {
      throw new IllegalArgumentException("text is " + text.length() + " characters; the limit is "
          + KnowledgeBase.MAX_SOURCE_CHARS + " per learn: split it");
    }
    if (format == null) {
      throw new IllegalArgumentException("a format is required");
    }
    return (KnowledgeBase.LearnReport) write(
        at -> new Call(KNOWLEDGE_SCOPE, LEARN, List.of(topic, format.name(), text), at));
  }

  /**
   * Learns triples an external extractor (an LLM) found, durably: the triples themselves are logged, so
   * replay never calls the extractor again and rebuilds exactly what was learned.
   */
  public KnowledgeBase.LearnReport learnTriples(String topic, String extractor, List<Triple> triples) throws IOException {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("a topic is required (--topic T, or \"topic\" over HTTP)");
    }
    if (topic.length() > MAX_TOPIC_CHARS) {
      throw new IllegalArgumentException("topic is " + topic.length() + " characters; the limit is " + MAX_TOPIC_CHARS);
    }
    if (extractor == null || extractor.isBlank() || triples == null) {
      throw new IllegalArgumentException("an extractor name and a triple list are required");
    }
    List<String> args = new ArrayList<>(2 + 3 * triples.size());
    args.add(topic);
    args.add(extractor);
    for (Triple t : triples) {
      args.add(t.subject());
      args.add(t.relation());
      args.add(t.object());
    }
    return (KnowledgeBase.LearnReport) write(at -> new Call(KNOWLEDGE_SCOPE, LEARN_TRIPLES, args, at));
  }

  /**
   * Runs {@code reader} on the knowledge base under the lock (ask, topics, concepts, dream). The
   * reader must render what it needs (triple texts, names) before it returns, and must not learn.
   */
  public <T> T knowledge(Function<KnowledgeBase, T> reader) throws IOException {
    return read(() -> reader.apply(knowledge));
  }

  /** Under the lock, after applying what other processes appended. */
  private <T> T read(Supplier<T> work) throws IOException {
    lock.lock();
    try {
      refresh();
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Makes {@code write} durable, then applies it at its recorded time and returns the engine's answer. */
  private Object write(LongFunction<Operation> write) throws IOException {
    return commit(write, this::execute);
  }

  /**
   * Runs a logged {@link Call} or {@link Load} on the engine: the one place their meaning is defined, for
   * the live call and for replay alike.
   */
  private Object execute(Operation operation) {
    if (operation instanceof Load l) {
      return engram.load(l.snapshot());
    }
    Call c = (Call) operation;
    List<String> a = c.args();
    return switch (c.verb()) {
      case NOTE -> {
        arity(c, 2);
        yield engram.note(c.scope(), a.get(0), a.get(1));
      }
      case FORGET -> {
        arity(c, 1);
        yield engram.forget(c.scope(), a.get(0));
      }
      case FORGET_ID -> {
        arity(c, 1);
        yield engram.forgetId(c.scope(), Integer.parseInt(a.get(0)));
      }
      case VAR_SET -> {
        arity(c, 2);
        engram.setVar(c.scope(), a.get(0), a.get(1));
        yield a.get(1);
      }
      case VAR_DEL -> {
        arity(c, 1);
        yield engram.deleteVar(c.scope(), a.get(0));
      }
      case LEARN -> {
        arity(c, 3);
        SourceText.Format format;
        try {
          format = SourceText.Format.valueOf(a.get(1));
        } catch (IllegalArgumentException e) {
          throw new UnknownCall("the log holds a learn in format '" + a.get(1)
              + "' that this engram does not know (written by a newer engram?)");
        }
        yield knowledge.learn(a.get(0), a.get(2), format);
      }
      case LEARN_TRIPLES -> {
        if (a.size() < 2 || (a.size() - 2) % 3 != 0) {
          throw new UnknownCall("the log holds a learn of triples with " + a.size() + " arguments (2 + 3 per triple expected)");
        }
        List<Triple> triples = new ArrayList<>((a.size() - 2) / 3);
        for (int i = 2; i < a.size(); i += 3) {
          triples.add(new Triple(a.get(i), a.get(i + 1), a.get(i + 2)));
        }
        yield knowledge.learnTriples(a.get(0), triples);
      }
      default -> throw new UnknownCall("the log holds a write '" + c.verb() + "' in scope '" + c.scope()
          + "' that this engram does not know (written by a newer engram?); upgrade engram to open this data");
    };
  }

  private static void arity(Call c, int n) {
    if (c.args().size() != n) {
      throw new UnknownCall("the log holds a write '" + c.verb() + "' with " + c.args().size()
          + " arguments where this engram expects " + n + " (written by a newer engram?)");
    }
  }

  private interface StoreStep {
    void run() throws IOException;
  }

  /** Runs a store call whose sink replays writes; a write this engram cannot interpret becomes a storage failure. */
  private void sync(StoreStep step) throws IOException {
    try {
      step.run();
    } catch (UnknownCall e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** A logged write this engram cannot interpret; replay must stop rather than skip it. */
  private static final class UnknownCall extends RuntimeException {
    UnknownCall(String message) {
      super(message);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.add(STOP);
    try {
      committer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued();
    lock.lock();
    try {
      store.close();
    } finally {
      lock.unlock();
    }
  }

  private void refresh() throws IOException {
    if (store.hasUnseen()) {
      sync(() -> store.catchUp(this::apply));
    }
  }

  /**
   * Applies a stored write at its recorded time. An observation the engine now rejects (its limits
   * changed since it was written) is reported and skipped rather than making the whole store unreadable;
   * a command line that fails again fails as it did when it was issued, so it changes nothing either way.
   */
  private void apply(Operation operation) {
    switch (operation) {
      case Observation o -> {
        try {
          clock.at(o.at(), () -> engram.observeMany(o.scope(), o.texts().toArray(new String[0])));
        } catch (IllegalArgumentException e) {
          warnings.accept("skipped a stored observation in scope '" + o.scope() + "' that this engram rejects: "
              + e.getMessage());
        }
      }
      case Command c -> clock.at(c.at(), () -> Shell.execute(engram, c.scope(), c.line()));
      case Call c -> replay(c);
      case Load l -> replay(l);
      case Sealed s -> throw new IllegalStateException("a sealed write reached the engine unopened (SealedStore opens them)");
    }
  }

  /**
   * Replays a typed write or an import. One the engine now refuses (its limits changed since it was
   * written) is reported and skipped, like an observation; one this engram cannot read stops the replay.
   */
  private void replay(Operation operation) {
    try {
      clock.at(operation.at(), () -> execute(operation));
    } catch (IllegalArgumentException e) {
      warnings.accept("skipped a stored " + (operation instanceof Call c ? "'" + c.verb() + "'" : "snapshot import")
          + " in scope '" + operation.scope() + "' that this engram rejects: " + e.getMessage());
    }
  }

  private static boolean isVarRead(String verb, String command) {
    if (!verb.equals("var")) {
      return false;
    }
    String op = firstWord(command.substring(verb.length()).strip()).toLowerCase(Locale.ROOT);
    return op.isEmpty() || op.equals("get") || op.equals("list");
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }

  /**
   * The engine's clock: wall time, except while a write is applied, when it reads the write's recorded
   * time. Only touched under the lock.
   */
  private static final class ReplayClock implements LongSupplier {
    private long fixed = -1;

    @Override
    public long getAsLong() {
      return fixed >= 0 ? fixed : System.currentTimeMillis();
    }

    <T> T at(long time, Supplier<T> work) {
      fixed = time;
      try {
        return work.get();
      } finally {
        fixed = -1;
      }
    }
  }
}
