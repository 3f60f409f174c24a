package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in extractor: subject-verb-object triples from plain English sentences with the small
 * {@link Lexicon}; no network, no model, so learning always works.
 *
 * <p>What it reads, per clause: an optional introduction ("In winter, ..."; "When X, Y" gives two
 * clauses), a subject noun phrase (coordinated subjects "A and B" give a triple each; "it", "they",
 * "this" mean the previous sentence's subject, or the topic), a verb group (modals, "not", adverbs,
 * perfect "has built"), then one of:
 * <ul>
 *   <li>copula: "X is a Y" -> X|is|Y; "X is part of Y" -> X|is part of|Y;
 *   <li>passive with agent: "X is used by Y" -> Y|uses|X; without: "X is made from Y" -> X|is made from|Y;
 *   <li>active: "X grinds A, B and C in D" -> X|grinds|A, X|grinds|B, X|grinds|C, X|grinds in|D;
 *       "X depends on Y" -> X|depends on|Y.
 * </ul>
 * Relative clauses ("X, which feeds Y", "A that B"), appositives ("X, a Y, ...") and aliases
 * ("X, also called Y", "X (also known as Y)", "X is called Y" -> X|also called|Y) are read too, and
 * "and" followed by a verb continues the clause with the same subject. Questions state nothing and
 * are skipped. A sentence whose verb is not in the lexicon gives nothing rather than a guess.
 */
public final class RuleExtractor implements TripleExtractor {
  /** Relation used for alias statements; {@link KnowledgeBase} turns these into graph aliases. */
  public static final String ALIAS_RELATION = "also called";

