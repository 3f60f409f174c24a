package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsOnEndMarksButNotAbbreviationsInitialsOrDecimals() {
    assertEquals(List.of("Dr. Pell wrote it, e.g. in 3.5 days.", "Did she?", "Yes!", "A. Pell did."),
        Sentences.split("Dr. Pell wrote it, e.g. in 3.5 days. Did she? Yes! A. Pell did."));
  }

  @Test
  void blankLinesEndSentencesAndWrappedLinesJoin() {
    assertEquals(List.of("A heading", "The mill grinds barley every day."),
        Sentences.split("A heading\n\nThe mill grinds\nbarley every day."));
  }

  @Test
  void unpunctuatedTranscriptsAreCutAtWordBoundaries() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("word ");
    }
    List<String> s = Sentences.split(sb.toString());
    assertTrue(s.size() > 1);
    for (String x : s) {
      assertTrue(x.length() <= Sentences.MAX_SENTENCE_CHARS, x.length() + " chars");
      assertTrue(!x.startsWith(" ") && !x.endsWith(" "));
    }
  }

  @Test
  void chunksKeepOrderAndRespectTheBudget() {
    List<String> s = List.of("aaaa.", "bbbb.", "cccc.", "a very long sentence beyond the budget.");
    List<List<String>> c = Sentences.chunks(s, 12);
    assertEquals(List.of(List.of("aaaa.", "bbbb."), List.of("cccc."), List.of("a very long sentence beyond the budget.")), c);
    assertThrows(IllegalArgumentException.class, () -> Sentences.chunks(s, 0));
    assertThrows(IllegalArgumentException.class, () -> Sentences.split(null));
  }
}
