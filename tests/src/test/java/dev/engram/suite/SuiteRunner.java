package dev.engram.suite;

import dev.engram.text.ValueMatch;
import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Asks every case of the suite against the engine and grades it with {@link ValueMatch}.
 *
 * <p>Each case gets a scope of its own ({@code suite:<id>}) that nothing else writes, so its facts are
 * the only ones memory holds for it and no earlier question (which a plastic tier may learn from) can
 * touch it. An exception from the engine is graded as a failure of that case, not of the whole run.
 */
final class SuiteRunner {

  /** How a case came out. Only CORRECT and ABSTAINED count as right. */
  enum Outcome {
    /** answerable, and the value matched */
    CORRECT,
    /** unanswerable, and memory returned nothing */
    ABSTAINED,
    /** answerable, memory returned a value that is not accepted (or the chain took the wrong path) */
    WRONG_VALUE,
    /** answerable, memory returned nothing */
    MISSED,
    /** unanswerable, memory returned a value anyway */
    FALSE_ON_UNANSWERABLE,
    /** the engine threw */
    ERROR;

    boolean right() {
      return this == CORRECT || this == ABSTAINED;
    }

    /** A value given that should not have been: the harmful kind of failure. */
    boolean falseAnswer() {
      return this == WRONG_VALUE || this == FALSE_ON_UNANSWERABLE;
    }
  }

  /**
   * One graded case.
   *
   * @param got what the engine returned (for chain, the value and the path; for recall, the top fact)
   * @param confidence recallValue's confidence for get and recallValue cases, NaN when not measured
   * @param nanos time spent in the asking call (not the observes)
   * @param agrees for get cases, whether recallValue gave the same value as get (true when not measured)
   */
  record Result(SuiteCase suiteCase, Outcome outcome, String got, double confidence, long nanos, boolean agrees) {
    Result(SuiteCase suiteCase, Outcome outcome, String got, double confidence, long nanos) {
      this(suiteCase, outcome, got, confidence, nanos, true);
    }
  }

  private SuiteRunner() {}

  static List<Result> run(List<SuiteCase> cases) {
    Engram engram = new Engram();
    List<Result> results = new ArrayList<>(cases.size());
    for (SuiteCase c : cases) {
      results.add(runOne(engram, c));
    }
    return results;
  }

  static Result runOne(Engram engram, SuiteCase c) {
    String scope = "suite:" + c.id();
    try {
      for (String fact : c.facts()) {
        engram.observe(scope, fact);
      }
      long start = System.nanoTime();
      switch (c.op()) {
        case GET -> {
          String value = engram.get(scope, c.ask());
          long nanos = System.nanoTime() - start;
          // Calibration and get/recallValue agreement are measured on the same question, after get, so
          // they never change what is graded; a failing recallValue only leaves them unmeasured.
          double confidence = Double.NaN;
          boolean agrees = true;
          try {
            Answer answer = engram.recallValue(scope, c.ask());
            confidence = answer.confidence();
            agrees = value == null ? answer.value() == null : value.equals(answer.value());
          } catch (RuntimeException e) {
            agrees = false;
          }
          return new Result(c, grade(c, value), value, confidence, nanos, agrees);
        }
        case RECALL_VALUE -> {
          Answer answer = engram.recallValue(scope, c.ask());
          long nanos = System.nanoTime() - start;
          String shown = answer.value() + "  (fact: " + answer.fact() + ")";
          return new Result(c, grade(c, answer.value()), shown, answer.confidence(), nanos);
        }
        case CHAIN -> {
          Chain chain = engram.chain(scope, c.ask());
          long nanos = System.nanoTime() - start;
          String shown = chain.value() + "  (path: "
              + (chain.path() == null ? "null" : String.join(" -> ", chain.path())) + ")";
          Outcome outcome = grade(c, chain.value());
          if (outcome == Outcome.CORRECT && c.path() != null && !samePath(c.path(), chain.path())) {
            outcome = Outcome.WRONG_VALUE;
          }
          return new Result(c, outcome, shown, Double.NaN, nanos);
        }
        case RECALL -> {
          String[] facts = engram.recall(scope, c.ask(), c.k());
          long nanos = System.nanoTime() - start;
          String top = facts.length == 0 ? null : facts[0];
          Outcome outcome = top == null ? Outcome.MISSED
              : ValueMatch.matches(top, c.accept()) ? Outcome.CORRECT : Outcome.WRONG_VALUE;
          return new Result(c, outcome, Arrays.toString(facts), Double.NaN, nanos);
        }
        default -> throw new IllegalStateException("unhandled op " + c.op());
      }
    } catch (RuntimeException e) {
      return new Result(c, Outcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), Double.NaN, 0);
    }
  }

  private static Outcome grade(SuiteCase c, String value) {
    if (!c.answerable()) {
      return value == null ? Outcome.ABSTAINED : Outcome.FALSE_ON_UNANSWERABLE;
    }
    if (value == null) {
      return Outcome.MISSED;
    }
    return ValueMatch.matches(value, c.accept()) ? Outcome.CORRECT : Outcome.WRONG_VALUE;
  }

  private static boolean samePath(List<String> expected, String[] got) {
    if (got == null || got.length != expected.size()) {
      return false;
    }
    for (int i = 0; i < got.length; i++) {
      if (!ValueMatch.normalize(expected.get(i)).equals(ValueMatch.normalize(got[i]))) {
        return false;
      }
    }
    return true;
  }
}
