package dev.engram.conformance;

/**
 * The one place randomized conformance tests take their seed from: {@code -Dengram.seed=N}, else a
 * fixed default, so the golden file is identical from run to run unless a seed is asked for.
 */
final class Seeds {
  static final long DEFAULT = 20261123L;

  private Seeds() {}

  static long seed() {
    String s = System.getProperty("engram.seed");
    return s == null || s.isBlank() ? DEFAULT : Long.parseLong(s.trim());
  }

  /** The one-line command that reruns {@code testClass} with {@code seed}. */
  static String rerun(Class<?> testClass, long seed) {
    return "rerun: mvn -q -B -pl tests -am verify -Dtest=" + testClass.getSimpleName()
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=" + seed;
  }
}
