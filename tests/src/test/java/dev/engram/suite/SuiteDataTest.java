package dev.engram.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.text.ValueMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the suite itself, independent of the engine: the data parses, has the categories and
 * size, and every answerable case's accepted answer is really stated in its facts (so a typo in the data
 * cannot turn into a case no engine could pass). Also pins the matching rule.
 */
class SuiteDataTest {
  static final List<String> CATEGORIES = SuiteReport.CATEGORIES;
  static final int MIN_CASES = 300;
  static final int LONG_SCOPE_MIN_FACTS = 50;

  @Test
  void suiteHasEveryCategoryAndEnoughCases() {
    List<SuiteCase> cases = SuiteData.loadAll();
    assertTrue(cases.size() >= MIN_CASES, "suite has " + cases.size() + " cases; the issue asks for " + MIN_CASES);
    Map<String, Integer> counts = new HashMap<>();
    for (SuiteCase c : cases) {
      assertTrue(CATEGORIES.contains(c.category()), c.id() + ": unknown category " + c.category());
      counts.merge(c.category(), 1, Integer::sum);
    }
    for (String category : CATEGORIES) {
      assertTrue(counts.getOrDefault(category, 0) >= 10, "category " + category + " has " + counts.get(category));
    }
  }

  @Test
  void acceptedAnswersAreStatedInTheFacts() {
    List<String> problems = new ArrayList<>();
    for (SuiteCase c : SuiteData.loadAll()) {
      if (!c.answerable()) {
        continue;
      }
      String facts = ValueMatch.normalize(String.join(" \n ", c.facts()));
      boolean found = false;
      for (String value : c.accept()) {
        if (facts.contains(ValueMatch.normalize(value))) {
          found = true;
          break;
        }
      }
      if (!found) {
        problems.add(c.id() + ": none of " + c.accept() + " appears in its facts");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void abstentionCasesAbstainAndLongScopesAreLong() {
    Set<String> seen = new HashSet<>();
    for (SuiteCase c : SuiteData.loadAll()) {
      if (c.category().equals("abstention")) {
        assertFalse(c.answerable(), c.id() + ": an abstention case must accept null");
      }
      if (c.category().equals("long_scopes")) {
        assertTrue(c.facts().size() >= LONG_SCOPE_MIN_FACTS, c.id() + " has " + c.facts().size() + " facts");
      }
      String key = c.op() + "\u0000" + c.ask() + "\u0000" + String.join("\u0000", c.facts());
      assertTrue(seen.add(key), c.id() + ": same facts and question as an earlier case");
    }
  }

  @Test
  void matchingRuleIsExactAfterNormalizing() {
    assertTrue(ValueMatch.matches("Pro.", List.of("pro")));
    assertTrue(ValueMatch.matches("  the Pro ", List.of("pro")));
    assertTrue(ValueMatch.matches("\u201cEliza  Crowe\u201d", List.of("Eliza Crowe")));
    assertTrue(ValueMatch.matches("us-west-2", List.of("US-West-2")));
    assertTrue(ValueMatch.matches("Dr Okafor", List.of("Dr. Okafor")));
    assertTrue(ValueMatch.matches("in Rotterdam", List.of("Rotterdam")));
    assertTrue(ValueMatch.matches("on the first Monday", List.of("first Monday")));
    assertTrue(ValueMatch.matches("10.0.9.31.", List.of("10.0.9.31")));
    assertFalse(ValueMatch.matches("100931", List.of("10.0.9.31")));
    assertFalse(ValueMatch.matches("called Miso", List.of("Miso")));
    assertFalse(ValueMatch.matches("Luis now", List.of("Luis")));
    assertFalse(ValueMatch.matches("owned by the search team", List.of("search team")));
    assertFalse(ValueMatch.matches("my plan is pro", List.of("pro")));
    assertFalse(ValueMatch.matches("pro plan", List.of("pro")));
    assertFalse(ValueMatch.matches("14 tables", List.of("14")));
    assertFalse(ValueMatch.matches("", List.of("pro")));
    assertFalse(ValueMatch.matches(null, List.of("pro")));
    assertEquals("$40", ValueMatch.normalize("$40."));
  }

  @Test
  void badDataIsRejectedWithTheCaseNamed() {
    IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class, () -> SuiteData.parseFile(
        "x.json", "{\"category\":\"direct\",\"cases\":[{\"id\":\"a\",\"facts\":[\"f\"],\"ask\":\"q\",\"acept\":null}]}"));
    assertTrue(unknownKey.getMessage().contains("acept"), unknownKey.getMessage());
    IllegalArgumentException noAccept = assertThrows(IllegalArgumentException.class, () -> SuiteData.parseFile(
        "x.json", "{\"category\":\"direct\",\"cases\":[{\"id\":\"a\",\"facts\":[\"f\"],\"ask\":\"q\"}]}"));
    assertTrue(noAccept.getMessage().contains("case \"a\""), noAccept.getMessage());
    IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class, () -> SuiteData.parseFile(
        "x.json", "{\"category\":\"direct\",\n\"cases\":[,]}"));
    assertTrue(syntax.getMessage().startsWith("x.json:2:"), syntax.getMessage());
  }
}
