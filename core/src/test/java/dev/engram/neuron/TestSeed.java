package dev.engram.neuron;

/**
 * The one place randomized neuron tests get their seed: {@code -Dtests.seed=N} runs another one (a
 * longer sweep passes many), otherwise the test run uses a fixed seed so it cannot fail by chance.
 * {@link #rerun} is the line a failure prints.
 */
final class TestSeed {
  static final long SEED = Long.getLong("tests.seed", 20261123L);

  private TestSeed() {}

  static String rerun(String testClass) {
    return "seed " + SEED + "; rerun with: mvn -q -B -pl core -am test -Dtest=" + testClass
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dtests.seed=" + SEED;
  }
}
