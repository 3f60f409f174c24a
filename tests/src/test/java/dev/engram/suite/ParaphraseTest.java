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
 * The paraphrase set (tests/src/test/resources/paraphrase): questions that share no content word with
 * the fact that answers them, and questions nothing answers, all asked of one scope holding every fact.
 * Reports accuracy with and without semantic recall, writes {@code target/paraphrase-report.md}, and
 * fails when the encoder answers no more paraphrases than the lexical path, or below
 * {@link #MIN_ANSWERED_WITH} answered or {@link #MIN_ABSTAINED} abstained with the encoder.
 * Run alone with:
 *
 * <pre>
 * mvn -q -B -pl tests -am verify -Dtest=ParaphraseTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ParaphraseTest {
  /**
   * Bars a little under the measured numbers in docs/BENCHMARKS.md (13.8% answered, 89.6% abstained).
   * The issue's targets (60% and 95%) are NOT met yet; these bars only stop a regression.
   */
  static final double MIN_ANSWERED_WITH = 0.12;
  static final double MIN_ABSTAINED = 0.87;

  record Pair(String fact, String question, List<String> accept) {}

  static List<String> lines(String name) throws IOException {
    try (InputStream in = ParaphraseTest.class.getResourceAsStream("/paraphrase/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource paraphrase/" + name);
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

  static List<Pair> pairs() throws IOException {
    List<Pair> out = new ArrayList<>();
    for (String line : lines("answerable.tsv")) {
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
    List<Pair> pairs = pairs();
    assertTrue(pairs.size() >= 100, "the set needs >= 100 paraphrases, has " + pairs.size());
    assertTrue(lines("unanswerable.tsv").size() >= 100, "the set needs >= 100 unanswerable questions");
    List<String> overlaps = new ArrayList<>();
    for (Pair p : pairs) {
      Set<String> shared = contentKeys(p.fact());
      shared.retainAll(contentKeys(p.question()));
      if (!shared.isEmpty()) {
        overlaps.add(p.question() + " / " + p.fact() + " share " + shared);
      }
    }
    assertEquals(List.of(), overlaps, "a paraphrase must not share a content word with its fact");
  }

  record Score(int answered, int wrong, int abstained, int unanswerable, List<String> log) {}

  static Score run(boolean semantic) throws IOException {
    Memory memory = new Memory(MemoryConfig.DEFAULT, () -> 1_700_000_000_000L);
    if (semantic) {
      memory.useSemantic(WordTable.shipped(), SemanticParams.DEFAULT);
    }
    List<Pair> pairs = pairs();
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
    List<String> unanswerable = lines("unanswerable.tsv");
    int abstained = 0;
    for (String q : unanswerable) {
      String got = memory.get("p", q);
      if (got == null) {
        abstained++;
      } else {
        log.add("FALSE  " + q + " -> " + got);
      }
    }
    return new Score(answered, wrong, abstained, unanswerable.size(), log);
  }

  @Test
  void theEncoderAnswersParaphrasesAndStillAbstains() throws IOException {
    int total = pairs().size();
    Score without = run(false);
    long start = System.nanoTime();
    Score with = run(true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    String table = "| | answered | wrong value | abstained on unanswerable |\n|---|---|---|---|\n"
        + row("lexical only", without, total) + row("with the built-in encoder", with, total);
    StringBuilder report = new StringBuilder("# Paraphrase set\n\n").append(table)
        .append("\n(").append(total).append(" paraphrases, ").append(with.unanswerable())
        .append(" unanswerable questions; with-encoder run incl. table load: ").append(millis).append(" ms)\n\n")
        .append("## Misses and false answers with the encoder\n\n");
    for (String l : with.log()) {
      report.append("    ").append(l).append('\n');
    }
    Path out = Path.of("target", "paraphrase-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    System.out.println(report);
    assertTrue(with.answered() > without.answered(), "the encoder answers no more paraphrases ("
        + with.answered() + ") than the lexical path (" + without.answered() + ")");
    assertTrue(with.abstained() >= without.abstained() - 1, "the encoder costs abstention: "
        + with.abstained() + " vs " + without.abstained() + " lexical-only");
    double answered = with.answered() / (double) total;
    double abstained = with.abstained() / (double) with.unanswerable();
    assertTrue(answered >= MIN_ANSWERED_WITH, "paraphrases answered with the encoder: " + pct(answered)
        + " < " + pct(MIN_ANSWERED_WITH) + "; see " + out.toAbsolutePath());
    assertTrue(abstained >= MIN_ABSTAINED, "abstention on unanswerable with the encoder: " + pct(abstained)
        + " < " + pct(MIN_ABSTAINED) + "; see " + out.toAbsolutePath());
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
