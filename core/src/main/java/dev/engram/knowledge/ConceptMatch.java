package dev.engram.knowledge;

/**
 * A concept found in a question. {@code score} is 1 for an exact (or alias) match, lower for a fuzzy
 * one (a typo within the edit budget) and lower still for a partial one (a question word inside a
 * longer concept name). {@code kind} names which, so callers can explain the match.
 */
public record ConceptMatch(int concept, String name, double score, Kind kind, String matchedText) {
  public enum Kind { EXACT, FUZZY, PARTIAL }
}
