package dev.engram.suite;

import dev.engram.suite.SuiteRunner.Outcome;
import dev.engram.suite.SuiteRunner.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a run and renders it as Markdown: a table per category, the overall accuracy, the correct
 * abstention rate, the false-answer rate, a calibration line, and every failure.
 *
 * <p>Definitions (also printed in the report): accuracy = right cases / all cases, where a case is right
 * when its value matched or, for an unanswerable case, memory abstained. Correct abstention = abstained /
 * unanswerable cases. False answers = cases where memory gave a value it should not have (a wrong value on
 * an answerable case or any value on an unanswerable one); its rate is over all cases. Missed = null on an
 * answerable case (not false, but not right either).
 */
final class SuiteReport {
  final List<Result> results;
  final Map<String, int[]> byCategory = new LinkedHashMap<>();
  final int total;
  final int right;
  final int unanswerable;
  final int abstained;
  final int falseAnswers;
  final int missed;
  final int errors;

  // per-category counter slots
  private static final int CASES = 0;
  private static final int RIGHT = 1;
  private static final int FALSE = 2;
  private static final int MISSED = 3;
  private static final int ERRORS = 4;
  private static final int UNANSWERABLE = 5;
  private static final int ABSTAINED = 6;

  /** The documented categories, in report order; any other category found in the data follows them. */
  static final List<String> CATEGORIES = List.of(
      "direct", "paraphrase_wordforms", "distractors", "updates", "numbers_counts",
      "abstention", "chains", "long_scopes", "neuron_db_readme");

  SuiteReport(List<Result> results) {
    this.results = results;
    for (String category : CATEGORIES) {
      byCategory.put(category, new int[7]);
    }
    int r = 0;
    int u = 0;
    int a = 0;
    int f = 0;
    int m = 0;
    int e = 0;
    for (Result result : results) {
      int[] row = byCategory.computeIfAbsent(result.suiteCase().category(), k -> new int[7]);
      Outcome o = result.outcome();
      row[CASES]++;
      if (o.right()) {
        row[RIGHT]++;
        r++;
      }
      if (o.falseAnswer()) {
        row[FALSE]++;
        f++;
      }
      if (o == Outcome.MISSED) {
        row[MISSED]++;
        m++;
      }
      if (o == Outcome.ERROR) {
        row[ERRORS]++;
        e++;
      }
      if (!result.suiteCase().answerable()) {
        row[UNANSWERABLE]++;
        u++;
        if (o == Outcome.ABSTAINED) {
          row[ABSTAINED]++;
          a++;
        }
      }
    }
    total = results.size();
    right = r;
    unanswerable = u;
    abstained = a;
    falseAnswers = f;
    missed = m;
    errors = e;
  }

  double accuracy() {
    return total == 0 ? 0 : (double) right / total;
  }

  double correctAbstention() {
    return unanswerable == 0 ? 0 : (double) abstained / unanswerable;
  }

  double falseAnswerRate() {
    return total == 0 ? 0 : (double) falseAnswers / total;
  }

  boolean passes() {
    return accuracy() >= SuiteThresholds.MIN_ACCURACY
        && correctAbstention() >= SuiteThresholds.MIN_CORRECT_ABSTENTION;
  }

  List<Result> failures() {
    List<Result> out = new ArrayList<>();
    for (Result result : results) {
      if (!result.outcome().right()) {
        out.add(result);
      }
    }
    return out;
  }

  String summaryTable() {
    StringBuilder out = new StringBuilder();
    out.append("| category | cases | correct | accuracy | false answers | missed | errors | abstained / unanswerable |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, int[]> entry : byCategory.entrySet()) {
      int[] row = entry.getValue();
      if (row[CASES] == 0) {
        continue;
      }
      out.append("| ").append(entry.getKey())
          .append(" | ").append(row[CASES])
          .append(" | ").append(row[RIGHT])
          .append(" | ").append(percent((double) row[RIGHT] / row[CASES]))
          .append(" | ").append(row[FALSE])
          .append(" | ").append(row[MISSED])
          .append(" | ").append(row[ERRORS])
          .append(" | ").append(row[UNANSWERABLE] == 0 ? "-" : row[ABSTAINED] + " / " + row[UNANSWERABLE])
          .append(" |\n");
    }
    out.append("| **all** | **").append(total)
        .append("** | **").append(right)
        .append("** | **").append(percent(accuracy()))
        .append("** | **").append(falseAnswers)
        .append("** | **").append(missed)
        .append("** | **").append(errors)
        .append("** | **").append(abstained).append(" / ").append(unanswerable)
        .append("** |\n");
    return out.toString();
  }

  String headline() {
    return "accuracy " + percent(accuracy()) + " (" + right + "/" + total + ", bar "
        + percent(SuiteThresholds.MIN_ACCURACY) + "), correct abstention " + percent(correctAbstention())
        + " (" + abstained + "/" + unanswerable + ", bar " + percent(SuiteThresholds.MIN_CORRECT_ABSTENTION)
        + "), false answers " + percent(falseAnswerRate()) + " (" + falseAnswers + "/" + total + ")";
  }

