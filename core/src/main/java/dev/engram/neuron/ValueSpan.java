package dev.engram.neuron;

import dev.engram.text.Lexicon;
import dev.engram.text.Tokens;
import java.util.HashSet;

/**
 * Widens the value memory picked out of a fact to the whole value the fact states, so the dispatcher
 * serves "seat 14C", not "14C". Memory's value is the narrowest span that answers its question (what
 * its own suite grades); an ANSWER turn hands the value to a person, who needs the whole phrase.
 *
 * <p>Its rules, each about the shape of the fact around the value, never about a particular case:
 *
 * <ul>
 *   <li>an identifier keeps the label noun before it: "seat 14C", "gate B12", "port 8443" ({@link #LABELS});
 *   <li>a number keeps its unit after it, and an age its "old": "4 years old", "10 days" ({@link #UNITS});
 *   <li>a common-word modifier keeps the noun the question asks for: "what milk" is answered by "oat
 *       milk", not "oat"; a capitalised name stands on its own before a common noun ("Hillside" school)
 *       but keeps a capitalised part of itself ("Halden Street");
 *   <li>a list keeps all its items, after the value and before it: "peanuts and shellfish", "Ana, Leo
 *       and Mia", "lemon and ginger"; and a manner ("how
 *       does he take his coffee") keeps its "with ..." or "without ..." to the end of the clause;
 *   <li>a frequency ("how often") keeps its "every" or "each" and its period: "every six months",
 *       "twice a day".
 * </ul>
 *
 * <p>The widened value is always a verbatim span of the fact, so it stays grounded. When the value
 * cannot be found in the fact it is returned unchanged.
 */
final class ValueSpan {
  /** Nouns that label an identifier: "seat 14C", "platform 9", "room 214". */
  static final HashSet<String> LABELS = words(
      "seat gate platform terminal port room floor level table desk locker row bay track pier dock aisle unit"
          + " apartment flat suite building block stand size cabin berth deck section zone channel extension"
          + " ext lane bus route line court pitch box slot stall spot");

  /** Units a number carries: time spans, measures, money. */
  static final HashSet<String> UNITS = words(
      "year years month months week weeks day days hour hours minute minutes min mins second seconds"
          + " kg kilo kilos kilogram kilograms gram grams g lb lbs pound pounds oz ounce ounces stone"
          + " mile miles km kilometre kilometres kilometer kilometers metre metres meter meters m cm mm inch inches"
          + " foot feet litre litres liter liters ml mg mcg degree degrees percent euro euros dollar dollars"
          + " quid pence cents cent kr krone kroner yen francs rupees pesos");

  private static final HashSet<String> AGE_UNITS = words("year years month months week weeks day days");

  private static final HashSet<String> LIST_JOINERS = words("and or");

  private static final HashSet<String> MANNER_LINKS = words("with without");

  /** Words that make a span a frequency: "every six months", "each spring". */
  private static final HashSet<String> EVERY = words("every each");
  /** "twice <b>a</b> day", "once <b>per</b> week": what joins a count to its period. */
  private static final HashSet<String> PER = words("a an per every each");
  /** The periods a frequency is counted in. */
  private static final HashSet<String> PERIODS =
      words("minute hour day night week fortnight month year morning evening weekend quarter");

  private ValueSpan() {}

  private static HashSet<String> words(String s) {
    HashSet<String> out = new HashSet<>();
    int i = 0;
    while (i < s.length()) {
      int j = s.indexOf(' ', i);
      if (j < 0) {
        j = s.length();
      }
      if (j > i) {
        out.add(s.substring(i, j));
      }
      i = j + 1;
    }
    return out;
  }

