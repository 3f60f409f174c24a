package dev.engram.conformance;

import java.util.function.LongSupplier;

/**
 * The JVM side of the bridge's {@code setClock}: the wall clock until a script pins it, then the pinned
 * millisecond. Plastic strength decays with time, so the scripts pin the clock before any step whose
 * result depends on it, and every runtime sees the same times.
 */
final class StepClock implements LongSupplier {
  private long pinned = -1;

  void pin(long ms) {
    if (ms < 0) {
      throw new IllegalStateException("a script pinned the clock to " + ms);
    }
    pinned = ms;
  }

  @Override
  public long getAsLong() {
    return pinned < 0 ? System.currentTimeMillis() : pinned;
  }
}
