package dev.engram.ops;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Recalled;
import dev.engram.Stats;
import java.util.Map;

/**
 * Executes one shell command against a scope and returns one line of output.
 *
 * <pre>
 * observe TEXT            -> "stored N"
 * get QUESTION            -> the value, or "(no answer)"
 * recall QUESTION [-k N]  -> the facts, best first, separated by " | " (or "(nothing)")
 * chain A -> rel -> rel   -> "VALUE  (via A -> B -> VALUE)" or "(broken at B -> rel)"
 * assoc CUE [-k N]        -> associated facts, " | "-separated
 * note KIND TEXT          -> "stored N"
 * notes [KIND]            -> notes, newest first
 * forget [SUBSTRING]      -> "forgot N" (no substring: the whole scope); forget #ID forgets one fact
 * var set NAME VALUE | var get NAME | var del NAME | vars
 * stats | scopes | help
 * </pre>
 * A line starting with a question word or ending in '?' is treated as {@code get}; any other line
 * that is not a command is observed. Errors come back as "error: MESSAGE", never as an exception.
 */
public final class Shell {
  public static final String NO_ANSWER = "(no answer)";
  public static final String HELP = "commands: observe TEXT | get QUESTION | recall QUESTION [-k N] | "
      + "chain A -> rel -> rel | assoc CUE [-k N] | note KIND TEXT | notes [KIND] | forget [SUBSTRING|#ID] | "
      + "var set NAME VALUE | var get NAME | var del NAME | vars | stats | scopes | help";

  private Shell() {}

  public static String execute(Engram engram, String scope, String line) {
    if (line == null) {
      return "error: line is required";
    }
    try {
      return run(engram, scope, line.trim());
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String run(Engram engram, String scope, String line) {
    if (line.isEmpty()) {
      return "";
    }
    String verb = firstWord(line);
    String rest = line.substring(verb.length()).trim();
    switch (verb.toLowerCase()) {
      case "observe", "remember", "add":
        return "stored " + engram.observe(scope, rest);
      case "get", "ask":
        return value(engram.recallValue(scope, rest));
      case "recall": {
        int[] k = {5};
        String q = takeK(rest, k);
        return joinTexts(engram.recallScored(scope, q, k[0]));
      }
      case "assoc": {
        int[] k = {5};
        String q = takeK(rest, k);
        return joinTexts(engram.assoc(scope, q, k[0]));
      }
      case "chain":
        return chain(engram.chain(scope, rest), rest);
      case "note": {
        String kind = firstWord(rest);
        return "stored " + engram.note(scope, kind, rest.substring(kind.length()).trim());
      }
      case "notes":
        return joinTexts(engram.notes(scope, rest.isEmpty() ? null : rest, 20, null).items());
      case "forget":
        if (rest.startsWith("#")) {
          return engram.forgetId(scope, parseInt(rest.substring(1), "fact id")) ? "forgot 1" : "forgot 0";
        }
        return "forgot " + engram.forget(scope, rest);
      case "var":
        return variable(engram, scope, rest);
      case "vars":
        return vars(engram.vars(scope));
      case "stats": {
        Stats s = engram.stats(scope);
        return "facts " + s.facts() + ", forgotten " + s.forgotten() + ", terms " + s.terms() + ", links "
            + s.links() + ", vars " + s.vars();
      }
      case "scopes":
        return String.join(" ", engram.scopes());
      case "help":
        return HELP;
      default:
        if (line.endsWith("?") || dev.engram.text.Questions.isQuestion(line)) {
          return value(engram.recallValue(scope, line));
        }
        return "stored " + engram.observe(scope, line);
    }
  }

  private static String value(Answer a) {
    return a.value() == null ? NO_ANSWER : a.value();
  }

  private static String chain(Chain c, String expression) {
    String path = String.join(" -> ", c.path());
    if (c.value() == null) {
      return "(broken after " + path + ")";
    }
    return c.value() + "  (via " + path + ")";
  }

  private static String variable(Engram engram, String scope, String rest) {
    String op = firstWord(rest);
    String args = rest.substring(op.length()).trim();
    String name = firstWord(args);
    switch (op) {
      case "set": {
        String value = args.substring(name.length()).trim();
        engram.setVar(scope, name, value);
        return name + " = " + value;
      }
      case "get": {
        String v = engram.getVar(scope, name);
        return v == null ? "(unset)" : v;
      }
      case "del", "delete":
        return engram.deleteVar(scope, name) ? "deleted " + name : "(unset)";
      case "list", "":
        return vars(engram.vars(scope));
      default:
        throw new IllegalArgumentException("var needs set, get, del or list");
    }
  }

  private static String vars(Map<String, String> vars) {
    if (vars.isEmpty()) {
      return "(no variables)";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : vars.entrySet()) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(e.getKey()).append(" = ").append(e.getValue());
    }
    return sb.toString();
  }

  private static String joinTexts(Recalled[] items) {
    if (items.length == 0) {
      return "(nothing)";
    }
    StringBuilder sb = new StringBuilder();
    for (Recalled r : items) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(r.text());
    }
    return sb.toString();
  }

  /** Removes a trailing or leading "-k N" from the text and stores N. */
  private static String takeK(String text, int[] k) {
    int at = text.lastIndexOf("-k ");
    if (at >= 0 && (at == 0 || text.charAt(at - 1) == ' ')) {
      String after = text.substring(at + 3).trim();
      String number = firstWord(after);
      k[0] = parseInt(number, "k");
      return (text.substring(0, at) + " " + after.substring(number.length())).trim();
    }
    return text;
  }

  private static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got '" + s + "'");
    }
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}
