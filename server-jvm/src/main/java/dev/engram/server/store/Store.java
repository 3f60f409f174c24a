package dev.engram.server.store;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Durable, ordered storage of write operations, shareable by several processes on one data directory.
 *
 * <p>The contract every implementation keeps: {@link #append} returns only once the operation is
 * durable (it survives a power cut or SIGKILL from then on); every process sees the same total order of
 * operations; and before a process appends, it first receives the operations other processes
 * appended since it last looked, so its in-memory engine applies them in that same order.
 *
 * <p>Not thread-safe on its own: callers serialise calls (the server holds one lock around the engine
 * and its store).
 */
public interface Store extends AutoCloseable {
  /**
   * Delivers, in order, every operation appended (by any process) since the last delivery; on the
   * first call after opening, that is every stored operation.
   */
  void catchUp(Consumer<Operation> sink) throws IOException;

  /** Whether operations exist that {@link #catchUp} has not delivered yet (a cheap check). */
  boolean hasUnseen() throws IOException;

  /**
   * Makes {@code operation} durable. Operations other processes appended first are delivered to
   * {@code sink} beforehand, so the caller applies everything in store order; {@code operation}
   * itself is not delivered (the caller applies it once this returns).
   */
  default void append(Operation operation, Consumer<Operation> sink) throws IOException {
    append(List.of(operation), sink);
  }

  /**
   * Makes every operation of {@code operations} durable at once, in the given order and next to each
   * other in the store order: all of them, or (when this throws) none. One commit for many operations
   * is what lets the server group-commit concurrent writes. Delivers other processes' operations to
   * {@code sink} first, as {@link #append(Operation, Consumer)} does.
   */
  void append(List<Operation> operations, Consumer<Operation> sink) throws IOException;

  @Override
  void close() throws IOException;
}