  /** The whole value of {@code fact} around {@code value}, as asked by {@code question}. */
  static String widen(String value, String fact, String question) {
    if (value == null || fact == null || question == null) {
      return value;
    }
    Tokens f = Tokens.of(fact);
    Tokens v = Tokens.of(value);
    int a = find(f, v);
    if (a < 0) {
      return value;
    }
    int b = a + v.size - 1;
    Tokens q = Tokens.of(question);
    if (a > 0 && f.has(a, Tokens.HAS_DIGIT) && LABELS.contains(f.norm[a - 1]) && blank(f, a - 1)) {
      a--;
    }
    b = units(f, b);
    b = headNoun(f, a, b, q);
    a = listBefore(f, a);
    b = list(f, a, b);
    b = manner(f, a, b, q);
    if (asks(q, "how", "often")) {
      a = frequencyStart(f, a);
      b = frequencyEnd(f, b);
    }
    return fact.substring(f.start[a], f.end[b]);
  }

  /** Index of the first token of {@code v}'s token sequence inside {@code f}, or -1. */
  private static int find(Tokens f, Tokens v) {
    if (v.size == 0) {
      return -1;
    }
    outer:
    for (int i = 0; i + v.size <= f.size; i++) {
      for (int k = 0; k < v.size; k++) {
        if (!f.norm[i + k].equals(v.norm[k])) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Only white space between token {@code i} and the next one (no comma, no full stop). */
  private static boolean blank(Tokens t, int i) {
    if (i + 1 >= t.size || t.has(i + 1, Tokens.SYNTHETIC) || t.has(i, Tokens.SYNTHETIC)) {
      return false;
    }
    for (int c = t.end[i]; c < t.start[i + 1]; c++) {
      if (!Character.isWhitespace(t.text.charAt(c))) {
        return false;
      }
    }
    return true;
  }

  /** The text between token {@code i} and the next one holds a clause break (, ; . ! ? : and the like). */
  private static boolean breakAfter(Tokens t, int i) {
    return i + 1 >= t.size || !blank(t, i);
  }

  private static boolean isNumber(Tokens t, int i) {
    return t.has(i, Tokens.NUMERIC) || Lexicon.isNumberWord(t.norm[i]);
  }

  private static int units(Tokens f, int b) {
    if (!isNumber(f, b)) {
      return b;
    }
    int end = b;
    while (blank(f, end) && UNITS.contains(f.norm[end + 1])) {
      end++;
    }
    if (end > b && AGE_UNITS.contains(f.norm[end]) && blank(f, end) && f.norm[end + 1].equals("old")) {
      end++;
    }
    return end;
  }

  /** "what milk" / "which milk": the noun right after the question's wh-word. */
  private static boolean askedKind(Tokens q, String noun) {
    for (int i = 0; i + 1 < q.size; i++) {
      if ((q.norm[i].equals("what") || q.norm[i].equals("which")) && q.norm[i + 1].equals(noun)) {
        return true;
      }
    }
    return false;
  }

  private static int headNoun(Tokens f, int a, int b, Tokens q) {
    if (f.has(b, Tokens.HAS_DIGIT) || !blank(f, b)) {
      return b;
    }
    String next = f.norm[b + 1];
    if (Lexicon.STOP.contains(next) || !askedKind(q, next)) {
      return b;
    }
    // a name stands alone before a common noun ("Hillside school"), not before a part of itself ("Halden Street")
    if (f.has(a, Tokens.CAPITALIZED) && !f.has(a, Tokens.FIRST) && !f.has(b + 1, Tokens.CAPITALIZED)) {
      return b;
    }
    boolean endsPhrase = breakAfter(f, b + 1) || Lexicon.STOP.contains(f.norm[b + 2]);
    return endsPhrase ? b + 1 : b;
  }

  /** Same shape as the value's first token: capitalised or not, with digits or not. */
  private static boolean sameShape(Tokens f, int a, int i) {
    return f.has(a, Tokens.CAPITALIZED) == f.has(i, Tokens.CAPITALIZED)
        && f.has(a, Tokens.HAS_DIGIT) == f.has(i, Tokens.HAS_DIGIT);
  }

  private static boolean content(Tokens f, int i) {
    return !f.has(i, Tokens.SYNTHETIC) && !Lexicon.STOP.contains(f.norm[i]) && !Lexicon.VERB.contains(f.norm[i]);
  }

  /**
   * "peanuts and shellfish", "Ana, Leo and Mia": items of one to three content words of the value's
   * shape, joined by commas and a final "and"/"or", the list ending the clause or meeting a function
   * word. Anything else ("Ghent and works in Brussels") leaves the value as it was.
   */
  private static int list(Tokens f, int a, int b) {
    int end = b;
    boolean joined = false;
    while (end + 1 < f.size) {
      int i = end + 1;
      boolean comma = !blank(f, end) && f.text.substring(f.end[end], f.start[i]).trim().equals(",");
      if (LIST_JOINERS.contains(f.norm[i]) && (comma || blank(f, end))) {
        joined = true;
        i++;
      } else if (!comma) {
        break;
      }
      if (i >= f.size || !content(f, i) || !sameShape(f, a, i)) {
        return b;
      }
      int k = i;
      while (k - i < 2 && blank(f, k) && content(f, k + 1) && !LIST_JOINERS.contains(f.norm[k + 1])) {
        k++;
      }
      end = k;
      if (joined) {
        break;
      }
    }
    if (!joined) {
      return b;
    }
    boolean closes = breakAfter(f, end) || Lexicon.STOP.contains(f.norm[end + 1]);
    return closes ? end : b;
  }

  /**
   * "lemon and ginger tea" when memory took "ginger": an item of the value's shape before a joining
   * "and"/"or", itself opening the clause's phrase (after a verb, a function word or a clause break).
   */
  private static int listBefore(Tokens f, int a) {
    if (a < 2 || !LIST_JOINERS.contains(f.norm[a - 1]) || !blank(f, a - 2) || !blank(f, a - 1)) {
      return a;
    }
    int item = a - 2;
    if (!content(f, item) || !sameShape(f, a, item)) {
      return a;
    }
    boolean opens = item == 0 || !blank(f, item - 1) || Lexicon.STOP.contains(f.norm[item - 1])
        || Lexicon.VERB.contains(f.norm[item - 1]);
    return opens ? item : a;
  }

  private static boolean asks(Tokens q, String first, String second) {
    for (int i = 0; i < q.size; i++) {
      if (q.norm[i].equals(first) && (second == null || i + 1 < q.size && q.norm[i + 1].equals(second))) {
        return true;
      }
    }
    return false;
  }

  /** "how often": "every six months", the value with the "every" or "each" before it. */
  private static int frequencyStart(Tokens f, int a) {
    return a > 0 && EVERY.contains(f.norm[a - 1]) && blank(f, a - 1) ? a - 1 : a;
  }

  /** "how often": "twice a day", "three times per week", the value with the period after it. */
  private static int frequencyEnd(Tokens f, int b) {
    return b + 2 < f.size && PER.contains(f.norm[b + 1]) && PERIODS.contains(f.norm[b + 2]) && blank(f, b)
        && blank(f, b + 1) ? b + 2 : b;
  }

  /** "how does he take his coffee": "black with no sugar", to the end of the clause (six words at most). */
  private static int manner(Tokens f, int a, int b, Tokens q) {
    boolean how = false;
    for (int i = 0; i < q.size; i++) {
      if (q.norm[i].equals("how") && (i + 1 >= q.size || !Lexicon.HOW_MEASURE.contains(q.norm[i + 1]))) {
        how = true;
      }
    }
    if (!how || f.has(a, Tokens.CAPITALIZED) && !f.has(a, Tokens.FIRST) || !blank(f, b)
        || !MANNER_LINKS.contains(f.norm[b + 1])) {
      return b;
    }
    int end = b + 1;
    while (end - b < 6 && blank(f, end) && !Lexicon.VERB.contains(f.norm[end + 1])) {
      end++;
    }
    return breakAfter(f, end) && end > b + 1 ? end : b;
  }
}
