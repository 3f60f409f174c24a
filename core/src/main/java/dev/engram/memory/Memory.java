package dev.engram.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Placeholder engine for the skeleton commit; replaced by the indexed engine. */
public final class Memory {
  private final Map<String, List<String>> scopes = new HashMap<>();

  public int observe(String scope, String text) {
    String t = text.trim();
    if (t.isEmpty() || t.endsWith("?")) {
      return 0;
    }
    scopes.computeIfAbsent(scope, s -> new ArrayList<>()).add(t);
    return 1;
  }

  public String get(String scope, String question) {
    String[] best = recall(scope, question, 1);
    if (best.length == 0) {
      return null;
    }
    String fact = best[0];
    int is = fact.lastIndexOf(" is ");
    return is < 0 ? null : fact.substring(is + 4).replace(".", "");
  }

  public dev.engram.Answer recallValue(String scope, String question) {
    String v = get(scope, question);
    String[] best = recall(scope, question, 1);
    return new dev.engram.Answer(v, best.length == 0 ? null : best[0], v == null ? 0 : 1);
  }

  public String[] recall(String scope, String question, int k) {
    List<String> facts = scopes.getOrDefault(scope, List.of());
    String[] words = question.toLowerCase().split(" ");
    List<String> out = new ArrayList<>();
    for (int i = facts.size() - 1; i >= 0 && out.size() < k; i--) {
      for (String w : words) {
        if (w.length() > 3 && facts.get(i).toLowerCase().contains(w.replace("?", ""))) {
          out.add(facts.get(i));
          break;
        }
      }
    }
    return out.toArray(new String[0]);
  }

  public int size(String scope) {
    return scopes.getOrDefault(scope, List.of()).size();
  }
}
