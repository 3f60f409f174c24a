package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void aRequestForWorkIsNeverStored() {
    assertTrue(Dispatcher.isRequestForWork("Translate 'good evening' into Dutch."));
    assertTrue(Dispatcher.isRequestForWork("draft a reply to the landlord about the boiler"));
    assertFalse(Dispatcher.isRequestForWork("Write down that the boiler was fixed, and remember it."));
    assertFalse(Dispatcher.isRequestForWork("The boiler was fixed on Monday."));
    for (String request : new String[] {"Summarise the history of the bicycle in two sentences.",
        "Recommend a board game for four players.", "Translate 'good evening' into Dutch."}) {
      Engram e = new Engram();
      Dispatcher.Decision d = dispatcher.decide(e, "u1", request);
      assertTrue(d.route() != Route.STORE, d.toString());
      assertEquals(0, e.size("u1"), request + " was stored");
    }
  }

  @Test
  void aWhQuestionIsNeverStored() {
    assertTrue(Dispatcher.isWhQuestion("what was the name of that bakery in Lyon"));
    assertTrue(Dispatcher.isWhQuestion("and the staging box, which port is that on?"));
    assertFalse(Dispatcher.isWhQuestion("did I mention my cousin is getting married in June?"));
    assertFalse(Dispatcher.isWhQuestion("remember what the plumber said: the valve is new"));
    assertFalse(Dispatcher.isWhQuestion("My sister lives where the river bends."));
    Engram e = new Engram();
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "what was the name of that bakery in Lyon");
    assertTrue(d.route() != Route.STORE, d.toString());
    assertEquals(0, e.size("u1"));
  }

  @Test
  void aRequestForKnowHowIsNeverFetchedOrStored() {
    for (String q : new String[] {"how do I get rid of fruit flies in the kitchen", "Summarise the causes of the First World War.",
        "hey, what's the best way to learn to swim as an adult", "any tips for keeping a toddler busy on a long flight tonight",
        "which is better, rice or quinoa", "what should I cook tonight with leeks and potatoes"}) {
      assertTrue(Dispatcher.isKnowHow(q), q);
      Engram e = new Engram();
      Dispatcher.Decision d = dispatcher.decide(e, "u1", q);
      assertEquals(Route.ESCALATE, d.route(), d.toString());
      assertEquals(0, e.size("u1"), q + " was stored");
    }
    for (String q : new String[] {"how's the weather in Oslo right now", "how much is bitcoin today",
        "what's the score in the Arsenal game", "my dentist explained the x-ray", "do I need an umbrella today",
        "how does dad take his tea"}) {
      assertFalse(Dispatcher.isKnowHow(q), q);
    }
  }

  @Test
  void aLookupRequestIsNeverStored() {
    assertTrue(Dispatcher.isLookup("Check whether the ferry is cancelled this morning."));
    assertTrue(Dispatcher.isLookup("could you find out if the pool is open"));
    assertTrue(Dispatcher.isLookup("please look up the score of the match"));
    assertFalse(Dispatcher.isLookup("check-in at the hotel is at 3pm"));
    assertFalse(Dispatcher.isLookup("remember to check the tyres on Friday"));
    assertFalse(Dispatcher.isLookup("I found out the pool closes at 8"));
    Engram e = new Engram();
    Dispatcher.Decision d = dispatcher.decide(e, "u1", "check if there are still seats on the 18:05 to Leeds");
    assertTrue(d.route() != Route.STORE, d.toString());
    assertEquals(0, e.size("u1"));
  }

  @Test
  void aBareQuestionIsNeverStored() {
    assertTrue(Dispatcher.isBareQuestion("the bike lock code?"));
    assertTrue(Dispatcher.isBareQuestion("latest on the hurricane?"));
    assertFalse(Dispatcher.isBareQuestion("my dog is called Rex?"));
    assertFalse(Dispatcher.isBareQuestion("did you know my cousin lives in Cork?"));
    assertFalse(Dispatcher.isBareQuestion("the bike lock code is 0419"));
    assertFalse(Dispatcher.isBareQuestion("remember the bike lock code?"));
    for (String q : new String[] {"the bike lock code?", "latest on the hurricane?", "Lena's shoe size?"}) {
      Engram e = new Engram();
      e.observe("u1", "The bike lock code is 0419.");
      Dispatcher.Decision d = dispatcher.decide(e, "u1", q);
      assertTrue(d.route() != Route.STORE, d.toString());
      assertEquals(1, e.size("u1"), q + " was stored");
    }
  }

  @Test
  void memorySureOfItsAnswerOverridesAnEscalate() {
    // Whatever the router reads into these turns, memory holds each answer outright.
    String[][] cases = {
        {"Lena is 9.", "How old is Lena?", "9"},
        {"The guest wifi password is maple-fox-12.", "Could you tell me the guest wifi password", "maple-fox-12"}};
    for (String[] c : cases) {
      Engram e = new Engram();
      e.observe("u1", c[0]);
      assertTrue(e.recallValue("u1", c[1]).confidence() >= Dispatcher.MEMORY_SURE, c[1]);
      Dispatcher.Decision d = dispatcher.decide(e, "u1", c[1]);
      assertEquals(Route.ANSWER, d.route(), d.toString());
      assertEquals(c[2], d.value());
    }
  }

  /**
   * End to end (memory + router + memory's value, widened by ValueSpan) on the seven hand-written sets:
   * floors a little under what the shipped router measured on 2026-11-23 (routes / value exact:
   * heldout 97.0% / 84%, sealed 95.0% / 90%, third 100% / 100%, fourth 95.8% / 91.7%, fifth 97.9% / 100%,
   * sixth 95.6% / 88% (94.4% / 80% when scored blind), seventh 96.25% / 96% (96.25% / 92% blind)),
   * so a change that loses a couple of turns fails here rather than in a benchmark.
   */
  @Test
  void endToEndOnTheHandWrittenSets() throws Exception {
    double[][] floors = {{0.95, 0.80}, {0.93, 0.85}, {0.97, 0.95}, {0.93, 0.90}, {0.95, 0.95}, {0.94, 0.84},
        {0.95, 0.92}}; // overall, value exact
    String[] sets = {"heldout.txt", "heldout-sealed.txt", "heldout-third.txt", "heldout-fourth.txt", "heldout-fifth.txt",
        "heldout-sixth.txt", "heldout-seventh.txt"};
    for (int i = 0; i < sets.length; i++) {
      dev.engram.neuron.train.EvalDispatch.Score s = dev.engram.neuron.train.EvalDispatch.score(ShippedRouterTest.load(sets[i]));
      double exact = s.exact() / (double) s.answers();
      System.out.println(sets[i] + " end to end: routes " + s.overall() + ", value exact " + exact);
      assertTrue(s.overall() >= floors[i][0], sets[i] + " routes " + s.overall());
      assertTrue(exact >= floors[i][1], sets[i] + " value exact " + exact);
    }
  }
}
