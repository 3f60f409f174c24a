package dev.engram.wasm;

import java.util.ArrayList;

/**
 * One structured result flattened into the three kinds of array TeaVM passes without glue: strings (the
 * return value), ints (left for {@link Bridge#lastIds}) and doubles (left for {@link Bridge#lastNumbers}).
 * Each export that uses it writes the three streams in a fixed order, which npm/src reads back with one
 * cursor per stream; the order is documented at the export. Doubles cross as doubles, never as text (see
 * {@link Bridge}).
 */
final class Flat {
  private final ArrayList<String> strings = new ArrayList<>();
  private int[] ints = new int[16];
  private int intCount;
  private double[] doubles = new double[16];
  private int doubleCount;

  Flat s(String value) {
    strings.add(value);
    return this;
  }

  Flat i(int value) {
    if (intCount == ints.length) {
      int[] grown = new int[2 * ints.length];
      System.arraycopy(ints, 0, grown, 0, intCount);
      ints = grown;
    }
    ints[intCount++] = value;
    return this;
  }

  Flat d(double value) {
    if (doubleCount == doubles.length) {
      double[] grown = new double[2 * doubles.length];
      System.arraycopy(doubles, 0, grown, 0, doubleCount);
      doubles = grown;
    }
    doubles[doubleCount++] = value;
    return this;
  }

  /** Leaves the ints and doubles for {@link Bridge#lastIds} and {@link Bridge#lastNumbers}; returns the strings. */
  String[] finish() {
    int[] i = new int[intCount];
    System.arraycopy(ints, 0, i, 0, intCount);
    double[] d = new double[doubleCount];
    System.arraycopy(doubles, 0, d, 0, doubleCount);
    Bridge.setSideResults(i, d);
    return strings.toArray(new String[0]);
  }
}
