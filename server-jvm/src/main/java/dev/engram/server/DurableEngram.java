package dev.engram.server;

import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.memory.MemoryConfig;
import dev.engram.ops.Shell;
import dev.engram.server.store.Command;
import dev.engram.server.store.LogStore;
import dev.engram.server.store.Observation;
import dev.engram.server.store.Operation;
import dev.engram.server.store.Store;
import dev.engram.text.Questions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
 * with the same ages. What reads change (recency of use) is not logged, so it starts afresh after a
 * restart.
 *
 * <p>Observations other processes appended to the same data directory are applied before each call.
 */
public final class DurableEngram implements AutoCloseable {
  /** Shell verbs that only read (see {@link Shell}); every other line writes and is logged first. */
  private static final Set<String> READ_VERBS =
      Set.of("get", "ask", "recall", "assoc", "chain", "notes", "vars", "stats", "scopes", "help");
  private static final Set<String> OBSERVE_VERBS = Set.of("observe", "remember", "add");

  private final ReplayClock clock = new ReplayClock();
  private final Engram engram = new Engram(MemoryConfig.DEFAULT, clock);
  private final Store store;
  private final Consumer<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();

  private DurableEngram(Store store, Consumer<String> warnings) {
    this.store = store;
    this.warnings = warnings;
  }

  /** Opens the data directory {@code dir} and replays what it holds; repairs are reported through {@code warnings}. */
  public static DurableEngram open(Path dir, Consumer<String> warnings) throws IOException {
    Store store = LogStore.open(dir, warnings);
    DurableEngram memory = new DurableEngram(store, warnings);
    try {
      store.catchUp(memory::apply);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    return memory;
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
    lock.lock();
    try {
      Observation observation = new Observation(scope, texts, System.currentTimeMillis());
      store.append(observation, this::apply);
      return clock.at(observation.at(), () -> engram.observeMany(scope, array));
    } finally {
      lock.unlock();
    }
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
      store.append(write, this::apply);
      return clock.at(write.at(), () -> Shell.execute(engram, scope, command));
    } finally {
      lock.unlock();
    }
  }

  /** The value answering {@code question}, or {@code null} when memory does not hold it. */
  public String get(String scope, String question) throws IOException {
    lock.lock();
    try {
      refresh();
      return engram.get(scope, question);
    } finally {
      lock.unlock();
    }
  }

  /** The best (at most {@code k}) facts for {@code question}, best first. */
  public String[] recall(String scope, String question, int k) throws IOException {
    lock.lock();
    try {
      refresh();
      return engram.recall(scope, question, k);
    } finally {
      lock.unlock();
    }
  }

  /** Multi-hop recall, {@code "A -> relation -> relation"}. */
  public Chain chain(String scope, String expression) throws IOException {
    lock.lock();
    try {
      refresh();
      return engram.chain(scope, expression);
    } finally {
      lock.unlock();
    }
  }

  /** Number of facts in {@code scope}. */
  public int size(String scope) throws IOException {
    lock.lock();
    try {
      refresh();
      return engram.size(scope);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      store.close();
    } finally {
      lock.unlock();
    }
  }

  private void refresh() throws IOException {
    if (store.hasUnseen()) {
      store.catchUp(this::apply);
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

    <T> T at(long time, java.util.function.Supplier<T> work) {
      fixed = time;
      try {
        return work.get();
      } finally {
        fixed = -1;
      }
    }
  }
}
