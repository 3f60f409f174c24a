package dev.engram.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.memory.Memory;
import dev.engram.memory.MemoryConfig;
import dev.engram.semantic.SemanticParams;
import dev.engram.semantic.WordTable;
import dev.engram.text.Lexicon;
import dev.engram.text.Questions;
import dev.engram.text.Stemmer;
import dev.engram.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The paraphrase sets (tests/src/test/resources/paraphrase, the one tuned against, and
 * paraphrase-heldout, written apart and scored only now and then): questions that share no content word
 * with the fact that answers them, and questions nothing answers, each set asked of one scope holding all
 * its facts. Reports accuracy with and without semantic recall, writes {@code target/paraphrase-report.md},
 * and fails when, on either set, the encoder answers no more paraphrases than the lexical path, or
 * answers or abstains below that set's bars ({@link #MIN_ANSWERED_WITH}, {@link #MIN_ABSTAINED},
 * {@link #MIN_ANSWERED_HELD_OUT}, {@link #MIN_ABSTAINED_HELD_OUT}).
 * Run alone with:
 *
 * <pre>
 * mvn -q -B -pl tests -am verify -Dtest=ParaphraseTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ParaphraseTest {
  /**
   * Bars a little under the measured numbers in docs/BENCHMARKS.md: main set 13.8% answered, 95.3%
   * abstained; held-out set 5.4% answered, 94.4% abstained. The issue's 60% answered is NOT met; these
   * bars stop a regression (the abstention one also guards what {@code semantic.ValueFit} bought:
   * 89.6% and 76.9% without it).
   */
  static final double MIN_ANSWERED_WITH = 0.13;
  static final double MIN_ABSTAINED = 0.94;
  static final double MIN_ANSWERED_HELD_OUT = 0.05;
  static final double MIN_ABSTAINED_HELD_OUT = 0.93;

  record Pair(String fact, String question, List<String> accept) {}

  /** The main set, tuned against, and the held-out set, written apart and scored only now and then. */
  static final String MAIN = "paraphrase";
  static final String HELD_OUT = "paraphrase-heldout";

  static List<String> lines(String set, String name) throws IOException {
    try (InputStream in = ParaphraseTest.class.getResourceAsStream("/" + set + "/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + set + "/" + name);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    }
  }

  static List<Pair> pairs(String set) throws IOException {
    List<Pair> out = new ArrayList<>();
    for (String line : lines(set, "answerable.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException("answerable.tsv: expected fact<TAB>question<TAB>answers in: " + line);
      }
      out.add(new Pair(cols[0], cols[1], List.of(cols[2].split("\\|"))));
    }
    return out;
  }

  /** Every key memory could index or match a text's content words under: stem, root, normalized forms. */
  static Set<String> contentKeys(String text) {
    Set<String> keys = new HashSet<>();
    Tokens t = Tokens.of(text);
    for (int i = 0; i < t.size; i++) {
      String w = Questions.normalize(t.norm[i]);
      if (t.has(i, Tokens.SYNTHETIC) || Lexicon.STOP.contains(w) || Lexicon.STOP.contains(t.norm[i])
          || Lexicon.FRAME.contains(w)) {
        continue;
      }
      for (String form : new String[] {t.norm[i], w}) {
        String stem = Stemmer.stem(form);
        keys.add(stem);
        keys.add(Stemmer.root(stem));
      }
    }
    return keys;
  }

  @Test
  void questionsShareNoContentWordWithTheirFact() throws IOException {
    checkSet(MAIN);
    checkSet(HELD_OUT);
  }

  private static void checkSet(String set) throws IOException {
    List<Pair> pairs = pairs(set);
    assertTrue(pairs.size() >= 100, set + " needs >= 100 paraphrases, has " + pairs.size());
    assertTrue(lines(set, "unanswerable.tsv").size() >= 100, set + " needs >= 100 unanswerable questions");
    List<String> overlaps = new ArrayList<>();
    for (Pair p : pairs) {
      Set<String> shared = contentKeys(p.fact());
      shared.retainAll(contentKeys(p.question()));
      if (!shared.isEmpty()) {
        overlaps.add(p.question() + " / " + p.fact() + " share " + shared);
      }
    }
    assertEquals(List.of(), overlaps, set + ": a paraphrase must not share a content word with its fact");
  }

  record Score(int answered, int wrong, int total, int abstained, int unanswerable, List<String> log) {}

  static Score run(String set, boolean semantic) throws IOException {
    Memory memory = new Memory(MemoryConfig.DEFAULT, () -> 1_700_000_000_000L);
    if (semantic) {
      memory.useSemantic(WordTable.shipped(), SemanticParams.DEFAULT);
    }
    List<Pair> pairs = pairs(set);
    for (Pair p : pairs) {
      memory.observe("p", p.fact());
    }
    int answered = 0;
    int wrong = 0;
    List<String> log = new ArrayList<>();
    for (Pair p : pairs) {
      String got = memory.get("p", p.question());
      if (dev.engram.text.ValueMatch.matches(got, p.accept())) {
        answered++;
      } else {
        if (got != null) {
          wrong++;
        }
        log.add((got == null ? "MISSED " : "WRONG  ") + p.question() + " -> " + got + " (want " + p.accept().get(0) + ")");
      }
    }
    List<String> unanswerable = lines(set, "unanswerable.tsv");
    int abstained = 0;
    for (String q : unanswerable) {
      String got = memory.get("p", q);
      if (got == null) {
        abstained++;
      } else {
        log.add("FALSE  " + q + " -> " + got);
      }
    }
    return new Score(answered, wrong, pairs.size(), abstained, unanswerable.size(), log);
  }

  @Test
  void theEncoderAnswersParaphrasesAndStillAbstains() throws IOException {
    StringBuilder report = new StringBuilder("# Paraphrase sets\n\n");
    Score[] main = score(MAIN, report);
    Score[] heldOut = score(HELD_OUT, report);
    Path out = Path.of("target", "paraphrase-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.println(report);
    check(MAIN, main, MIN_ANSWERED_WITH, MIN_ABSTAINED, out);
    check(HELD_OUT, heldOut, MIN_ANSWERED_HELD_OUT, MIN_ABSTAINED_HELD_OUT, out);
  }

  /** Scores one set without and with the encoder, appending its table and log to {@code report}. */
  private static Score[] score(String set, StringBuilder report) throws IOException {
    int total = pairs(set).size();
    Score without = run(set, false);
    long start = System.nanoTime();
    Score with = run(set, true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    report.append("## ").append(set).append("\n\n")
        .append("| | answered | wrong value | abstained on unanswerable |\n|---|---|---|---|\n")
        .append(row("lexical only", without, total)).append(row("with the built-in encoder", with, total))
        .append("\n(").append(total).append(" paraphrases, ").append(with.unanswerable())
        .append(" unanswerable questions; with-encoder run incl. table load: ").append(millis).append(" ms)\n\n")
        .append("Misses and false answers with the encoder:\n\n");
    for (String l : with.log()) {
      report.append("    ").append(l).append('\n');
    }
    report.append('\n');
    return new Score[] {without, with};
  }

  private static void check(String set, Score[] scores, double minAnswered, double minAbstained, Path out) {
    Score without = scores[0];
    Score with = scores[1];
    int total = with.total();
    assertTrue(with.answered() > without.answered(), set + ": the encoder answers no more paraphrases ("
        + with.answered() + ") than the lexical path (" + without.answered() + ")");
    double answered = with.answered() / (double) total;
    double abstained = with.abstained() / (double) with.unanswerable();
    assertTrue(answered >= minAnswered, set + ": paraphrases answered with the encoder: " + pct(answered)
        + " < " + pct(minAnswered) + "; see " + out.toAbsolutePath());
    assertTrue(abstained >= minAbstained, set + ": abstention on unanswerable with the encoder: "
        + pct(abstained) + " < " + pct(minAbstained) + "; see " + out.toAbsolutePath());
  }

  private static String row(String name, Score s, int total) {
    return "| " + name + " | " + s.answered() + "/" + total + " (" + pct(s.answered() / (double) total) + ") | "
        + s.wrong() + " | " + s.abstained() + "/" + s.unanswerable() + " ("
        + pct(s.abstained() / (double) s.unanswerable()) + ") |\n";
  }

  private static String pct(double x) {
    return Math.round(x * 1000) / 10.0 + "%";
  }
}
