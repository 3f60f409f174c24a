package dev.engram.server;

import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.server.store.LogStore;
import dev.engram.server.store.Observation;
import dev.engram.server.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one place the JVM hosts (CLI, shell, HTTP) touch the engine: an {@link Engram} whose writes are
 * made durable in a {@link Store} before they are applied and acknowledged, shared safely by threads.
 *
 * <p>Locking: {@link Engram} is not thread-safe, and a read is not assumed to be free of writes either
 * (an engine may reuse scratch buffers or update recency on a lookup), so every call holds one
 * exclusive lock. A lookup takes microseconds, so one lock costs little next to HTTP; a read-write
 * lock can replace it once the engine documents which calls are read-only.
 *
 * <p>Observations other processes appended to the same data directory are applied before each call.
 */
public final class DurableEngram implements AutoCloseable {
  private final Engram engram = new Engram();
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
      store.append(new Observation(scope, texts), this::apply);
      return engram.observeMany(scope, array);
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
   * Applies a stored observation. One that the engine now rejects (its limits changed since it was
   * written) is reported and skipped rather than making the whole store unreadable.
   */
  private void apply(Observation observation) {
    try {
      engram.observeMany(observation.scope(), observation.texts().toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      warnings.accept("skipped a stored observation in scope '" + observation.scope()
          + "' that this engram rejects: " + e.getMessage());
    }
  }
}
