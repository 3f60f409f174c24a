package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The dispatcher serves a fact's whole value: each rule of {@link ValueSpan}, and where it must stop. */
class ValueSpanTest {
  private static void widens(String expected, String value, String fact, String question) {
    assertEquals(expected, ValueSpan.widen(value, fact, question), value + " in '" + fact + "' for '" + question + "'");
  }

  @Test
  void anIdentifierKeepsItsLabel() {
    widens("seat 14C", "14C", "I booked seat 14C on the ferry.", "which seat did I book on the ferry");
    widens("port 8443", "8443", "The admin console uses port 8443.", "which port does the admin console use");
    widens("terminal 2", "2", "The flight to Porto is from terminal 2.", "which terminal does the Porto flight go from");
    widens("Kestrel", "Kestrel", "The project's codename is Kestrel.", "what's the codename");
  }

  @Test
  void aNumberKeepsItsUnitAndAnAgeItsOld() {
    widens("4 years old", "4", "The cat is 4 years old.", "how old's the cat");
    widens("8 months old", "8", "The baby is 8 months old.", "how old is the baby");
    widens("23 kilos", "23", "The dog weighs 23 kilos.", "how much does the dog weigh");
    // a counted noun the question names is not a unit
    widens("38", "38", "We ordered 38 chairs for the hall.", "how many chairs did we order for the hall");
  }

  @Test
  void aModifierKeepsTheNounAskedForButANameStandsAlone() {
    widens("oat milk", "oat", "Priyanka drinks oat milk.", "what milk does Priyanka drink");
    widens("Hillside", "Hillside", "Maya goes to Hillside school.", "which school does maya go to");
    widens("red", "red", "We have a red car.", "what colour is our car");
    widens("Halden Street", "Halden", "The new clinic is on Halden Street.", "what street is the new clinic on");
  }

  @Test
  void aListKeepsEveryItem() {
    widens("peanuts and shellfish", "peanuts", "I'm allergic to peanuts and shellfish.", "what am I allergic to");
    widens("Ana, Leo and Mia", "Ana", "My kids are Ana, Leo and Mia.", "what are my kids called");
    widens("Ghent", "Ghent", "My sister lives in Ghent and works in Brussels.", "where does my sister live");
    widens("lemon and ginger tea", "ginger", "Mum drinks lemon and ginger tea in the evening.", "what tea does Mum drink");
    widens("Oslo", "Oslo", "Tom and Ana moved to Oslo.", "where did Tom and Ana move");
    widens("Tuesdays", "Tuesdays", "I have pottery on Tuesdays and my sister on Fridays.", "when do I have pottery");
  }

  @Test
  void aMannerKeepsItsWithClause() {
    widens("black with no sugar", "black", "Grandpa Ed likes his coffee black with no sugar.", "how does Grandpa Ed like his coffee");
    widens("black", "black", "Grandpa Ed likes his coffee black with no sugar.", "what colour is Grandpa Ed's coffee");
  }

  @Test
  void aFrequencyKeepsItsEvery() {
    widens("every six months", "six months", "The boiler should be serviced every six months.", "how often should the boiler be serviced");
    widens("six months", "six months", "The boiler warranty lasts six months.", "how long does the boiler warranty last");
    widens("six months", "six months", "We saw it every six months.", "how long ago was that");
  }

  @Test
  void aFrequencyKeepsItsPeriod() {
    widens("twice a day", "twice", "The puppy eats twice a day.", "how often does the puppy eat");
    widens("three times per week", "three times", "I swim three times per week.", "how often do I swim");
    widens("twice", "twice", "I called twice a day.", "how many times did I call");
  }

  @Test
  void aValueNotInTheFactIsLeftAlone() {
    widens("9", "9", "My shoe size is 9.", "tell me my shoe size");
    widens("tulip42", "tulip42", "The wifi password was changed.", "what's the wifi password");
    assertEquals(null, ValueSpan.widen(null, "The cat is 4 years old.", "how old is the cat"));
  }
}
