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

  /** Issue 9's cross-topic target (0.70), met on this tuned set since 2026-11-23 afternoon (18/25; 13/25
   * that morning); NOT met on the held-out sets, see {@link #heldOutRecallAtFive}. The floor is the measured
   * value, so that a regression fails. */
  static final double CROSS_FLOOR = 0.72;

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

  /**
   * The three recall@5 figures issue 9 asks for, for any spiking recall: graph only, spiking only
   * (its activations above control, strongest first) and merged, plus how many of the [emergent]
   * associations in merged top-5 lists were expected concepts. The spiking package runs this with its
   * real implementation; here it runs with the test double.
   */
  record Comparison(Score graph, Score spiking, Score merged, int emergentShown, int emergentRelevant) {}

  static Comparison compare(KnowledgeBase kb, List<TopicCorpus.Question> questions, String kind, SpikingRecall spiking) {
    int[] g = new int[2];
    int[] s = new int[2];
    int[] m = new int[2];
    int emergentShown = 0;
    int emergentRelevant = 0;
    for (TopicCorpus.Question q : questions) {
      if (!q.kind().equals(kind)) {
        continue;
      }
      RecallResult graphResult = kb.recall(q.text());
      List<Association> graphTop = top(graphResult.associations());
      List<String> spikeTop = new java.util.ArrayList<>();
      List<String> seeds = RecallMerger.seedNames(graphResult);
      if (!seeds.isEmpty()) {
        List<SpikingRecall.SpikingActivation> acts = new java.util.ArrayList<>(spiking.recall(seeds, 40));
        acts.removeIf(a -> !a.beatsControl());
        acts.sort((a, b) -> Double.compare(b.activation(), a.activation()));
        for (SpikingRecall.SpikingActivation a : acts) {
          if (spikeTop.size() < K) {
            spikeTop.add(a.concept());
          }
        }
      }
      List<Association> mergedTop = top(kb.ask(q.text(), spiking).associations());
      for (String e : q.expected()) {
        g[1]++;
        s[1]++;
        m[1]++;
        g[0] += anySatisfies(kb, graphTop, e) ? 1 : 0;
        m[0] += anySatisfies(kb, mergedTop, e) ? 1 : 0;
        for (String name : spikeTop) {
          if (TopicCorpus.satisfies(name, e)) {
            s[0]++;
            break;
          }
        }
      }
      for (Association a : mergedTop) {
        if (a.tag() == Tag.EMERGENT) {
          emergentShown++;
          for (String e : q.expected()) {
            if (TopicCorpus.satisfies(a.name(), e)) {
              emergentRelevant++;
              break;
            }
          }
        }
      }
    }
    return new Comparison(new Score(g[0], g[1]), new Score(s[0], s[1]), new Score(m[0], m[1]), emergentShown, emergentRelevant);
  }

  private static List<Association> top(List<Association> all) {
    return all.subList(0, Math.min(K, all.size()));
  }

  private static boolean anySatisfies(KnowledgeBase kb, List<Association> top, String expected) {
    for (Association a : top) {
      if (TopicCorpus.satisfies(a.name(), expected)) {
        return true;
      }
      for (String alias : a.concept() >= 0 ? kb.graph().aliasesOf(a.concept()) : List.<String>of()) {
        if (TopicCorpus.satisfies(alias, expected)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aSilentSpikingSideLeavesGraphRecallUnchanged() {
    KnowledgeBase kb = TopicCorpus.learnAll();
    SpikingRecallTestDouble silent = new SpikingRecallTestDouble();
    for (String kind : new String[] {"single", "cross"}) {
      Comparison c = compare(kb, TopicCorpus.questions(), kind, silent);
      assertTrue(c.graph().hits() == c.merged().hits() && c.graph().expected() == c.merged().expected(),
          kind + ": graph " + c.graph() + " merged " + c.merged());
      assertTrue(c.spiking().hits() == 0 && c.emergentShown() == 0, kind + ": " + c);
    }
  }

  /** Floors for the held-out set: its first measured values (4/7 single, 2/7 cross, 2026-11-23), for regressions only;
   * below the issue targets, and reported as such. */
  static final double HELD_OUT_SINGLE_FLOOR = 0.57;
  static final double HELD_OUT_CROSS_FLOOR = 0.28; // 2/7 (1/7 in the afternoon)

  /** Second held-out set: written before the afternoon's recall changes and never inspected while tuning
   * until the evening, so this test prints only the totals (run with -Dheldout2.misses=true to see the
   * misses). Floors are for regressions only. */
  static final double HELD_OUT2_SINGLE_FLOOR = 0.90;
  static final double HELD_OUT2_CROSS_FLOOR = 0.33; // 6/12 in the afternoon, 4-5/12 with the evening's sets learned
  // beside it, 4/12 after the evening's extractor work (object-gap relatives, WordNet verbs), which
  // raised the third set from 8/14 + 5/12 to 11/14 + 6/12 (see docs/KNOWLEDGE.md)

  /** Third held-out set (a development set since its misses were read; see its topics.tsv header). */
  static final double HELD_OUT3_SINGLE_FLOOR = 0.78;
  static final double HELD_OUT3_CROSS_FLOOR = 0.58;

  /** Fourth held-out set: scored once blind (9/14, 5/14), the same as the morning's code scored. */
  static final double HELD_OUT4_SINGLE_FLOOR = 0.64;
  static final double HELD_OUT4_CROSS_FLOOR = 0.35;

  @Test
  void fourthHeldOutRecallAtFive() {
    Score[] s = heldOut("held-out-4", TopicCorpus.heldOut4Questions(), true, TopicCorpus.heldOutTopics(),
        TopicCorpus.heldOut2Topics(), TopicCorpus.heldOut3Topics(), TopicCorpus.heldOut4Topics());
    assertTrue(s[0].rate() >= HELD_OUT4_SINGLE_FLOOR, "held-out-4 single " + pct(s[0].rate()));
    assertTrue(s[1].rate() >= HELD_OUT4_CROSS_FLOOR, "held-out-4 cross " + pct(s[1].rate()));
  }

  @Test
  void heldOutRecallAtFive() {
    Score[] s = heldOut("held-out", TopicCorpus.heldOutQuestions(), true, TopicCorpus.heldOutTopics());
    assertTrue(s[0].rate() >= HELD_OUT_SINGLE_FLOOR, "held-out single " + pct(s[0].rate()));
    assertTrue(s[1].rate() >= HELD_OUT_CROSS_FLOOR, "held-out cross " + pct(s[1].rate()));
  }

  @Test
  void secondHeldOutRecallAtFive() {
    Score[] s = heldOut("held-out-2", TopicCorpus.heldOut2Questions(), Boolean.getBoolean("heldout2.misses"),
        TopicCorpus.heldOutTopics(), TopicCorpus.heldOut2Topics());
    assertTrue(s[0].rate() >= HELD_OUT2_SINGLE_FLOOR, "held-out-2 single " + pct(s[0].rate()));
    assertTrue(s[1].rate() >= HELD_OUT2_CROSS_FLOOR, "held-out-2 cross " + pct(s[1].rate()));
  }

  @Test
  void thirdHeldOutRecallAtFive() {
    Score[] s = heldOut("held-out-3", TopicCorpus.heldOut3Questions(), true,
        TopicCorpus.heldOutTopics(), TopicCorpus.heldOut2Topics(), TopicCorpus.heldOut3Topics());
    assertTrue(s[0].rate() >= HELD_OUT3_SINGLE_FLOOR, "held-out-3 single " + pct(s[0].rate()));
    assertTrue(s[1].rate() >= HELD_OUT3_CROSS_FLOOR, "held-out-3 cross " + pct(s[1].rate()));
  }

  /** The tuned corpus plus {@code extra} topic sets learned into one base; {single, cross} recall@5 on {@code qs}. */
  @SafeVarargs
  private static Score[] heldOut(String name, List<TopicCorpus.Question> qs, boolean print, List<TopicCorpus.Topic>... extra) {
    KnowledgeBase kb = TopicCorpus.learnAll();
    for (List<TopicCorpus.Topic> set : extra) {
      for (TopicCorpus.Topic t : set) {
        kb.learn(t.name(), t.text(), t.format());
      }
    }
    Score single = evaluate(kb, qs, "single", print);
    Score cross = evaluate(kb, qs, "cross", print);
    System.out.println(name + " graph-only recall@" + K + ": single-topic " + single.hits() + "/" + single.expected()
        + " = " + pct(single.rate()) + ", cross-topic " + cross.hits() + "/" + cross.expected() + " = " + pct(cross.rate()));
    return new Score[] {single, cross};
  }

  static String pct(double r) {
    return Math.round(r * 1000) / 10.0 + "%";
  }
}
