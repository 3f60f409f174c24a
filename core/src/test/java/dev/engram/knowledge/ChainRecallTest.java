package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainRecallTest {

  /** a - b - c - d - e - f - g - h: a chain of seven hops. */
  private static KnowledgeGraph chain() {
    KnowledgeGraph g = new KnowledgeGraph();
    String[] n = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    for (int i = 0; i + 1 < n.length; i++) {
      g.add(new Triple(n[i], "feeds", n[i + 1]), "chain");
    }
    return g;
  }

  private static List<String> names(RecallResult r) {
    List<String> out = new ArrayList<>();
    for (Association a : r.associations()) {
      out.add(a.name());
    }
    return out;
  }

  @Test
  void followsTheChainUpToSixHopsWithDecayingStrength() {
    RecallParams p = new RecallParams(6, 12, 0.9, 1.0, 0.0, 0.0001, 20, 0.0, 1.0, 0.0);
    RecallResult r = new ChainRecall(chain(), p).recall("Tell me about alpha");
    assertEquals(List.of("bravo", "charlie", "delta", "echo", "foxtrot", "golf"), names(r),
        "six hops reach golf, not hotel; the seed itself is not an answer");
    for (int i = 1; i < r.associations().size(); i++) {
      assertTrue(r.associations().get(i).strength() < r.associations().get(i - 1).strength());
      assertEquals(i + 1, r.associations().get(i).hops());
    }
    Association golf = r.associations().get(5);
    assertEquals("foxtrot", chain().name(golf.via()));
    assertEquals(1, golf.triples().size());
  }

  @Test
  void strongerEdgesRankFirstAndFanOutCutsTheWeakest() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("mill", "grinds", "barley"), "t");
    g.add(new Triple("mill", "grinds", "barley"), "t");
    g.add(new Triple("mill", "grinds", "barley"), "t");
    g.add(new Triple("mill", "grinds", "rye"), "t");
    g.add(new Triple("mill", "has", "roof"), "t");
    RecallParams p = new RecallParams(6, 2, 0.7, 1.0, 0.5, 0.01, 20, 0.0, 1.0, 0.0);
    RecallResult r = new ChainRecall(g, p).recall("the mill");
    assertEquals("barley", r.associations().get(0).name());
    assertEquals(2, r.associations().size(), "fanOut 2: only the two strongest edges are followed");
  }

  @Test
  void theQuestionsVerbFavoursItsEdges() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("mill", "has", "roof"), "t");
    g.add(new Triple("mill", "grinds", "rye"), "t");
    RecallResult r = new ChainRecall(g, RecallParams.DEFAULT).recall("What does the mill grind?");
    assertEquals("rye", r.associations().get(0).name());
    assertTrue(r.associations().get(0).strength() > r.associations().get(1).strength());
  }

  @Test
  void aConceptTiedToTwoMentionsOutranksOneTiedToOne() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("thornbees", "make", "smoke honey"), "bees");
    g.add(new Triple("bakers", "buy", "smoke honey"), "bread");
    g.add(new Triple("thornbees", "visit", "orchid"), "bees");
    g.add(new Triple("bakers", "heat", "ovens"), "bread");
    RecallParams p = new RecallParams(6, 12, 0.7, 1.0, 0.5, 0.01, 20, 0.0, 1.0, 0.0);
    RecallResult r = new ChainRecall(g, p).recall("What links thornbees and bakers?");
    assertEquals("smoke honey", r.associations().get(0).name());
  }

  @Test
  void unknownQuestionsKnowNothing() {
    RecallResult r = new ChainRecall(chain(), RecallParams.DEFAULT).recall("What is a lighthouse?");
    assertTrue(r.knowsNothing());
    assertTrue(r.associations().isEmpty());
    assertFalse(new ChainRecall(chain(), RecallParams.DEFAULT).recall("alpha?").knowsNothing());
  }

  @Test
  void parametersAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new RecallParams(0, 12, 0.7, 1.0, 0.5, 0.01, 20, 1.0, 0.6, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new RecallParams(6, 12, 1.5, 1.0, 0.5, 0.01, 20, 1.0, 0.6, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new RecallParams(6, 12, 0.7, 1.0, 0.5, 0.01, 20, 1.0, 0.0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new ChainRecall(null, RecallParams.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new ChainRecall(chain(), RecallParams.DEFAULT).recall(null));
  }
}
