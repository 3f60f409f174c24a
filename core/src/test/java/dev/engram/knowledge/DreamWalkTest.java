package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DreamWalkTest {

  @Test
  void sameSeedSameDreamAndNoConceptTwice() {
    KnowledgeBase kb = TopicCorpus.learnAll();
    long seed = TestSeeds.seed();
    List<DreamWalk.Step> a = kb.dream("lantern eels", 12, seed);
    List<DreamWalk.Step> b = kb.dream("lantern eels", 12, seed);
    assertEquals(a, b, TestSeeds.rerun("DreamWalkTest", seed));
    assertTrue(!a.isEmpty() && a.size() <= 12, TestSeeds.rerun("DreamWalkTest", seed));
    Set<Integer> seen = new HashSet<>();
    seen.add(a.get(0).from());
    for (int i = 0; i < a.size(); i++) {
      DreamWalk.Step s = a.get(i);
      assertTrue(seen.add(s.to()), "revisited " + s.toName() + "; " + TestSeeds.rerun("DreamWalkTest", seed));
      if (i > 0) {
        assertEquals(a.get(i - 1).to(), s.from(), "steps chain");
      }
      assertTrue(kb.graph().edgeBetween(s.from(), s.to()) >= 0, "every step follows a learned edge");
      assertTrue(!s.triple().isEmpty());
    }
  }

  @Test
  void differentSeedsWander() {
    KnowledgeBase kb = TopicCorpus.learnAll();
    Set<String> dreams = new HashSet<>();
    for (long seed = 1; seed <= 8; seed++) {
      dreams.add(kb.dream(null, 6, seed).toString());
    }
    assertTrue(dreams.size() > 1, "eight seeds gave one dream");
  }

  @Test
  void badArgumentsAreRefused() {
    KnowledgeBase kb = new KnowledgeBase();
    assertTrue(kb.dream(null, 5, 1).isEmpty(), "an empty graph dreams nothing");
    kb.learn("t", "The mill grinds barley.", SourceText.Format.PLAIN);
    assertThrows(IllegalArgumentException.class, () -> kb.dream("mill", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> kb.dream("mill", 65, 1));
    assertThrows(IllegalArgumentException.class, () -> kb.dream("lighthouse", 5, 1));
  }
}