  private static final int MAX_NP_WORDS = 6;

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public List<Triple> extract(String topic, List<String> sentences) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic must not be blank");
    }
    if (sentences == null) {
      throw new IllegalArgumentException("sentences must not be null");
    }
    List<Triple> out = new ArrayList<>();
    String[] lastSubject = {topic.trim()};
    List<String> recent = new ArrayList<>();
    for (String s : sentences) {
      if (s == null) {
        throw new IllegalArgumentException("sentences must not contain null");
      }
      String t = s.trim();
      if (t.isEmpty() || t.charAt(t.length() - 1) == '?') {
        continue;
      }
      Toks toks = Toks.of(t);
      new Parse(toks, lastSubject, recent, out).clause(0, toks.n, null);
    }
    return out;
  }

  /** A sentence as parallel arrays of original and lower-case tokens; punctuation tokens are single characters. */
  private static final class Toks {
    final String[] orig;
    final String[] low;
    final int n;

    private Toks(List<String> words) {
      n = words.size();
      orig = words.toArray(new String[0]);
      low = new String[n];
      for (int i = 0; i < n; i++) {
        low[i] = orig[i].toLowerCase();
      }
    }

    static Toks of(String s) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      int len = s.length();
      int depth = 0;
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        boolean inner = i > 0 && i + 1 < len && Character.isLetterOrDigit(s.charAt(i - 1))
            && Character.isLetterOrDigit(s.charAt(i + 1));
        if (Character.isLetterOrDigit(c) || ((c == '-' || c == '\'' || c == '\u2019' || c == '.') && inner)) {
          cur.append(c == '\u2019' ? '\'' : c);
          continue;
        }
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
          out.add(String.valueOf(c == ';' || c == ':' ? ',' : c));
        } else if ((c == '-' || c == '\u2014' || c == '\u2013') && !inner) {
          out.add(",");
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
      }
      if (cur.length() > 0) {
        out.add(cur.toString());
      }
      return new Toks(out);
    }
  }

  /** One sentence's parse; emits into {@code out}. */
  private static final class Parse {
    final Toks t;
    final String[] lastSubject;
    final List<String> recent;
    final List<Triple> out;
    /** The previous sentence's subject: what "its"/"their" at this sentence's start refer to. */
    final String owner;

    Parse(Toks t, String[] lastSubject, List<String> recent, List<Triple> out) {
      this.t = t;
      this.lastSubject = lastSubject;
      this.recent = recent;
      this.out = out;
      this.owner = lastSubject[0];
    }

    boolean isComma(int i) {
      return t.low[i].equals(",");
    }

    boolean isWordAt(int i) {
      return i < t.n && Character.isLetterOrDigit(t.low[i].charAt(0));
    }

    int nextComma(int from, int to) {
      for (int i = from; i < to; i++) {
        if (isComma(i)) {
          return i;
        }
      }
      return -1;
    }

    /** Is token j a verb here? {@code clauseStart} is where the subject began. */
    boolean isVerbAt(int j, int clauseStart, boolean subjectGiven) {
      String w = t.low[j];
      if (!isWordAt(j)) {
        return false;
      }
      if (j == clauseStart && !subjectGiven) {
        return false;
      }
      if (Lexicon.isBe(w) || Lexicon.isModal(w) || Lexicon.isHave(w)) {
        return true;
      }
      String prev = prevWord(j, clauseStart);
      if (prev != null && (ConceptNames.isDeterminer(prev) || Lexicon.isPreposition(prev))) {
        return false;
      }
      Lexicon.Form f = Lexicon.form(w);
      switch (f) {
        case NONE:
          return guessedVerb(j, clauseStart);
        case ING:
          return false;
        case BASE:
          if (!Lexicon.isListed(w) && !wordNetVerbAt(j, f)) {
            return false;
          }
          // a bare base form is a verb after a plural subject, a pronoun, an adverb, or in a relative clause
          return prev == null || prev.endsWith("s") || Lexicon.isPronoun(prev) || Lexicon.isAdverb(prev)
              || prev.equals("not") || Lexicon.isPluralWithoutS(prev) || (subjectGiven && j == clauseStart)
              || hasWord(clauseStart, j, "and") || pluralBeforeOf(clauseStart, j);
        default:
          if (!Lexicon.isListed(Lexicon.base(w)) && !wordNetVerbAt(j, f)) {
            return false;
          }
          return !looksLikePluralNoun(j, f);
      }
    }

    /**
     * "catch eels with willow traps." / "the willow traps are": an -s or -ed form that ends the clause
     * or is followed by an auxiliary is a noun or adjective here, not the verb.
     */
    boolean looksLikePluralNoun(int j, Lexicon.Form f) {
      if (f != Lexicon.Form.THIRD) {
        return false;
      }
      if (j + 1 >= t.n) {
        return true;
      }
      String next = t.low[j + 1];
      return isComma(j + 1) || next.equals(")") || Lexicon.isBe(next) || Lexicon.isModal(next)
          || (Lexicon.isHave(next) && j + 2 < t.n && Lexicon.form(t.low[j + 2]) == Lexicon.Form.PAST);
    }

    /**
     * A verb only WordNet knows (not the hand-written list) is so often also a noun ("sign flips", "tide
     * clocks", "hard ship biscuit") that it counts as the verb only where a noun could not stand: an object
     * determiner or pronoun follows, or, for a past form, "be" or "have" precedes it; a word more often a
     * noun than a verb ("post", "score") needs the object.
     */
    boolean wordNetVerbAt(int j, Lexicon.Form f) {
      if (objectFollows(j)) {
        return true;
      }
      if (Lexicon.isNounish(Lexicon.base(t.low[j]))) {
        return false;
      }
      String prev = j > 0 ? t.low[j - 1] : "";
      if (f == Lexicon.Form.PAST && (Lexicon.isBe(prev) || Lexicon.isHave(prev) || Lexicon.isAdverb(prev))) {
        return true;
      }
      return j + 1 < t.n && Lexicon.isPreposition(t.low[j + 1]) && !t.low[j + 1].equals("of");
    }

    /** Does a determiner or an object pronoun follow token j, as after a transitive verb? */
    boolean objectFollows(int j) {
      if (j + 1 >= t.n) {
        return false;
      }
      String next = t.low[j + 1];
      return (ConceptNames.isDeterminer(next) && !next.equals("that")) || next.equals("its") || next.equals("their")
          || next.equals("each") || next.equals("every") || next.equals("them") || next.equals("it");
    }

    /** "The bell founders of Velmora form ...": the head before "of" is plural. */
    boolean pluralBeforeOf(int from, int to) {
      for (int i = from + 1; i < to; i++) {
        if (t.low[i].equals("of")) {
          String head = t.low[i - 1];
          return head.endsWith("s") || Lexicon.isPluralWithoutS(head);
        }
      }
      return false;
    }

    /**
     * A word missing from the lexicon is taken as a verb in one strong pattern: it ends in "s",
     * follows a noun and precedes a determiner ("the millers reinforce|s the gates": "X dredges the Y").
     * Bare or -ed forms are not guessed: adjectives and nouns look the same.
     */
    boolean guessedVerb(int j, int clauseStart) {
      if (j <= clauseStart || j + 1 >= t.n) {
        return false;
      }
      String w = t.low[j];
      String prev = t.low[j - 1];
      String next = t.low[j + 1];
      if (w.length() < 4 || !isWordAt(j - 1) || ConceptNames.isDeterminer(prev) || Lexicon.isPreposition(prev)
          || Lexicon.isPreposition(w) || Lexicon.isClauseWord(w) || Lexicon.isAdverb(w) || ConceptNames.isStopWord(w)) {
        return false;
      }
      boolean det = next.equals("the") || next.equals("a") || next.equals("an") || next.equals("its")
          || next.equals("their") || next.equals("each") || next.equals("every");
      boolean pluralSubject = prev.endsWith("s") || Lexicon.isPluralWithoutS(prev) || Lexicon.isPronoun(prev);
      return det && (w.endsWith("s") || pluralSubject) && !w.endsWith("ss");
    }

    boolean hasWord(int from, int to, String word) {
      for (int i = from; i < to; i++) {
        if (t.low[i].equals(word)) {
          return true;
        }
      }
      return false;
    }

    /** The word before token j, looking past a parenthesis; null at the clause start. */
    String prevWord(int j, int clauseStart) {
      int k = j - 1;
      if (k >= clauseStart && t.low[k].equals(")")) {
        while (k >= clauseStart && !t.low[k].equals("(")) {
          k--;
        }
        k--;
      } else if (k > clauseStart && isComma(k)) {
        // "The salt caves, also called the White Halls, shelter": the word before the aside
        k--;
        while (k >= clauseStart && !isComma(k)) {
          k--;
        }
        k--;
      }
      return k >= clauseStart ? t.low[k] : null;
    }

    void clause(int from, int to, String inherited) {
      clause(from, to, inherited, false);
    }

    /**
     * A relative clause about {@code antecedent}. With no subject of its own ("X, which feeds Y") the
     * antecedent is its subject; with one ("charcoal that the glassworks buys", "vellum, which the guild
     * buys from ...") the antecedent is what its verb acts on, so that link is stated too
     * (glassworks|buys|charcoal), and "X that they call Y" names X.
     */
    void relative(int from, int to, String antecedent) {
      clause(from, to, antecedent, true);
    }

    void clause(int from, int to, String inherited, boolean relative) {
      // skip commas and discourse fillers at the start
      while (from < to && (isComma(from) || Lexicon.isFillerStart(t.low[from]) || t.low[from].equals(")"))) {
        from++;
      }
      if (from >= to) {
        return;
      }
      String first = t.low[from];
      int comma = nextComma(from, to);
      if (comma > from && inherited == null
          && (Lexicon.isClauseWord(first) || first.equals("after") || first.equals("before") || first.equals("as"))
          && !first.equals("that") && !first.equals("which") && !first.equals("who")) {
        String keep = lastSubject[0];
        clause(from + 1, comma, null);
        lastSubject[0] = keep; // "When Veyra appears, they move ...": "they" is not Veyra
        clause(comma + 1, to, null);
        return;
      }
      if (comma > from && inherited == null && Lexicon.isPreposition(first) && !hasVerb(from, comma)) {
        clause(comma + 1, to, null);
        return;
      }
      if (inherited == null && Lexicon.isClauseWord(first) && !first.equals("that") && !first.equals("which")
          && !first.equals("who")) {
        // "... when the herons return": the subordinate clause stands on its own
        clause(from + 1, to, null);
        return;
      }
      if (inherited == null && Lexicon.isPreposition(first) && !first.equals("of")) {
        // "On that night the field is lit ...": skip the introductory phrase
        int end = endOfPhrase(from + 1, to);
        if (end > from + 1 && end < to) {
          clause(end, to, null);
        }
        return;
      }
      // find the subject's end and the verb
      int subjectEnd = -1;
      int verb = -1;
      String subjectText = null;
      for (int j = from; j < to; j++) {
        String w = t.low[j];
        if (w.equals("(")) {
          int close = j + 1;
          while (close < to && !t.low[close].equals(")")) {
            close++;
          }
          if (subjectEnd < 0) {
            subjectEnd = j;
          }
          aliasInParens(from, subjectEnd, j + 1, close);
          j = close;
          continue;
        }
        if (isComma(j)) {
          if (subjectEnd < 0) {
            subjectEnd = j;
          }
          int k = j + 1;
          if (k >= to) {
            break;
          }
          String nw = t.low[k];
          int close = nextComma(k, to);
          int end = close < 0 ? to : close;
          String subj = phrase(from, subjectEnd);
          if (subj == null) {
            return;
          }
          if (nw.equals("which") || nw.equals("who")) {
            relative(k + 1, end, subj);
            j = end;
            continue;
          }
          if (nw.equals("also") || nw.equals("called") || nw.equals("known")) {
            aliasAfter(subj, k, end);
            j = end;
            continue;
          }
          if (nw.equals("a") || nw.equals("an") || nw.equals("the")) {
            if (close > 0 && !hasVerb(k, end)) {
              String app = phrase(k, end);
              if (app != null) {
                emit(resolve(subj, inherited), "is", app);
              }
              j = end;
              continue;
            }
          }
          // a comma before any verb that is not one of the above: what came before was an introduction
          clause(j + 1, to, inherited);
          return;
        }
        if ((w.equals("which") || w.equals("who") || w.equals("that")) && j > from && subjectEnd < 0
            && !Lexicon.isPreposition(t.low[j - 1]) && !Lexicon.isBe(t.low[j - 1])) {
          String subj = phrase(from, j);
          if (subj == null) {
            return;
          }
          subj = resolve(subj, inherited);
          // "Farmers who grow seeds sell them": the relative clause ends where a second verb starts
          int main = mainVerbAfterRelative(j + 1, to);
          if (main < 0) {
            relative(j + 1, to, subj);
            return;
          }
          relative(j + 1, main, subj);
          List<String> one = new ArrayList<>();
          one.add(subj);
          predicate(one, main, to);
          if (inherited == null) {
            lastSubject[0] = subj;
          }
          return;
        }
        if (isVerbAt(j, from, inherited != null)) {
          verb = j;
          if (subjectEnd < 0) {
            subjectEnd = j;
          }
          break;
        }
      }
      if (verb < 0) {
        return;
      }
      // "every autumn the millers dredge": a determiner after a noun starts the real subject
      for (int i = from + 1; i < subjectEnd; i++) {
        String w = t.low[i];
        String before = t.low[i - 1];
        if (ConceptNames.isDeterminer(w) && isWordAt(i - 1) && !before.equals("of")
            && !ConceptNames.isDeterminer(before) && !Lexicon.isPreposition(before) && !before.equals("and")
            && !before.equals("or")) {
          from = i;
        }
      }
      List<String> subjects = new ArrayList<>();
      if (subjectEnd == from) {
        if (inherited == null) {
          return;
        }
        subjects.add(inherited);
      } else {
        for (String s : splitList(from, subjectEnd)) {
          subjects.add(resolve(s, inherited));
        }
      }
      if (subjects.isEmpty()) {
        return;
      }
      String possessive = t.low[from];
      if (inherited == null) {
        lastSubject[0] = subjects.get(0);
      }
      // "tokens that no expert accepts" states that nothing acts on them: no object-gap link
      if (relative && subjectEnd > from && !possessive.equals("no")) {
        objectGap(subjects, verb, to, inherited);
      }
      if (subjectEnd > from && (possessive.equals("its") || possessive.equals("their")) && owner != null) {
        // "Its main prey is ...": the previous subject has it
        emit(owner, "has", subjects.get(0));
      }
      predicate(subjects, verb, to);
    }

    /**
     * A subordinate clause after an object ("takes place during the Festival of Lamps, when the herons
     * return to Lake Oru") is about that object: its first subject is tied to the object by a
     * same-statement edge, so the festival and the herons are one hop apart.
     */
    void subordinate(int from, int to, String object) {
      int before = out.size();
      String keep = lastSubject[0];
      clause(from, to, null);
      if (object != null && out.size() > before) {
        String sub = out.get(before).subject();
        if (!ConceptNames.key(sub).equals(ConceptNames.key(object))) {
          emit(object, KnowledgeGraph.CLAUSE_RELATION, sub);
        }
      }
      lastSubject[0] = keep;
    }

    /** The object-gap link of a relative clause: its subjects act on the antecedent through its verb. */
    void objectGap(List<String> subjects, int v, int to, String antecedent) {
      int j = v;
      while (j < to && (Lexicon.isModal(t.low[j]) || Lexicon.isAdverb(t.low[j]) || Lexicon.isHave(t.low[j]))) {
        j++;
      }
      if (j < to && (t.low[j].equals("not") || t.low[j].equals("never"))) {
        return; // "which the guild never buys" states no link
      }
      if (j >= to || Lexicon.isBe(t.low[j])) {
        return;
      }
      String base = Lexicon.base(t.low[j]);
      if (base == null) {
        return;
      }
      if ((base.equals("call") || base.equals("name")) && j + 1 < to) {
        int end = j + 1;
        while (end < to && isWordAt(end)) {
          end++;
        }
        String name = phrase(j + 1, end);
        if (name != null) {
          emit(antecedent, ALIAS_RELATION, name);
        }
        return;
      }
      for (String s : subjects) {
        if (!ConceptNames.key(s).equals(ConceptNames.key(antecedent))) {
          emit(s, t.orig[j].toLowerCase(), antecedent);
        }
      }
    }

    /** Words that open a clause about the time, place or reason of what precedes ("when", "where", "because"). */
    static boolean isSubordinator(String w) {
      return w.equals("when") || w.equals("where") || w.equals("while") || w.equals("because") || w.equals("since")
          || w.equals("once") || w.equals("although") || w.equals("though") || w.equals("whereas");
    }

    /** The verb of the main clause after a restrictive relative clause starting at {@code from}, or -1. */
    int mainVerbAfterRelative(int from, int to) {
      int v1 = -1;
      for (int k = from; k < to; k++) {
        if (isComma(k)) {
          return -1;
        }
        if (isVerbAt(k, from, true)) {
          if (v1 < 0) {
            v1 = k;
            continue;
          }
          String prev = t.low[k - 1];
          if (k > v1 + 1 && !prev.equals("and") && !prev.equals("or") && !Lexicon.isModal(prev)
              && !Lexicon.isBe(prev) && !Lexicon.isHave(prev) && !prev.equals("not")) {
            return k;
          }
        }
      }
      return -1;
    }

    /**
     * After "and": does a finite verb follow before any relative word? Then "and a pigment in the
     * alga, called orulin, collects ..." starts a clause rather than continuing a list of objects.
     * Participles ("called") are asides, not the verb.
     */
    /**
     * Is token k, right after "and", a verb that starts a second predicate of the same subject? A listed
     * verb followed by an object pronoun, a determiner or a preposition ("and carry it", "and polished
     * with") is; "and sails for the fishers" (a noun) is not told apart by this and is left to the caller.
     */
    boolean coordinatedVerb(int k, int to) {
      if (k + 1 >= to || !isWordAt(k)) {
        return false;
      }
      String base = Lexicon.base(t.low[k]);
      Lexicon.Form f = Lexicon.form(t.low[k]);
      if (base == null || f == Lexicon.Form.ING || !Lexicon.isListed(base)) {
        return false;
      }
      String next = t.low[k + 1];
      return next.equals("it") || next.equals("them") || objectFollows(k)
          || (f == Lexicon.Form.PAST && Lexicon.isPreposition(next) && !next.equals("of"));
    }

    boolean clauseAhead(int from, int to) {
      for (int i = from + 1; i < to; i++) {
        String w = t.low[i];
        if (w.equals("which") || w.equals("who") || w.equals("that")) {
          return false;
        }
        if (isComma(i) && i + 1 < to && (t.low[i + 1].equals("and") || t.low[i + 1].equals("but"))) {
          return false; // a verb past ", and" belongs to the next clause ("and polished with rouge, and the ...")
        }
        if (isVerbAt(i, from, false) && Lexicon.form(w) != Lexicon.Form.PAST) {
          return true;
        }
      }
      return false;
    }

    boolean hasVerb(int from, int to) {
      for (int i = from + 1; i < to; i++) {
        if (isVerbAt(i, from, false)) {
          return true;
        }
      }
      return false;
    }

    String resolve(String subject, String inherited) {
      String low = subject.toLowerCase();
      if (Lexicon.isPronoun(low)) {
        return inherited != null ? inherited : lastSubject[0];
      }
      return sameHead(subject);
    }

    /**
     * "Lantern oil burns ... The oil lights ...", "the sailmakers of Kettlemark ... The sailmakers sew":
     * a bare noun is the most recent longer phrase with the same head, within the last {@link #RECENT}
     * phrases; otherwise itself.
     */
    String sameHead(String phrase) {
      String low = phrase.toLowerCase();
      if (low.indexOf(' ') >= 0) {
        return phrase;
      }
      for (int i = recent.size() - 1; i >= 0 && i >= recent.size() - RECENT; i--) {
        List<String> pw = ConceptNames.words(recent.get(i));
        // the head is the word before "of" ("sailmakers of Kettlemark"), else the last word; same word,
        // same number: "the mills" is not "Hollin Mill"
        int of = pw.indexOf("of");
        String head = of > 0 ? pw.get(of - 1) : pw.get(pw.size() - 1);
        if (pw.size() > 1 && (of > 0 ? of <= 2 : pw.size() <= 3) && head.equals(low)) {
          return recent.get(i);
        }
      }
      return phrase;
    }

    static final int RECENT = 30;

    void aliasInParens(int npFrom, int npTo, int from, int to) {
      String subj = phrase(npFrom, npTo);
      if (subj == null || from >= to) {
        return;
      }
      String w = t.low[from];
      if (w.equals("also") || w.equals("called") || w.equals("known") || w.equals("or")) {
        aliasAfter(subj, from, to);
      }
    }

    /** "also called Y", "also known as Y", "known as Y", "or Y" starting at {@code from}. */
    void aliasAfter(String subject, int from, int to) {
      int k = from;
      while (k < to && (t.low[k].equals("also") || t.low[k].equals("called") || t.low[k].equals("known")
          || t.low[k].equals("as") || t.low[k].equals("or") || t.low[k].equals("simply"))) {
        k++;
      }
      String alias = phrase(k, to);
      if (alias != null) {
        emit(subject, ALIAS_RELATION, alias);
      }
    }

    void predicate(List<String> subjects, int v, int to) {
      boolean neg = false;
      int j = v;
      // modals, perfect "has", negation and adverbs before the main verb
      while (j < to) {
        String w = t.low[j];
        if (w.equals("not") || w.equals("never") || w.equals("cannot")) {
          neg = true;
          j++;
        } else if (Lexicon.isModal(w) || Lexicon.isAdverb(w)) {
          j++;
        } else if (Lexicon.isHave(w) && j + 1 < to && (Lexicon.form(t.low[j + 1]) == Lexicon.Form.PAST
            || Lexicon.isBe(t.low[j + 1]) || Lexicon.isAdverb(t.low[j + 1]))) {
          j++;
        } else {
          break;
        }
      }
      if (j >= to) {
        return;
      }
      String w = t.low[j];
      if (Lexicon.isBe(w)) {
        j++;
        while (j < to && (Lexicon.isAdverb(t.low[j]) || t.low[j].equals("not") || t.low[j].equals("never"))) {
          neg |= !Lexicon.isAdverb(t.low[j]);
          j++;
        }
        if (j >= to) {
          return;
        }
        Lexicon.Form f = Lexicon.form(t.low[j]);
        boolean participle = f == Lexicon.Form.PAST
            || (f == Lexicon.Form.BASE && (t.low[j].equals("cut") || t.low[j].equals("set") || t.low[j].equals("put")
                || t.low[j].equals("cast") || t.low[j].equals("split") || t.low[j].equals("spread")));
        if (participle && !t.low[j].equals("left")) {
          passive(subjects, j, to, neg);
        } else if (f == Lexicon.Form.ING) {
          active(subjects, Lexicon.third(Lexicon.base(t.low[j])), j + 1, to, neg);
        } else {
          copula(subjects, j, to, neg);
        }
        return;
      }
      Lexicon.Form f = Lexicon.form(w);
      if (f == Lexicon.Form.NONE && !Lexicon.isHave(w) && !guessedVerb(j, 0)) {
        return;
      }
      String rel = t.orig[j].toLowerCase();
      if (neg) {
        String base = Lexicon.isHave(w) ? "have" : Lexicon.base(w);
        rel = "does not " + (base == null ? w : base);
      }
      active(subjects, rel, j + 1, to, false);
    }

    private static final String[] PART_OF = {
      "part", "kind", "type", "form", "member", "example", "home", "source", "symbol", "sign", "center",
      "centre", "branch", "measure", "unit", "variant", "cousin", "relative", "descendant", "ancestor"
    };

    void copula(List<String> subjects, int j, int to, boolean neg) {
      String rel = neg ? "is not" : "is";
      int k = j;
      while (k < to && ConceptNames.isDeterminer(t.low[k])) {
        k++;
      }
      if (k + 1 < to && t.low[k + 1].equals("of")) {
        for (String p : PART_OF) {
          if (p.equals(ConceptNames.singular(t.low[k]))) {
            rel = rel + " " + p + " of";
            j = k + 2;
            break;
          }
        }
      }
      if (j < to && Lexicon.isPreposition(t.low[j]) && !t.low[j].equals("of")) {
        rel = rel + " " + t.low[j];
        j++;
      }
      objects(subjects, rel, j, to);
    }

    void passive(List<String> subjects, int p, int to, boolean neg) {
      String base = Lexicon.base(t.low[p]);
      int k = p + 1;
      while (k < to && Lexicon.isAdverb(t.low[k])) {
        k++;
      }
      if (k < to && t.low[k].equals("by") && !neg) {
        // agent: "X is used by Y" -> Y uses X
        List<Obj> agents = new ArrayList<>();
        int end = parseObjects(k + 1, to, agents, subjects.get(0));
        for (Obj a : agents) {
          if (a.prep == null) {
            for (String s : subjects) {
              emit(a.text, Lexicon.third(base), s);
            }
          }
        }
        return;
      }
      String participle = t.low[p];
      if ((participle.equals("called") || participle.equals("named")) && k < to && !neg
          && !Lexicon.isPreposition(t.low[k])) {
        String alias = phrase(k, endOfPhrase(k, to));
        if (alias != null) {
          for (String s : subjects) {
            emit(s, ALIAS_RELATION, alias);
          }
        }
        return;
      }
      if (participle.equals("known") && k < to && t.low[k].equals("as") && !neg) {
        String alias = phrase(k + 1, endOfPhrase(k + 1, to));
        if (alias != null) {
          for (String s : subjects) {
            emit(s, ALIAS_RELATION, alias);
          }
        }
        return;
      }
      String rel = (neg ? "is not " : "is ") + participle;
      if (k < to && Lexicon.isPreposition(t.low[k])) {
        rel = rel + " " + t.low[k];
        k++;
      }
      List<Obj> objs = new ArrayList<>();
      parseObjects(k, to, objs, subjects.get(0));
      for (Obj o : objs) {
        for (String s : subjects) {
          if ("by".equals(o.prep) && !neg) {
            emit(o.text, Lexicon.third(base), s); // "cast from glass by founders": founders cast X
          } else {
            emit(s, o.prep == null ? rel : withPrep(rel, o.prep), o.text);
          }
        }
      }
    }

    void active(List<String> subjects, String rel, int j, int to, boolean neg) {
      if (neg) {
        rel = "not " + rel;
      }
      while (j < to && Lexicon.isAdverb(t.low[j])) {
        j++;
      }
      if (j + 1 < to && t.low[j].equals("that")) {
        // "believe that the comet brings a hard winter": the clause's subject is what is believed,
        // and the clause is a statement of its own
        int end = endOfPhrase(j + 1, to);
        String what = phrase(j + 1, end);
        if (what != null) {
          for (String s : subjects) {
            emit(s, rel, what);
          }
        }
        String keep = lastSubject[0];
        clause(j + 1, to, null);
        lastSubject[0] = keep;
        return;
      }
      if (j < to && Lexicon.isPreposition(t.low[j]) && !t.low[j].equals("to")) {
        rel = rel + " " + t.low[j];
        j++;
      } else if (j + 1 < to && t.low[j].equals("to") && Lexicon.form(t.low[j + 1]) != Lexicon.Form.BASE) {
        rel = rel + " to";
        j++;
      }
      int indirectEnd = neg ? -1 : indirectObjectEnd(rel, j, to);
      if (indirectEnd > 0) {
        // "the fleet brings the keepers rope and lamp oil": the keepers receive, the rope is brought
        String indirect = phrase(j, indirectEnd);
        int before = out.size();
        objects(subjects, rel, indirectEnd, to);
        for (int i = before, n = out.size(); i < n; i++) {
          Triple d = out.get(i);
          if (d.relation().equals(rel) && indirect != null) {
            emit(d.object(), KnowledgeGraph.CLAUSE_RELATION, indirect);
          }
        }
        for (String s : subjects) {
          emit(s, withPrep(rel, "to"), indirect);
        }
        return;
      }
      objects(subjects, rel, j, to);
    }

    /**
     * Where the indirect object of a double-object verb ends ("brings the keepers rope", "gives the families
     * green bottles"), or -1: a giving verb, then a determiner and one plural noun or person word directly
     * followed by another noun phrase. A plural first noun is what tells "the keepers rope" (two objects)
     * from "the ship biscuit" (one compound); English rarely compounds a plural.
     */
    int indirectObjectEnd(String rel, int j, int to) {
      if (rel.indexOf(' ') >= 0 || !Lexicon.takesTwoObjects(Lexicon.base(rel)) || j + 2 >= to) {
        return -1;
      }
      String det = t.low[j];
      if (!(det.equals("the") || det.equals("their") || det.equals("its") || det.equals("our") || det.equals("his")
          || det.equals("her") || det.equals("each") || det.equals("every"))) {
        return -1;
      }
      String noun = t.low[j + 1];
      String next = t.low[j + 2];
      boolean plural = (noun.endsWith("s") && !noun.endsWith("ss") && !noun.endsWith("us") && !noun.endsWith("is"))
          || Lexicon.isPluralWithoutS(noun);
      if (!plural || !isWordAt(j + 1) || !isWordAt(j + 2) || Lexicon.isPreposition(next) || next.equals("and")
          || next.equals("or") || Lexicon.isClauseWord(next) || Lexicon.form(next) != Lexicon.Form.NONE
          && Lexicon.isListed(Lexicon.base(next))) {
        return -1;
      }
      return j + 2;
    }

    /** A parsed object: noun phrase text, and the preposition it hung from (null for the direct object). */
    record Obj(String prep, String text) {}

    void objects(List<String> subjects, String rel, int j, int to) {
      List<Obj> objs = new ArrayList<>();
      parseObjects(j, to, objs, subjects.get(0));
      for (Obj o : objs) {
        String r = o.prep == null ? rel : withPrep(rel, o.prep);
        for (String s : subjects) {
          emit(s, r, o.text);
        }
      }
      // "supply barley flour to the bakeries": flour and bakeries are tied by the statement too
      for (Obj d : objs) {
        if (d.prep != null) {
          continue;
        }
        for (Obj p : objs) {
          if (p.prep != null) {
            emit(d.text, KnowledgeGraph.CLAUSE_RELATION, p.text);
          }
        }
      }
    }

    /** "is written with" + "on" -> "is written on": a relation carries one preposition. */
    static String withPrep(String rel, String prep) {
      int sp = rel.lastIndexOf(' ');
      if (sp > 0 && Lexicon.isPreposition(rel.substring(sp + 1))) {
        rel = rel.substring(0, sp);
      }
      return rel + " " + prep;
    }

    /** Where a noun phrase starting at {@code from} ends. */
    int endOfPhrase(int from, int to) {
      return endOfPhrase(from, to, false);
    }

    /**
     * Where a noun phrase starting at {@code from} ends. In object position ({@code object}) an -s
     * form does not end it: the clause already has its verb, so "cut salt blocks from the caves" reads
     * "salt blocks" as a noun; a new clause must come after "and" or a comma, handled by the caller.
     */
    int endOfPhrase(int from, int to, boolean object) {
      int k = from;
      while (k < to) {
        String w = t.low[k];
        if (isComma(k) || w.equals("(") || w.equals(")") || w.equals("and") || w.equals("or")
            || (Lexicon.isClauseWord(w) && k > from)
            || (Lexicon.isPreposition(w) && !w.equals("of") && k > from)
            // a determiner after a noun starts a new phrase ("every autumn | the millers")
            || (k > from && ConceptNames.isDeterminer(w) && !t.low[k - 1].equals("of") && !ConceptNames.isDeterminer(t.low[k - 1]))
            || (k > from && isVerbAt(k, from, false)
                && !(object && Lexicon.form(t.low[k]) == Lexicon.Form.THIRD && isWordAt(k + 1)
                    && !ConceptNames.isDeterminer(t.low[k + 1])))) {
          break;
        }
        k++;
      }
      return k;
    }

    /**
     * Reads "NP (, NP)* (and|or NP)? (prep NP)*" from {@code j}; hands off relative clauses, purpose
     * "to VERB" and "and VERB" continuations. Returns where it stopped.
     */
    int parseObjects(int j, int to, List<Obj> objs, String subject) {
      String prep = null;
      String lastNp = null;
      while (j < to) {
        while (j < to && (Lexicon.isAdverb(t.low[j]) || t.low[j].equals(")"))) {
          j++;
        }
        if (j >= to) {
          break;
        }
        int end = endOfPhrase(j, to, true);
        if (end > j) {
          String np = phrase(j, end);
          if (np != null) {
            objs.add(new Obj(prep, np));
            lastNp = np;
          }
        }
        j = end;
        if (j >= to) {
          break;
        }
        String w = t.low[j];
        if (w.equals("(")) {
          int close = j + 1;
          while (close < to && !t.low[close].equals(")")) {
            close++;
          }
          if (lastNp != null && close > j + 1) {
            String inner = t.low[j + 1];
            if (inner.equals("also") || inner.equals("called") || inner.equals("known") || inner.equals("or")) {
              aliasAfter(lastNp, j + 1, close);
            }
          }
          j = close + 1;
          continue;
        }
        if (isComma(j) || w.equals("and") || w.equals("or")) {
          int k = j + 1;
          while (k < to && (isComma(k) || t.low[k].equals("and") || t.low[k].equals("or"))) {
            k++;
          }
          if (k >= to) {
            break;
          }
          String nw = t.low[k];
          if ((nw.equals("which") || nw.equals("who")) && lastNp != null) {
            relative(k + 1, to, lastNp);
            return to;
          }
          if ((nw.equals("also") || nw.equals("called") || nw.equals("known")) && lastNp != null && isComma(j)) {
            int close = nextComma(k, to);
            aliasAfter(lastNp, k, close < 0 ? to : close);
            j = close < 0 ? to : close;
            continue;
          }
          if (isSubordinator(nw) && lastNp != null) {
            subordinate(k + 1, to, lastNp);
            return to;
          }
          if (Lexicon.isClauseWord(nw) || Lexicon.isPronoun(nw) || Lexicon.isFillerStart(nw)) {
            clause(k, to, null);
            return to;
          }
          if (hasWord(j, k, "and") && coordinatedVerb(k, to)) {
            // "scrape the crust with rakes and carry it to the sheds": same subject, new predicate
            clause(k, to, subject);
            return to;
          }
          int npEnd = endOfPhrase(k, to);
          if ((npEnd > k && npEnd < to && (isVerbAt(npEnd, k, false) || Lexicon.isModal(t.low[npEnd])))
              || (hasWord(j, k, "and") && clauseAhead(k, to))) {
            // ", and its founders have worked there": a new clause with its own subject
            clause(k, to, null);
            return to;
          }
          Lexicon.Form nf = Lexicon.form(nw);
          if (Lexicon.isModal(nw) || (nf != Lexicon.Form.NONE && nf != Lexicon.Form.ING && !ConceptNames.isDeterminer(nw)
              && (Lexicon.isListed(Lexicon.base(nw)) || wordNetVerbAt(k, nf)))) {
            // "and feeds the town": same subject, new predicate
            clause(k, to, subject);
            return to;
          }
          if (isComma(j) && k == j + 1 && lastNp != null && (nw.equals("a") || nw.equals("an") || nw.equals("the"))) {
            int close = nextComma(k, to);
            int appEnd = close < 0 ? to : close;
            if (!hasWord(k, appEnd, "and") && !hasWord(k, appEnd, "or") && !hasVerb(k, appEnd)) {
              // "named after Ada Pell, the founder of the Marrow group": an appositive
              String app = phrase(k, appEnd);
              if (app != null) {
                emit(lastNp, "is", app);
              }
              j = appEnd;
              continue;
            }
          }
          if (Lexicon.isPreposition(nw) && isComma(j)) {
            // ", in winter," style aside: keep as a prepositional object
            prep = nw;
            j = k + 1;
            continue;
          }
          j = k;
          continue;
        }
        if ((w.equals("called") || w.equals("named")) && lastNp != null && j + 1 < to) {
          // "form a guild called the Ringing Hall": the name is an object too, and is that guild
          int nameEnd = endOfPhrase(j + 1, to);
          String name = phrase(j + 1, nameEnd);
          if (name != null) {
            objs.add(new Obj(prep, name));
            emit(name, "is", lastNp);
            lastNp = name;
          }
          j = nameEnd;
          continue;
        }
        if (w.equals("to") && j + 1 < to && Lexicon.form(t.low[j + 1]) == Lexicon.Form.BASE) {
          // purpose: "uses salt to preserve fish" -> salt preserve(s) fish
          clause(j + 1, to, lastNp != null ? lastNp : subject);
          return to;
        }
        if (Lexicon.isPreposition(w)) {
          prep = w;
          j++;
          continue;
        }
        if ((w.equals("which") || w.equals("who") || w.equals("that")) && lastNp != null) {
          relative(j + 1, to, lastNp);
          return to;
        }
        if (Lexicon.isClauseWord(w)) {
          if (lastNp != null && isSubordinator(w)) {
            subordinate(j + 1, to, lastNp);
          } else {
            clause(j + 1, to, null);
          }
          return to;
        }
        if (lastNp != null && Lexicon.form(w) == Lexicon.Form.PAST && j + 1 < to
            && Lexicon.isPreposition(t.low[j + 1]) && !t.low[j + 1].equals("of")) {
          // a reduced relative: "baskets woven from sea rush", "soot bought from the glassworks"; what it
          // names belongs to the whole statement too ("a kite is made of silk stretched over a frame")
          List<String> one = new ArrayList<>();
          one.add(lastNp);
          int before = out.size();
          passive(one, j, to, false);
          for (int i = before, n = out.size(); i < n; i++) {
            Triple r = out.get(i);
            if (subject != null && r.subject().equals(lastNp) && !ConceptNames.key(subject).equals(ConceptNames.key(r.object()))) {
              emit(subject, KnowledgeGraph.CLAUSE_RELATION, r.object());
            }
          }
          return to;
        }
        // a verb right after the object: a new clause we cannot attribute; stop here
        break;
      }
      return j;
    }

    /** Splits "A, B and C" between {@code from} and {@code to} into phrases. */
    List<String> splitList(int from, int to) {
      List<String> parts = new ArrayList<>();
      int start = from;
      for (int i = from; i <= to; i++) {
        if (i == to || isComma(i) || t.low[i].equals("and") || t.low[i].equals("or")) {
          String p = phrase(start, i);
          if (p != null) {
            parts.add(p);
          }
          start = i + 1;
        }
      }
      return parts;
    }

    /**
     * The noun phrase in tokens [from, to) as text: determiners, adverbs and punctuation dropped, at
     * most {@link #MAX_NP_WORDS} words (the last ones: English heads come last). Null when nothing is left.
     */
    String phrase(int from, int to) {
      List<String> words = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String w = t.low[i];
        if (!isWordAt(i) || Lexicon.isAdverb(w) || (words.isEmpty() && ConceptNames.isDeterminer(w))) {
          continue;
        }
        words.add(t.orig[i]);
      }
      if (words.isEmpty()) {
        return null;
      }
      int start = Math.max(0, words.size() - MAX_NP_WORDS);
      StringBuilder sb = new StringBuilder();
      for (int i = start; i < words.size(); i++) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(words.get(i));
      }
      return sb.toString();
    }

    void emit(String s, String r, String o) {
      if (s == null || o == null || s.isBlank() || o.isBlank() || r.isBlank()) {
        return;
      }
      if (Lexicon.isPronoun(o.toLowerCase()) || ConceptNames.isStopWord(ConceptNames.key(o))) {
        return;
      }
      if (ConceptNames.key(s).isEmpty() || ConceptNames.key(o).isEmpty()) {
        return;
      }
      if (!r.equals(ALIAS_RELATION)) {
        o = sameHead(o);
      }
      out.add(new Triple(s, r, o));
      recent.add(s);
      recent.add(o);
    }
  }
}
