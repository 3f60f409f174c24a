package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouterInputTest {
  private static final BpeTokenizer BYTES = new BpeTokenizer(new int[0], new int[0]);

  private static String channels(int[] packed) {
    StringBuilder b = new StringBuilder();
    for (int v : packed) {
      int id = v & 0xFFFF;
      if (id < 256) {
        b.append((char) id).append(v >>> 16);
      }
    }
    return b.toString();
  }

  @Test
  void layoutAndOverlapChannel() {
    int[] p = RouterInput.encode(BYTES, new String[] {"Dog is Rex"}, "How OLD is the dog?", 128);
    assertEquals(BpeTokenizer.BOS, p[0]);
    assertEquals(BpeTokenizer.FACT, p[1]);
    assertEquals(BpeTokenizer.CLS, p[p.length - 1]);
    String ch = channels(p);
    // fact: "dog" shared with the message, "is" a function word, "rex" not in the message (a word's
    // leading space belongs to its chunk, so it carries the word's channel)
    assertTrue(ch.startsWith("d1o1g1 0i0s0 2r2e2x2"), ch);
    // message: lower-cased; "old" is asked but in no fact
    assertTrue(ch.contains(" 2o2l2d2") && ch.contains(" 1d1o1g1?0"), ch);
  }

  @Test
  void stemsMatchInflections() {
    assertEquals(RouterInput.stem("lives"), RouterInput.stem(" live"));
    assertEquals(RouterInput.stem("meetings"), RouterInput.stem(" meeting"));
    assertEquals(null, RouterInput.stem(" the"));
    assertEquals("dentist", RouterInput.stem("dentist's"));
  }

  @Test
  void longInputsFitTheContextKeepingTheMessageEnd() {
    String longFact = "x".repeat(300);
    String longMsg = "y".repeat(200) + " end?";
    int[] p = RouterInput.encode(BYTES, new String[] {longFact, "second"}, longMsg, 64);
    assertEquals(64, p.length);
    assertEquals(BpeTokenizer.CLS, p[63]);
    assertEquals('?', p[62] & 0xFFFF);
    assertThrows(IllegalArgumentException.class, () -> RouterInput.encode(BYTES, null, null, 64));
  }
}
