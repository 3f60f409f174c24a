package dev.engram.knowledge;

/**
 * The one place randomized knowledge tests take their seed from: {@code -Dengram.test.seed=N} to
 * replay, otherwise a fresh one. {@link #rerun} is the line a failure prints.
 */
final class TestSeeds {
  private TestSeeds() {}

  static long seed() {
    Long fixed = Long.getLong("engram.test.seed");
    return fixed != null ? fixed : System.nanoTime();
  }

  static String rerun(String testClass, long seed) {
    return "seed " + seed + "; rerun: mvn -q -B -pl core -am test -Dtest=" + testClass
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.test.seed=" + seed;
  }
}
