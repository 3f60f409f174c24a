package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * recall@5 of the expected concepts over the invented-topic corpus, graph only (the spiking side is
 * merged later through {@link SpikingRecall}). Prints one line per kind and every miss with its top 5,
 * so a regression shows what recall returned instead.
 *
 * <p>Run: {@code mvn -q -B -pl core -am test -Dtest=RecallEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class RecallEvaluationTest {
  static final int K = 5;

  /** Issue 9's target for merged recall with no LLM; graph-only recall already meets it on single-topic questions. */
  static final double SINGLE_TARGET = 0.90;

  /** Issue 9's cross-topic target (0.70) is NOT met by graph-only recall; this floor is the measured
   * value (13/25 on 2026-11-23), kept so that a regression fails. Raise it as recall improves. */
  static final double CROSS_FLOOR = 0.52;

  record Score(int hits, int expected) {
    double rate() {
      return expected == 0 ? 0 : (double) hits / expected;
    }
  }

  static Score evaluate(KnowledgeBase kb, String kind, boolean print) {
    return evaluate(kb, TopicCorpus.questions(), kind, print);
  }

  static Score evaluate(KnowledgeBase kb, List<TopicCorpus.Question> questions, String kind, boolean print) {
    int hits = 0;
    int expected = 0;
    for (TopicCorpus.Question q : questions) {
      if (!q.kind().equals(kind)) {
        continue;
      }
      List<Association> top = kb.recall(q.text()).associations();
      top = top.subList(0, Math.min(K, top.size()));
      for (String e : q.expected()) {
        expected++;
        boolean found = false;
        for (Association a : top) {
          found |= TopicCorpus.satisfies(a.name(), e);
          // a concept learned under two names ("pigment in the alga, called orulin") is either name
          for (String alias : a.concept() >= 0 ? kb.graph().aliasesOf(a.concept()) : List.<String>of()) {
            found |= TopicCorpus.satisfies(alias, e);
          }
        }
        if (found) {
          hits++;
        } else if (print) {
          StringBuilder names = new StringBuilder();
          for (Association a : top) {
            names.append(" | ").append(a.name());
          }
          System.out.println("  miss [" + kind + "] " + q.text() + " -> want '" + e + "', top" + K + ":" + names);
        }
      }
    }
    return new Score(hits, expected);
  }

  @Test
  void graphRecallAtFive() {
    KnowledgeBase kb = TopicCorpus.learnAll();
    KnowledgeGraph g = kb.graph();
    System.out.println("corpus: " + g.topicCount() + " topics, " + g.conceptCount() + " concepts, "
        + g.edgeCount() + " associations, " + g.tripleCount() + " triples");
    Score single = evaluate(kb, "single", true);
    Score cross = evaluate(kb, "cross", true);
    System.out.println("graph-only recall@" + K + ": single-topic " + single.hits() + "/" + single.expected()
        + " = " + pct(single.rate()) + ", cross-topic " + cross.hits() + "/" + cross.expected() + " = " + pct(cross.rate()));
    assertTrue(single.rate() >= SINGLE_TARGET, "single-topic recall@5 " + pct(single.rate()) + " < " + pct(SINGLE_TARGET));
    assertTrue(cross.rate() >= CROSS_FLOOR, "cross-topic recall@5 " + pct(cross.rate()) + " < floor " + pct(CROSS_FLOOR));
  }

  /** Floors for the held-out set: its first measured values (4/7 single, 2/7 cross, 2026-11-23), for regressions only;
   * below the issue targets, and reported as such. */
  static final double HELD_OUT_SINGLE_FLOOR = 0.57;
  static final double HELD_OUT_CROSS_FLOOR = 0.28;

  @Test
  void heldOutRecallAtFive() {
    KnowledgeBase kb = TopicCorpus.learnAll();
    for (TopicCorpus.Topic t : TopicCorpus.heldOutTopics()) {
      kb.learn(t.name(), t.text(), t.format());
    }
    List<TopicCorpus.Question> qs = TopicCorpus.heldOutQuestions();
    Score single = evaluate(kb, qs, "single", true);
    Score cross = evaluate(kb, qs, "cross", true);
    System.out.println("held-out graph-only recall@" + K + ": single-topic " + single.hits() + "/" + single.expected()
        + " = " + pct(single.rate()) + ", cross-topic " + cross.hits() + "/" + cross.expected() + " = " + pct(cross.rate()));
    assertTrue(single.rate() >= HELD_OUT_SINGLE_FLOOR, "held-out single " + pct(single.rate()));
    assertTrue(cross.rate() >= HELD_OUT_CROSS_FLOOR, "held-out cross " + pct(cross.rate()));
  }

  static String pct(double r) {
    return Math.round(r * 1000) / 10.0 + "%";
  }
}
