package dev.engram.neuron.train;

import dev.engram.neuron.Route;

/**
 * One routing case: the facts memory recalled (best first), the user's message, the right route, and
 * for ANSWER the value a grounded answer must return (null otherwise).
 */
public record Example(String[] facts, String message, Route route, String value) {
  public Example {
    if (facts == null || message == null || route == null) {
      throw new IllegalArgumentException("facts, message and route are required");
    }
  }
}
