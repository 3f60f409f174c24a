package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecallMergerTest {

  private static KnowledgeGraph graph() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("Halvard encoding", "compresses", "spindle cache"), "Halvard");
    g.add(new Triple("Halvard encoding", "uses", "braid transform"), "Halvard");
    g.add(new Triple("Halvard encoding", "stores", "residual sketch"), "Halvard");
    g.add(new Triple("Pell quantization", "uses", "random rotation"), "Pell");
    return g;
  }

  private static Map<String, Association> byName(List<Association> list) {
    Map<String, Association> m = new HashMap<>();
    for (Association a : list) {
      m.put(a.name(), a);
    }
    return m;
  }

  @Test
  void tagsSayWhereEachAssociationCameFrom() {
    KnowledgeGraph g = graph();
    RecallResult graphResult = new ChainRecall(g, RecallParams.DEFAULT).recall("How does Halvard encoding work?");
    SpikingRecallTestDouble spiking = new SpikingRecallTestDouble()
        .activate("spindle cache", 9, 1)          // graph and spiking above control
        .activate("braid transform", 1.2, 1)      // graph, spiking at control level: not confirmation
        .activate("random rotation", 6, 1)        // spiking only, above control
        .activate("sign flips", 1.1, 1)           // spiking only, noise
        .predict("codebook", 5, 1)                // predictive region, above control
        .activate("Halvard encoding", 20, 1);     // the seed itself
    RecallMerger.Merged merged = new RecallMerger(g, MergeParams.DEFAULT).recall(graphResult, spiking);
    Map<String, Association> m = byName(merged.associations());

    assertEquals(List.of(List.of("Halvard encoding")), spiking.calls, "spiking is seeded with the question's concepts");
    assertEquals(Tag.CONFIRMED, m.get("spindle cache").tag());
    assertEquals(Tag.EXPLICIT, m.get("braid transform").tag());
    assertEquals(Tag.EXPLICIT, m.get("residual sketch").tag());
    assertEquals(Tag.EMERGENT, m.get("random rotation").tag());
    assertEquals(Tag.PREDICTED, m.get("codebook").tag());
    assertEquals(-1, m.get("codebook").concept(), "a concept only the spiking side knows");
    assertNull(m.get("sign flips"), "below control: dropped");
    assertNull(m.get("Halvard encoding"), "the seed is the question, not an answer");
    assertEquals(2, merged.belowControl(), "sign flips and braid transform were at control level");
    assertEquals("spindle cache", merged.associations().get(0).name(), "confirmed outranks the rest");
    assertTrue(m.get("random rotation").triples().isEmpty(), "emergent associations carry no triples");
    assertEquals(9.0, m.get("spindle cache").spikingActivation());
  }

  @Test
  void withoutSpikingEverythingIsExplicitInGraphOrder() {
    KnowledgeGraph g = graph();
    RecallResult graphResult = new ChainRecall(g, RecallParams.DEFAULT).recall("How does Halvard encoding work?");
    RecallMerger.Merged merged = new RecallMerger(g, MergeParams.DEFAULT).recall(graphResult, null);
    assertEquals(graphResult.associations().size(), merged.associations().size());
    Map<String, Association> graphSide = byName(graphResult.associations());
    for (int i = 0; i < merged.associations().size(); i++) {
      Association a = merged.associations().get(i);
      assertEquals(Tag.EXPLICIT, a.tag());
      assertTrue(graphSide.containsKey(a.name()));
      if (i > 0) {
        assertTrue(a.strength() <= merged.associations().get(i - 1).strength(), "ranked by merged strength");
      }
    }
    assertEquals(0, merged.belowControl());
  }

  @Test
  void aQuestionWithNoKnownConceptDoesNotRunSpiking() {
    KnowledgeGraph g = graph();
    RecallResult graphResult = new ChainRecall(g, RecallParams.DEFAULT).recall("What is a lighthouse?");
    SpikingRecallTestDouble spiking = new SpikingRecallTestDouble().activate("spindle cache", 9, 1);
    RecallMerger.Merged merged = new RecallMerger(g, MergeParams.DEFAULT).recall(graphResult, spiking);
    assertTrue(merged.associations().isEmpty());
    assertTrue(spiking.calls.isEmpty());
  }

  @Test
  void emergentNeedsStatedSignificanceNotJustOneComparison() {
    KnowledgeGraph g = graph();
    RecallResult graphResult = new ChainRecall(g, RecallParams.DEFAULT).recall("What does Halvard encoding compress?");
    SpikingRecallTestDouble spiking = new SpikingRecallTestDouble()
        .raw(new SpikingRecall.SpikingActivation("one comparison", 9, 1, true, false))          // p = 1
        .raw(new SpikingRecall.SpikingActivation("weak evidence", 9, 1, true, false, 19, 3))    // p = 0.2
        .raw(new SpikingRecall.SpikingActivation("strong evidence", 9, 1, true, false, 99, 0)); // p = 0.01
    RecallMerger.Merged merged = new RecallMerger(g, MergeParams.DEFAULT).recall(graphResult, spiking);
    List<String> emergent = new ArrayList<>();
    for (Association a : merged.associations()) {
      if (a.tag() == Tag.EMERGENT) {
        emergent.add(a.name());
      }
    }
    assertEquals(List.of("strong evidence"), emergent);
    assertEquals(2, merged.belowControl());
    assertEquals(0.05, new SpikingRecall.SpikingActivation("x", 1, 0, true, false, 19, 0).pValue(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new SpikingRecall.SpikingActivation("x", 1, 0, true, false, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> new MergeParams(1, 0.5, 0.4, 20, 0));
  }

  @Test
  void badSpikingOutputIsRejectedClearly() {
    assertThrows(IllegalArgumentException.class, () -> new SpikingRecall.SpikingActivation("x", -1, 0, false, false));
    assertThrows(IllegalArgumentException.class, () -> new SpikingRecall.SpikingActivation(" ", 1, 0, true, false));
    assertThrows(IllegalArgumentException.class, () -> new MergeParams(0, 0.5, 0.4, 20));
    KnowledgeGraph g = graph();
    RecallResult graphResult = new ChainRecall(g, RecallParams.DEFAULT).recall("Halvard encoding");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RecallMerger(g, MergeParams.DEFAULT).recall(graphResult, (seeds, limit) -> null));
    assertTrue(e.getMessage().contains("null"));
  }
}