  /** Mean recallValue confidence when the graded answer was right vs when a value was given wrongly. */
  String calibration() {
    double rightSum = 0;
    int rightN = 0;
    double falseSum = 0;
    int falseN = 0;
    for (Result result : results) {
      if (Double.isNaN(result.confidence())) {
        continue;
      }
      if (result.outcome() == Outcome.CORRECT) {
        rightSum += result.confidence();
        rightN++;
      } else if (result.outcome().falseAnswer()) {
        falseSum += result.confidence();
        falseN++;
      }
    }
    return "mean recallValue confidence: " + (rightN == 0 ? "n/a" : hundredths(rightSum / rightN))
        + " on " + rightN + " correct answers, " + (falseN == 0 ? "n/a" : hundredths(falseSum / falseN))
        + " on " + falseN + " false answers (get and recallValue cases)\n" + reliability();
  }

  /** Answers given, binned by confidence, with how many of each bin were right: is the score honest? */
  private String reliability() {
    double[] edges = {0, 0.5, 0.7, 0.85, 1.0001};
    int[] given = new int[edges.length - 1];
    int[] right = new int[edges.length - 1];
    for (Result result : results) {
      boolean answered = result.outcome() == Outcome.CORRECT && result.got() != null || result.outcome().falseAnswer();
      if (Double.isNaN(result.confidence()) || !answered) {
        continue;
      }
      for (int b = 0; b < given.length; b++) {
        if (result.confidence() >= edges[b] && result.confidence() < edges[b + 1]) {
          given[b]++;
          if (result.outcome() == Outcome.CORRECT) {
            right[b]++;
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder("confidence of answers given | answers | right\n");
    for (int b = 0; b < given.length; b++) {
      sb.append(hundredths(edges[b])).append("..").append(hundredths(Math.min(1, edges[b + 1]))).append(" | ")
          .append(given[b]).append(" | ").append(given[b] == 0 ? "-" : percent(right[b] / (double) given[b]))
          .append('\n');
    }
    return sb.toString();
  }

  private static String hundredths(double x) {
    return String.format(java.util.Locale.ROOT, "%.2f", x);
  }

  /** How often get and recallValue disagreed, and how long the asking call took. */
  String consistencyAndTiming() {
    int getCases = 0;
    int disagreements = 0;
    long totalNanos = 0;
    long maxNanos = 0;
    for (Result result : results) {
      if (result.suiteCase().op() == SuiteCase.Op.GET) {
        getCases++;
        if (!result.agrees()) {
          disagreements++;
        }
      }
      totalNanos += result.nanos();
      maxNanos = Math.max(maxNanos, result.nanos());
    }
    return "get and recallValue disagreed on " + disagreements + " of " + getCases + " get cases; asking took "
        + fixed(results.isEmpty() ? 0 : totalNanos / 1000.0 / results.size()) + " us per question on average, "
        + fixed(maxNanos / 1000.0) + " us at most (JVM, includes warm-up)";
  }

  String markdown(long elapsedMillis) {
    StringBuilder out = new StringBuilder();
    out.append("# Memory suite report\n\n");
    out.append("Produced by `dev.engram.suite.MemorySuiteTest` (data: `tests/src/test/resources/memory-suite/`).\n\n");
    out.append("**").append(passes() ? "PASS" : "BELOW THE BAR").append("**: ").append(headline()).append(".\n\n");
    out.append(summaryTable()).append('\n');
    out.append("- accuracy: right cases / all cases (right = accepted value, or null on an unanswerable case)\n");
    out.append("- correct abstention: null answers / unanswerable cases\n");
    out.append("- false answers: a value that should not have been given (wrong value, or any value when the")
        .append(" answer is unknown); rate over all cases\n");
    out.append("- missed: null on an answerable case\n");
    out.append("- ").append(calibration()).append('\n');
    out.append("- ").append(consistencyAndTiming()).append('\n');
    out.append("- run time: ").append(elapsedMillis).append(" ms for ").append(total).append(" cases\n\n");
    List<Result> failures = failures();
    out.append("## Failures (").append(failures.size()).append(")\n\n");
    if (!failures.isEmpty()) {
      out.append("| id | outcome | question | expected | got |\n|---|---|---|---|---|\n");
      for (Result f : failures) {
        out.append("| ").append(cell(f.suiteCase().id()))
            .append(" | ").append(f.outcome())
            .append(" | ").append(cell(f.suiteCase().ask()))
            .append(" | ").append(cell(expected(f.suiteCase())))
            .append(" | ").append(cell(f.got()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  static String expected(SuiteCase c) {
    if (c.accept() == null) {
      return "null (abstain)";
    }
    String value = String.join(" | ", c.accept());
    return c.path() == null ? value : value + "  (path: " + String.join(" -> ", c.path()) + ")";
  }

  static String percent(double share) {
    return fixed(share * 100) + "%";
  }

  private static String fixed(double value) {
    return String.valueOf(Math.round(value * 10) / 10.0);
  }

  private static String cell(String text) {
    if (text == null) {
      return "null";
    }
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
