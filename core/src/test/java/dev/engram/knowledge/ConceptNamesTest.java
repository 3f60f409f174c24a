package dev.engram.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptNamesTest {

  @Test
  void keysDropDeterminersPunctuationAndPluralHeads() {
    assertEquals("kv cache", ConceptNames.key("The KV-caches"));
    assertEquals("kv cache", ConceptNames.key("kv cache"));
    assertEquals("glow of lantern eel", ConceptNames.key("the glow of a lantern eel"));
    assertEquals("eel of lake oru", ConceptNames.key("eels of Lake Oru"));
    assertEquals("model", ConceptNames.key("model's"));
    assertEquals("", ConceptNames.key("the , a"));
  }

  @Test
  void singularIsConservative() {
    assertEquals("berry", ConceptNames.singular("berries"));
    assertEquals("box", ConceptNames.singular("boxes"));
    assertEquals("bench", ConceptNames.singular("benches"));
    assertEquals("bell", ConceptNames.singular("bells"));
    assertEquals("glass", ConceptNames.singular("glass"));
    assertEquals("status", ConceptNames.singular("status"));
    assertEquals("analysis", ConceptNames.singular("analysis"));
    assertEquals("gas", ConceptNames.singular("gas"));
  }

  @Test
  void editDistanceIsBoundedLevenshtein() {
    assertEquals(0, ConceptNames.editDistance("orulin", "orulin", 2));
    assertEquals(1, ConceptNames.editDistance("orulin", "oruling", 2));
    assertEquals(1, ConceptNames.editDistance("thornwax", "thornwix", 2));
    assertEquals(2, ConceptNames.editDistance("kitten", "sittin", 2));
    assertEquals(3, ConceptNames.editDistance("kitten", "sitting", 2), "beyond the bound: max + 1");
    assertEquals(3, ConceptNames.editDistance("a", "abcd", 2), "length gap alone exceeds the bound");
  }

  @Test
  void wordsSplitOnPunctuationAndDropPossessives() {
    assertEquals(List.of("hollin", "mill", "miller", "keeps", "an", "almanac"),
        ConceptNames.words("Hollin Mill's miller keeps an almanac."));
    assertTrue(ConceptNames.words("  ,;  ").isEmpty());
  }
}
