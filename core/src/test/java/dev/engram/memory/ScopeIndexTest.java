package dev.engram.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The cue index answers membership and lookups exactly as a plain set would, whatever the spread. */
class ScopeIndexTest {
  private static final long SEED = Long.getLong("engram.test.seed", System.nanoTime());

  private static String rerun() {
    return "seed " + SEED + "; rerun: mvn -q -B -pl core -am test -Dtest=ScopeIndexTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.test.seed=" + SEED;
  }

  @Test
  void postingsAnswerLikeASet() {
    Random random = new Random(SEED);
    ScopeIndex index = new ScopeIndex();
    // Four words at different rates and spreads (steady, bursty, one fact, every fact) plus a unique
    // word per fact, over 3,000 facts.
    String[] words = {"steady", "bursty", "once", "always"};
    java.util.List<TreeSet<Integer>> expected = new java.util.ArrayList<>();
    for (int w = 0; w < words.length; w++) {
      expected.add(new TreeSet<>());
    }
    int facts = 3000;
    int onceAt = random.nextInt(facts);
    for (int f = 0; f < facts; f++) {
      String[] stems = new String[6];
      int n = 0;
      boolean burst = (f / 200) % 5 == 0;
      boolean[] has = {random.nextInt(7) == 0, burst && random.nextInt(2) == 0, f == onceAt, true};
      for (int w = 0; w < words.length; w++) {
        if (has[w]) {
          stems[n++] = words[w];
          expected.get(w).add(f);
        }
      }
      stems[n++] = "id" + f;
      index.add("fact " + f, stems, n, NoteKind.FACT);
    }
    for (int w = 0; w < words.length; w++) {
      int term = index.term(TermHash.of(words[w]));
      assertEquals(expected.get(w).size(), index.size(term), words[w] + "; " + rerun());
      for (int f = 0; f < facts; f++) {
        assertEquals(expected.get(w).contains(f), index.contains(term, f), words[w] + " fact " + f + "; " + rerun());
      }
      int p = 0;
      for (int f : expected.get(w)) {
        assertEquals(f, index.posting(term, p++), words[w] + "; " + rerun());
      }
    }
    for (int f = 0; f < facts; f += 1 + random.nextInt(50)) {
      int term = index.term(TermHash.of("id" + f));
      assertEquals(1, index.size(term), rerun());
      assertEquals(f, index.posting(term, 0), rerun());
    }
    assertEquals(-1, index.term(TermHash.of("never-seen")), rerun());
    assertEquals(words.length + facts, index.termCount(), rerun());
  }

  @Test
  void anImageLoadsBackToTheSameIndex() {
    ScopeIndex index = new ScopeIndex();
    for (int f = 0; f < 500; f++) {
      index.add("fact " + f, new String[] {"w" + (f % 7), "id" + f}, 2, NoteKind.FACT);
    }
    ScopeImage image = index.image();
    ScopeIndex copy = ScopeIndex.fromImage(image);
    for (int w = 0; w < 7; w++) {
      int a = index.term(TermHash.of("w" + w));
      int b = copy.term(TermHash.of("w" + w));
      assertEquals(index.size(a), copy.size(b));
      for (int f = 0; f < 500; f++) {
        assertEquals(index.contains(a, f), copy.contains(b, f));
      }
    }
    assertEquals(7, copy.term(TermHash.of("id7")) - ScopeIndex.SINGLE);
    assertEquals(java.util.Arrays.toString(image.termKeys()), java.util.Arrays.toString(copy.image().termKeys()));
  }
}
