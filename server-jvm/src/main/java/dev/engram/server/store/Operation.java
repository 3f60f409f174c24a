package dev.engram.server.store;

/**
 * One acknowledged write, as the store keeps it. Replaying every operation of a store, in order and at
 * its recorded time, rebuilds the engine's state.
 */
public sealed interface Operation permits Observation, Command, Call, Load, Sealed {
  /** The scope written to. */
  String scope();

  /** When the write was acknowledged, in epoch milliseconds: replay runs the engine's clock at this time. */
  long at();
}
