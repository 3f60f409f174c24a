package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a question is read before recall: which words are verbs, which seeds are one mention. */
class QuestionReadingTest {

  private static boolean[] verbs(String q) {
    return KnowledgeGraph.questionVerbPositions(ConceptNames.words(q));
  }

  @Test
  void verbsInQuestionsAreNotTakenForConcepts() {
    // what do quillfin herons hunt
    assertArrayEquals(new boolean[] {false, false, false, false, true}, verbs("What do quillfin herons hunt?"));
    // what lights the festival: a verb after "what" before a determiner
    assertArrayEquals(new boolean[] {false, true, false, false}, verbs("What lights the festival?"));
    // which birds return for it: "birds" follows a wh-determiner, so it is a noun; "return" is the verb
    assertArrayEquals(new boolean[] {false, false, true, false, false}, verbs("which birds return for it"));
    // a noun after a determiner stays a noun even where the lexicon knows the word as a verb
    assertArrayEquals(new boolean[] {false, false, false, false}, verbs("Where is the nest?"));
    // "-ing" names are not verbs
    assertArrayEquals(new boolean[] {false, false, false, false}, verbs("What is Halvard encoding?"));
  }

  @Test
  void adjacentNamedSeedsAreOneMentionAndPartialSeedsNeverBridgeTwo() {
    ConceptMatch knotball = new ConceptMatch(0, "Knotball", 1.0, ConceptMatch.Kind.EXACT, "knotball", 1L << 2);
    ConceptMatch players = new ConceptMatch(1, "players", 1.0, ConceptMatch.Kind.EXACT, "player", 1L << 3);
    ConceptMatch velmora = new ConceptMatch(2, "Velmora", 1.0, ConceptMatch.Kind.EXACT, "velmora", 1L << 7);
    // a partial seed sharing words with both "players" and "Velmora" must not join them
    ConceptMatch bridge = new ConceptMatch(3, "players of Velmora", 0.3, ConceptMatch.Kind.PARTIAL, "x", (1L << 3) | (1L << 7));
    int[] g = ChainRecall.mentionGroups(List.of(knotball, players, velmora, bridge));
    assertEquals(g[0], g[1]);
    assertNotEquals(g[1], g[2]);
    assertEquals(g[1], g[3]);
  }

  @Test
  void aConceptSharedByTwoMentionsOutranksOneTiedToOneMentionOnly() {
    // A and B are named; X hangs off both, Y only off A (with a stronger edge)
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("alder mill", "sells", "grey flour"), "t1");
    g.add(new Triple("alder mill", "sells", "oat bran"), "t1");
    g.add(new Triple("alder mill", "sells", "oat bran"), "t1");
    g.add(new Triple("birch bakery", "buys", "grey flour"), "t2");
    g.add(new Triple("birch bakery", "bakes", "rye loaf"), "t2");
    RecallResult r = new ChainRecall(g, RecallParams.DEFAULT).recall("What links the alder mill and the birch bakery?");
    assertEquals("grey flour", r.associations().get(0).name(), r.associations().toString());
  }
}
