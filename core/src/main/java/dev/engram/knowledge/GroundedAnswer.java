package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An answer grounded in what was learned: the associations (concept, strength, tag, triples) and a
 * text composed from them with no LLM. {@code knowsNothing} is true when no concept of the question
 * was ever learned; the text then says so plainly instead of guessing.
 */
public record GroundedAnswer(
    String question, List<ConceptMatch> seeds, List<Association> associations, List<String> facts,
    String text, boolean knowsNothing) {

  /** Most facts quoted in a composed answer. */
  public static final int MAX_FACTS = 6;

  /**
   * Composes the answer: the facts about the seed concepts themselves first (direct triples), then the
   * triples behind the strongest associations, each stated once, as "Subject relation object."
   */
  public static GroundedAnswer compose(KnowledgeGraph graph, String question, List<ConceptMatch> seeds,
      List<Association> associations) {
    List<ConceptMatch> strong = new ArrayList<>();
    for (ConceptMatch m : seeds) {
      if (m.named()) {
        strong.add(m);
      }
    }
    if (seeds.isEmpty()) {
      return new GroundedAnswer(question, seeds, associations, List.of(),
          "I have not learned anything about that.", true);
    }
    List<String> facts = new ArrayList<>();
    HashSet<Integer> used = new HashSet<>();
    // triples behind the top associations, in rank order, preferring those touching a seed
    for (Association a : associations) {
      if (facts.size() >= MAX_FACTS) {
        break;
      }
      for (int t : a.triples()) {
        if (facts.size() >= MAX_FACTS) {
          break;
        }
        if (KnowledgeGraph.isStructural(graph.tripleRelation(t))) {
          continue;
        }
        if (used.add(t)) {
          facts.add(sentence(graph.tripleText(t)));
        }
      }
    }
    if (facts.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (ConceptMatch m : strong.isEmpty() ? seeds : strong) {
        if (names.length() > 0) {
          names.append(", ");
        }
        names.append(m.name());
      }
      return new GroundedAnswer(question, seeds, associations, facts,
          "I know of " + names + ", but nothing I learned connects it to anything else.", false);
    }
    StringBuilder text = new StringBuilder("From what I learned: ");
    for (int i = 0; i < facts.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(facts.get(i));
    }
    return new GroundedAnswer(question, seeds, associations, facts, text.toString(), false);
  }

  private static String sentence(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}
