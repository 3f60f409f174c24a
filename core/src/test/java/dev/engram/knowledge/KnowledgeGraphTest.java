package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeGraphTest {

  @Test
  void repetitionStrengthensTheEdgeAndCountsTheTriple() {
    KnowledgeGraph g = new KnowledgeGraph();
    int t1 = g.add(new Triple("Halvard encoding", "compresses", "the spindle cache"), "Halvard");
    int t2 = g.add(new Triple("halvard encoding", "compresses", "spindle caches"), "Halvard");
    assertEquals(t1, t2, "same statement, same topic: one triple");
    assertEquals(2, g.tripleRepeats(t1));
    int e = g.edgeBetween(g.find("Halvard encoding"), g.find("spindle cache"));
    assertEquals(2f, g.weight(e));
    assertEquals("Halvard encoding compresses spindle cache", g.tripleText(t1));
  }

  @Test
  void provenanceIsPerTopic() {
    KnowledgeGraph g = new KnowledgeGraph();
    int a = g.add(new Triple("Velmora", "sells", "glass bells"), "Velmora bells");
    int b = g.add(new Triple("Velmora", "sells", "glass bells"), "Knotball");
    assertTrue(a != b, "the same statement learned in another topic is another triple");
    assertEquals("Velmora bells", g.topicName(g.tripleTopic(a)));
    assertEquals("Knotball", g.topicName(g.tripleTopic(b)));
    int velmora = g.find("velmora");
    assertArrayEquals(new int[] {0, 1}, g.topicsOf(velmora));
    int e = g.edgeBetween(velmora, g.find("glass bell"));
    assertEquals(2, g.triplesOn(e).length);
    assertEquals(2f, g.weight(e), "both learnings strengthen the one association");
  }

  @Test
  void compoundNamesAreTiedToTheirParts() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("the main prey of the quillfin heron", "is", "lantern eel"), "t");
    int whole = g.find("main prey of the quillfin heron");
    int heron = g.find("quillfin heron");
    int prey = g.find("main prey");
    assertTrue(heron >= 0 && prey >= 0);
    int e = g.edgeBetween(whole, heron);
    assertTrue(e >= 0);
    assertEquals(KnowledgeGraph.PART_RELATION, g.tripleRelation(g.triplesOn(e)[0]));
    assertTrue(g.edgeBetween(heron, g.find("heron")) >= 0, "quillfin heron -> heron");
  }

  @Test
  void statementsAboutThemselvesAndEmptyPhrasesAreSkipped() {
    KnowledgeGraph g = new KnowledgeGraph();
    assertEquals(-1, g.add(new Triple("the bells", "are", "bell"), "t"));
    assertEquals(-1, g.add(new Triple("the", "is", "bell"), "t"));
    assertThrows(IllegalArgumentException.class, () -> new Triple("a", " ", "b"));
    assertThrows(IllegalArgumentException.class, () -> g.topic(" "));
  }

  @Test
  void aliasesNameTheSameConceptAndNeverMergeTwo() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("salt caves", "shelter", "the herd"), "t");
    int caves = g.alias("White Halls", "salt caves");
    assertEquals(caves, g.find("the white halls"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.alias("herd", "salt caves"));
    assertTrue(e.getMessage().contains("already names"), e.getMessage());
  }

  @Test
  void questionsMatchExactlyWithTyposAndByContainedWords() {
    KnowledgeGraph g = new KnowledgeGraph();
    g.add(new Triple("lantern eels", "eat", "brineweed"), "eels");
    g.add(new Triple("famous bread of Kettlemark", "is", "ember bread"), "bread");
    List<ConceptMatch> m = g.match("What do lantern eels eat?");
    assertEquals("lantern eels", m.get(0).name());
    assertEquals(ConceptMatch.Kind.EXACT, m.get(0).kind());

    List<ConceptMatch> typo = g.match("what do lantren eels eat");
    assertTrue(typo.stream().anyMatch(x -> x.concept() == g.find("lantern eel") && x.kind() != ConceptMatch.Kind.PARTIAL),
        "typo within budget: " + typo);

    List<ConceptMatch> contained = g.match("What bread is Kettlemark famous for?");
    assertTrue(contained.stream().anyMatch(x -> x.concept() == g.find("famous bread of kettlemark")
        && x.kind() == ConceptMatch.Kind.CONTAINED), contained.toString());

    assertTrue(g.match("How tall is the lighthouse?").isEmpty());
  }
}
