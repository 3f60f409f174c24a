package dev.engram.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operation vocabulary beyond get: pages, evidence, notes, forgetting, variables, plasticity. */
class OperationsSpecTest {
  private long now = 1_000_000;
  private final Engram memory = new Engram(MemoryConfig.DEFAULT, () -> now);

  @Test
  void recallPagesThroughEveryMatchExactlyOnce() {
    for (int i = 0; i < 23; i++) {
      memory.observe("s", "invoice " + i + " is paid");
    }
    Set<Integer> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      RecallPage page = memory.recallPage("s", "which invoice is paid?", 5, cursor);
      for (Recalled r : page.items()) {
        assertTrue(seen.add(r.id()), "fact " + r.id() + " returned twice");
      }
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertEquals(23, seen.size());
    assertEquals(5, pages);
  }

  @Test
  void aForgedCursorIsAnError() {
    memory.observe("s", "the api key is zeta-9931");
    var e = assertThrows(IllegalArgumentException.class, () -> memory.recallPage("s", "api key", 5, "page2"));
    assertTrue(e.getMessage().contains("invalid cursor"));
  }

  @Test
  void recallScoredSaysWhyItMatched() {
    memory.observe("s", "my mobile number is 555-0199");
    Recalled r = memory.recallScored("s", "what is my phone numbr?", 1)[0];
    assertEquals("555-0199", r.value());
    assertTrue(r.why().contains("phone~mobile"), r.why());
    assertTrue(r.why().contains("numbr->number") || r.why().contains("number"), r.why());
    assertTrue(r.score() > 0.75 && r.score() < 1, "a synonym and a repair count less than exact words: " + r.score());
  }

  @Test
  void notesAreListedByKindNewestFirst() {
    memory.note("s", "task", "renew the passport by June");
    memory.note("s", "preference", "I prefer aisle seats");
    memory.note("s", "task", "book the dentist");
    Recalled[] tasks = memory.notes("s", "task", 10, null).items();
    assertEquals(2, tasks.length);
    assertEquals("book the dentist", tasks[0].text());
    assertEquals("task", tasks[0].kind());
    assertEquals("aisle", memory.get("s", "what seats do I prefer?"));
    assertThrows(IllegalArgumentException.class, () -> memory.note("s", "reminder", "x"));
  }

  @Test
  void forgetBySubstringByIdAndWholeScope() {
    memory.observe("s", "the wifi password is hunter2");
    memory.observe("s", "the gate code is 4521");
    memory.observe("s", "the alarm code is 9911");
    assertEquals(1, memory.forget("s", "WIFI"));
    assertNull(memory.get("s", "what is the wifi password?"));
    int gate = memory.recallScored("s", "gate code", 1)[0].id();
    assertTrue(memory.forgetId("s", gate));
    assertFalse(memory.forgetId("s", gate));
    assertNull(memory.get("s", "what is the gate code?"));
    assertEquals("9911", memory.get("s", "what is the alarm code?"));
    assertEquals(1, memory.forget("s", ""));
    assertEquals(0, memory.size("s"));
  }

  @Test
  void variablesAreExactAndSorted() {
    memory.setVar("s", "theme", "dark");
    memory.setVar("s", "lang", "en");
    assertEquals("dark", memory.getVar("s", "theme"));
    assertArrayEquals(new String[] {"lang", "theme"}, memory.vars("s").keySet().toArray());
    assertTrue(memory.deleteVar("s", "theme"));
    assertNull(memory.getVar("s", "theme"));
    assertEquals(1, memory.stats("s").vars());
  }

  @Test
  void strengthGrowsWithUseAndDecaysWithDisuse() {
    memory.observe("s", "the api key is zeta-9931");
    assertEquals(1.0, memory.notes("s", null, 1, null).items()[0].strength(), 1e-9);
    memory.get("s", "what is the api key?");
    memory.get("s", "what is the api key?");
    memory.recallScored("s", "api key", 1);
    double used = memory.notes("s", null, 1, null).items()[0].strength();
    assertEquals(4.0, used, 1e-9, "two answers and one recall, no time passed");
    now += MemoryConfig.DEFAULT.halfLifeMillis();
    double later = memory.notes("s", null, 1, null).items()[0].strength();
    assertEquals(1 + (used - 1) / 2, later, 1e-3);
  }

  @Test
  void assocSpreadsThroughSharedCuesAndLinks() {
    memory.observe("s", "Aurora is a solar drone project");
    memory.observe("s", "The solar panels come from Heliotek");
    memory.observe("s", "Marcus leads the hiring committee");
    memory.observe("s", "Lunch is at noon");
    Recalled[] fromAurora = memory.assoc("s", "Aurora", 5);
    assertEquals("Aurora is a solar drone project", fromAurora[0].text());
    assertEquals("The solar panels come from Heliotek", fromAurora[1].text(), "reached through 'solar'");
    // Recalling two facts together links them, so one now brings up the other.
    memory.recallScored("s", "Aurora hiring", 2);
    boolean linked = false;
    for (Recalled r : memory.assoc("s", "Aurora", 5)) {
      linked |= r.text().startsWith("Marcus");
    }
    assertTrue(linked);
    assertEquals(1, memory.stats("s").links());
  }
}
