package dev.engram.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.memory.MemoryConfig;
import org.junit.jupiter.api.Test;

/**
 * The bridge's flattening on the JVM, against a separate {@link Engram} fed the same facts: what the
 * npm layer unflattens must be exactly the record core returned. (Each test uses its own scope: the
 * bridge's memory is static.)
 */
class BridgeTest {
  private static final String[] FACTS = {
    "The owner of Aurora is Kim Lee.", "The manager of Kim Lee is Ana Ruiz.", "The timezone of Ana Ruiz is UTC+1."
  };

  private static Engram twin(String scope) {
    Engram engram = new Engram();
    engram.observeMany(scope, FACTS);
    Bridge.observeMany(scope, FACTS);
    return engram;
  }

  @Test
  void recallValueIsValueFactAndLastConfidence() {
    Engram engram = twin("bridge:answer");
    for (String q : new String[] {"who is the owner of Aurora?", "what is the api key?"}) {
      Answer want = engram.recallValue("bridge:answer", q);
      String[] got = Bridge.recallValue("bridge:answer", q);
      assertArrayEquals(new String[] {want.value(), want.fact()}, got);
      assertEquals(want.confidence(), Bridge.lastConfidence());
    }
  }

  @Test
  void chainIsValueThenPath() {
    Engram engram = twin("bridge:chain");
    for (String expr : new String[] {"Aurora -> owner -> manager -> timezone", "Aurora -> owner -> favorite tea"}) {
      Chain want = engram.chain("bridge:chain", expr);
      String[] got = Bridge.chain("bridge:chain", expr);
      assertEquals(want.value(), got[0]);
      assertArrayEquals(want.path(), java.util.Arrays.copyOfRange(got, 1, got.length));
    }
  }

  @Test
  void limitsAreCoresInTheDocumentedOrder() {
    assertArrayEquals(
        new int[] {
          Limits.MAX_SCOPE_CHARS, Limits.MAX_TEXT_CHARS, Limits.MAX_BATCH, Limits.MAX_QUESTION_CHARS, Limits.MAX_K,
          Limits.MAX_VAR_NAME_CHARS, Limits.MAX_VAR_VALUE_CHARS
        },
        Bridge.limits());
  }

  @Test
  void pagesAreNextThenFourStringsPerItemWithIdsAndNumbersAside() {
    long t0 = 1_767_225_600_000L;
    Engram engram = new Engram(MemoryConfig.DEFAULT, () -> t0 + 3 * 24 * 3600 * 1000L);
    engram.observeMany("bridge:page", FACTS);
    Bridge.setClock(t0);
    try {
      Bridge.observeMany("bridge:page", FACTS);
      Bridge.setClock(t0 + 3 * 24 * 3600 * 1000L);
      RecallPage want = engram.recallPage("bridge:page", "Kim Lee", 1, null);
      String[] got = Bridge.recallPage("bridge:page", "Kim Lee", 1, null);
      assertEquals(1 + 4 * want.items().length, got.length);
      assertEquals(want.next(), got[0]);
      for (int i = 0; i < want.items().length; i++) {
        Recalled r = want.items()[i];
        assertArrayEquals(new String[] {r.text(), r.kind(), r.value(), r.why()}, java.util.Arrays.copyOfRange(got, 1 + 4 * i, 5 + 4 * i));
        assertEquals(r.id(), Bridge.lastIds()[i]);
        assertEquals(r.score(), Bridge.lastNumbers()[2 * i]);
        assertEquals(r.strength(), Bridge.lastNumbers()[2 * i + 1]);
      }
      // Recalling reinforced the fact at the pinned time on both sides, so strength moves in step.
      Recalled again = engram.recallScored("bridge:page", "Kim Lee", 1)[0];
      Bridge.recallScored("bridge:page", "Kim Lee", 1);
      assertEquals(again.strength(), Bridge.lastNumbers()[1]);
    } finally {
      Bridge.useWallClock();
    }
  }

  @Test
  void varsAreSortedPairsAndStatsSixCounts() {
    Bridge.setVar("bridge:vars", "9", "nine");
    Bridge.setVar("bridge:vars", "10", "ten");
    assertArrayEquals(new String[] {"10", "ten", "9", "nine"}, Bridge.vars("bridge:vars"));
    assertArrayEquals(new double[] {1, 0, 0, 0, 0, 2}, Bridge.stats("bridge:vars"));
  }

  @Test
  void clockAndShellRefuseWhatCoreCannotTake() {
    assertThrows(IllegalArgumentException.class, () -> Bridge.setClock(-1));
    assertThrows(IllegalArgumentException.class, () -> Bridge.setClock(0.5));
    assertThrows(IllegalArgumentException.class, () -> Bridge.setClock(Double.NaN));
    assertEquals("line is required", assertThrows(IllegalArgumentException.class, () -> Bridge.shell("s", null)).getMessage());
    assertEquals("stored 1", Bridge.shell("bridge:shell", "The sky is blue."));
  }

  @Test
  void errorsAreCoresExceptionsUnchanged() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bridge.recall("bridge:err", "q", 0));
    assertEquals(assertThrows(IllegalArgumentException.class, () -> new Engram().recall("x", "q", 0)).getMessage(), e.getMessage());
  }
}
