package dev.engram.knowledge;

/**
 * A concept found in a question. {@code kind} says how, and sets the score:
 * EXACT (an n-gram of the question is the concept's key or alias) 1.0;
 * FUZZY (within the typo budget of a key) 0.8;
 * CONTAINED (every content word of the concept is in the question, in any order: "famous bread of
 * Kettlemark" in "What bread is Kettlemark famous for?") 0.9;
 * PARTIAL (some of its words are in the question, or it is a central concept of a topic the question
 * names) below 0.5, scaled by the share of its words matched. Exact, fuzzy and contained concepts are
 * the question itself and are not returned by recall; partial ones may be.
 */
public record ConceptMatch(int concept, String name, double score, Kind kind, String matchedText, long tokens) {

  /**
   * {@code tokens}: bit i set when question word i (i up to 62; later words share bit 63) is part of the
   * match. Matches whose bits overlap are one mention of the question: recall takes the best of them
   * rather than counting one mention several times.
   */
  public ConceptMatch(int concept, String name, double score, Kind kind, String matchedText) {
    this(concept, name, score, kind, matchedText, 0L);
  }
  public enum Kind { EXACT, FUZZY, CONTAINED, PARTIAL }

  /** True when the question names this concept (so recall does not return it as an association). */
  public boolean named() {
    return kind != Kind.PARTIAL;
  }
}
