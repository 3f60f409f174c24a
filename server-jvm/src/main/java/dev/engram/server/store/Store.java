package dev.engram.server.store;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Durable, ordered storage of observations, shareable by several processes on one data directory.
 *
 * <p>The contract every implementation keeps: {@link #append} returns only once the observation is
 * durable (it survives a power cut or SIGKILL from then on); every process sees the same total order of
 * observations; and before a process appends, it first receives the observations other processes
 * appended since it last looked, so its in-memory engine applies them in that same order.
 *
 * <p>Not thread-safe on its own: callers serialise calls (the server holds one lock around the engine
 * and its store).
 */
public interface Store extends AutoCloseable {
  /**
   * Delivers, in order, every observation appended (by any process) since the last delivery; on the
   * first call after opening, that is every stored observation.
   */
  void catchUp(Consumer<Observation> sink) throws IOException;

  /** Whether observations exist that {@link #catchUp} has not delivered yet (a cheap check). */
  boolean hasUnseen() throws IOException;

  /**
   * Makes {@code observation} durable. Observations other processes appended first are delivered to
   * {@code sink} beforehand, so the caller applies everything in store order; {@code observation}
   * itself is not delivered (the caller applies it once this returns).
   */
  void append(Observation observation, Consumer<Observation> sink) throws IOException;

  @Override
  void close() throws IOException;
}
