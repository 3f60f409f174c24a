package dev.engram.neuron;

/** What the dispatcher decides for one turn. The ordinal is the classifier's output index. */
public enum Route {
  /** Memory holds the answer: serve the recalled value. */
  ANSWER,
  /** A statement worth remembering: observe it. */
  STORE,
  /** A live-world question (now, today, current prices): go to the web. */
  FETCH,
  /** Memory cannot answer and it is not a live lookup: hand the turn to a larger model. */
  ESCALATE
}
