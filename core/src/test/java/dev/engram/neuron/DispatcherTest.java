package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final Dispatcher dispatcher = Dispatcher.shipped();

  @Test
  void storeObservesTheStatement() {
    Engram e = new Engram();
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "My sister lives in Ghent.");
    assertEquals(Route.STORE, d.route(), d.toString());
    assertEquals(1, e.size("u1"));
    assertEquals("My sister lives in Ghent.", d.value());
    assertTrue(d.confidence() > 0.5 && d.confidence() <= 1.0);
  }

  @Test
  void answerComesFromRecalledFact() {
    Engram e = new Engram();
    e.observe("u1", "The wifi password is tulip42.");
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "what's the wifi password?");
    assertEquals(Route.ANSWER, d.route(), d.toString());
    assertEquals(e.recallValue("u1", "what's the wifi password?").value(), d.value());
    assertTrue(d.facts().length >= 1);
  }

  @Test
  void liveQuestionFetchesEvenWithStoredHours() {
    Engram e = new Engram();
    e.observe("u1", "The gym is open 6am to 10pm.");
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "is the gym open right now?");
    assertEquals(Route.FETCH, d.route(), d.toString());
    assertNull(d.value());
  }

  @Test
  void openRequestEscalatesWithoutValue() {
    Engram e = new Engram();
    e.observe("u1", "My dog is called Rex.");
    Dispatcher.Decision d = Dispatcher.route(e, "u1", "Write a short poem about my dog Rex.");
    assertEquals(Route.ESCALATE, d.route(), d.toString());
    assertNull(d.value());
    assertEquals(1, e.size("u1"));
  }

  /** An ANSWER that memory cannot ground (recallValue abstains) must not be served as an answer. */
  @Test
  void ungroundedAnswerBecomesEscalate() {
    Engram e = new Engram();
    e.observe("u1", "My dentist appointment happens on the fourth.");
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "when is my dentist appointment?");
    assertTrue(d.route() != Route.ANSWER || d.value() != null, d.toString());
    if (e.recallValue("u1", "when is my dentist appointment?").value() == null) {
      assertEquals(Route.ESCALATE, d.route(), d.toString());
    }
  }

  @Test
  void rejectsBadInput() {
    Engram e = new Engram();
    assertThrows(IllegalArgumentException.class, () -> dispatcher.decide(null, "u1", "hi"));
    assertThrows(IllegalArgumentException.class, () -> dispatcher.decide(e, "u1", null));
    assertThrows(IllegalArgumentException.class, () -> dispatcher.decide(e, "u1", "   "));
    assertThrows(IllegalArgumentException.class, () -> dispatcher.decide(e, "", "hello"));
    assertThrows(IllegalArgumentException.class, () -> dispatcher.decide(e, "u1", "x".repeat(5000)));
  }
}
