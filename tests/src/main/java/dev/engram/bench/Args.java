package dev.engram.bench;

/** Command-line number parsing shared by the benchmarks: a bad value exits 2 with the reason. */
final class Args {
  private Args() {}

  /** {@code value} as a number from 1 to {@code max}, or exit 2 naming {@code flag}. */
  static long positive(String flag, String value, long max) {
    try {
      long v = Long.parseLong(value);
      if (v > 0 && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println(flag + " needs a whole number from 1 to " + max + ", got '" + value + "'");
    System.exit(2);
    return 0;
  }
}
