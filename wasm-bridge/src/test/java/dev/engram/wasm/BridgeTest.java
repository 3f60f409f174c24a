package dev.engram.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
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
        new int[] {Limits.MAX_SCOPE_CHARS, Limits.MAX_TEXT_CHARS, Limits.MAX_BATCH, Limits.MAX_QUESTION_CHARS, Limits.MAX_K},
        Bridge.limits());
  }

  @Test
  void errorsAreCoresExceptionsUnchanged() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bridge.recall("bridge:err", "q", 0));
    assertEquals(assertThrows(IllegalArgumentException.class, () -> new Engram().recall("x", "q", 0)).getMessage(), e.getMessage());
  }
}
