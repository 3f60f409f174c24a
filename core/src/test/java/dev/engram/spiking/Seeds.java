package dev.engram.spiking;

/**
 * The one place randomized spiking tests get their seed: {@code -Dengram.seed=N} overrides the default, and
 * every failure message carries {@link #rerun} so it can be reproduced with one command.
 */
final class Seeds {
  private Seeds() {}

  static final long SEED = Long.getLong("engram.seed", 20261123L);

  static String rerun(String testClass) {
    return " [seed " + SEED + "; rerun: mvn -q -B -pl core -am test -Dtest=" + testClass
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=" + SEED + "]";
  }
}
