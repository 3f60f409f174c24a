package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

  @Test
  void learnsATranscriptAndAnswersFromIt() {
    KnowledgeBase kb = new KnowledgeBase();
    List<String> progress = new ArrayList<>();
    KnowledgeBase.LearnReport r = kb.learn("Thornbees", TopicCorpus.resource("topics/thornbees.srt"),
        SourceText.Format.SRT, (chunk, chunks, triples) -> progress.add(chunk + "/" + chunks));
    assertTrue(r.sentences() >= 15 && r.triples() >= 15, r.toString());
    assertEquals(r.chunks(), progress.size());
    assertEquals(r.chunks() + "/" + r.chunks(), progress.get(progress.size() - 1));

    GroundedAnswer a = kb.ask("What do thornbees pollinate?");
    assertFalse(a.knowsNothing());
    assertEquals("frostcap orchid", a.associations().get(0).name());
    assertTrue(a.text().startsWith("From what I learned: "), a.text());
    assertTrue(a.text().contains("Thornbees pollinate frostcap orchid."), a.text());
    for (String fact : a.facts()) {
      assertFalse(fact.contains("(part of name)") || fact.contains("(same statement)"), fact);
    }
  }

  @Test
  void triplesExtractedElsewhereLearnExactlyLikeALearn() {
    String text = TopicCorpus.resource("topics/velmora-bells.txt");
    KnowledgeBase direct = new KnowledgeBase();
    direct.learn("Velmora bells", text, SourceText.Format.PLAIN);
    List<Triple> triples = KnowledgeBase.extract(new RuleExtractor(), "Velmora bells", text, SourceText.Format.PLAIN, null);
    KnowledgeBase viaTriples = new KnowledgeBase();
    viaTriples.learnTriples("Velmora bells", triples);
    assertEquals(direct.graph().conceptCount(), viaTriples.graph().conceptCount());
    assertEquals(direct.graph().tripleCount(), viaTriples.graph().tripleCount());
    assertEquals(direct.ask("What are Velmora bells cast from?").text(), viaTriples.ask("What are Velmora bells cast from?").text());
    assertThrows(IllegalArgumentException.class, () -> viaTriples.learnTriples(" ", triples));
    List<Triple> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> viaTriples.learnTriples("t", withNull));
  }

  @Test
  void saysPlainlyWhenItKnowsNothing() {
    KnowledgeBase kb = new KnowledgeBase();
    kb.learn("Mills", "The mill grinds barley.", SourceText.Format.PLAIN);
    GroundedAnswer a = kb.ask("Who built the lighthouse of Arvik?");
    assertTrue(a.knowsNothing());
    assertEquals("I have not learned anything about that.", a.text());
    assertTrue(a.associations().isEmpty());
  }

  @Test
  void aliasesFromTheTextNameTheSameConcept() {
    KnowledgeBase kb = new KnowledgeBase();
    KnowledgeBase.LearnReport r = kb.learn("Herders",
        "The salt caves, also called the White Halls, shelter the herd. The goats lick the salt walls of the caves.",
        SourceText.Format.PLAIN);
    assertEquals(1, r.aliases());
    assertEquals(kb.graph().find("salt caves"), kb.graph().find("White Halls"));
    assertEquals(List.of("White Halls"), kb.graph().aliasesOf(kb.graph().find("salt caves")));
    GroundedAnswer a = kb.ask("What do the White Halls shelter?");
    assertEquals("herd", a.associations().get(0).name());
  }

  @Test
  void spikingRecallIsMergedIntoTheAnswer() {
    KnowledgeBase kb = new KnowledgeBase();
    kb.learn("Milling", "The mill grinds barley.", SourceText.Format.PLAIN);
    SpikingRecallTestDouble spiking = new SpikingRecallTestDouble().activate("barley", 5, 1).activate("rye", 4, 1);
    GroundedAnswer a = kb.ask("What does the mill grind?", spiking);
    assertEquals(Tag.CONFIRMED, a.associations().get(0).tag());
    assertEquals(Tag.EMERGENT, a.associations().get(1).tag());
    assertEquals(List.of("Mill grinds barley."), a.facts(), "emergent concepts put no words in the answer");
  }

  @Test
  void arbitraryTextLearnsWithoutFailingAndAnswersStayGrounded() {
    long seed = TestSeeds.seed();
    java.util.Random r = new java.util.Random(seed);
    String[] vocab = {"the", "mill", "grinds", "barley", ",", "also", "called", "which", "is", "by", "(", ")",
        "it", "and", "bells", "are", "cast", "from", "glass", ".", "\n\n", "the the", "of", "known", "as", "?"};
    KnowledgeBase kb = new KnowledgeBase();
    for (int round = 0; round < 100; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(40); i > 0; i--) {
        sb.append(vocab[r.nextInt(vocab.length)]).append(' ');
      }
      String text = sb.toString();
      try {
        kb.learn("t" + (round % 3), text, SourceText.Format.PLAIN);
        GroundedAnswer a = kb.ask("What does the mill grind?");
        for (Association x : a.associations()) {
          assertTrue(x.tag() == Tag.EXPLICIT && x.strength() > 0, x + "; " + TestSeeds.rerun("KnowledgeBaseTest", seed));
        }
      } catch (RuntimeException e) {
        throw new AssertionError("'" + text + "' threw " + e + "; " + TestSeeds.rerun("KnowledgeBaseTest", seed), e);
      }
    }
  }

  @Test
  void inputIsCheckedUpFront() {
    KnowledgeBase kb = new KnowledgeBase();
    assertThrows(IllegalArgumentException.class, () -> kb.learn(" ", "x", SourceText.Format.PLAIN));
    assertThrows(IllegalArgumentException.class, () -> kb.learn("t", null, SourceText.Format.PLAIN));
    assertThrows(IllegalArgumentException.class, () -> kb.ask(" "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kb.learn("t", "x".repeat(KnowledgeBase.MAX_SOURCE_CHARS + 1), SourceText.Format.PLAIN));
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new KnowledgeBase(null, RecallParams.DEFAULT, MergeParams.DEFAULT));
  }

  @Test
  void anExtractorThatCannotRunFailsTheLearnLoudly() {
    TripleExtractor down = new TripleExtractor() {
      @Override
      public String name() {
        return "llm-test-double";
      }

      @Override
      public List<Triple> extract(String topic, List<String> sentences) {
        throw new ExtractionException("endpoint http://127.0.0.1:9/ refused the connection");
      }
    };
    KnowledgeBase kb = new KnowledgeBase(down, RecallParams.DEFAULT, MergeParams.DEFAULT);
    TripleExtractor.ExtractionException e = assertThrows(TripleExtractor.ExtractionException.class,
        () -> kb.learn("t", "The mill grinds barley.", SourceText.Format.PLAIN));
    assertTrue(e.getMessage().contains("refused"));
  }
}
