package dev.engram.knowledge;

import java.util.List;

/** The concepts a question named (seeds) and what recall associated with them, strongest first. */
public record RecallResult(List<ConceptMatch> seeds, List<Association> associations) {
  public boolean knowsNothing() {
    return seeds.isEmpty();
  }
}
