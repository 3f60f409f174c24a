package dev.engram.spiking;

/** Validation helpers for the parameter records: every message names the record and field. */
final class Check {
  private Check() {}

  static double finite(String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException(field + " must be a finite number, got " + v);
    return v;
  }

  static double positive(String field, double v) {
    finite(field, v);
    if (!(v > 0)) throw new IllegalArgumentException(field + " must be > 0, got " + v);
    return v;
  }

  static double nonNegative(String field, double v) {
    finite(field, v);
    if (v < 0) throw new IllegalArgumentException(field + " must be >= 0, got " + v);
    return v;
  }

  static double range(String field, double v, double lo, double hi) {
    finite(field, v);
    if (v < lo || v > hi) throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
    return v;
  }

  static int intRange(String field, int v, int lo, int hi) {
    if (v < lo || v > hi) throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
    return v;
  }
}
