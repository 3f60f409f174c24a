package dev.engram.neuron;

/**
 * The one place randomized neuron tests get their seed: {@code -Dtests.seed=N} replays a run,
 * otherwise a fresh seed is drawn. {@link #rerun} is the line a failure prints.
 */
final class TestSeed {
  static final long SEED = Long.getLong("tests.seed", System.nanoTime() ^ 0x5DEECE66DL);

  private TestSeed() {}

  static String rerun(String testClass) {
    return "seed " + SEED + "; rerun with: mvn -q -B -pl core -am test -Dtest=" + testClass
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dtests.seed=" + SEED;
  }
}
