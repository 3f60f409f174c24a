package dev.engram.conformance;

/**
 * One call of an operation script: {@code op} is the name of an {@code Engram} method (the same name in
 * Java, the wasm bridge and the npm API) and {@code args} its arguments: {@code String}, {@code String[]},
 * {@code Integer}, {@code byte[]} (a snapshot), {@code null}, or the compact {@link Repeat} / {@link Fill}
 * for oversize inputs.
 */
record Step(String op, Object... args) {
  Step {
    if (args == null) {
      throw new IllegalArgumentException("args array is null: pass a null argument as (Object) null");
    }
  }

  /** A string of {@code count} copies of {@code unit}; written compactly so the golden file stays small. */
  record Repeat(String unit, int count) {
    String materialize() {
      return unit.repeat(count);
    }
  }

  /** An array of {@code count} copies of {@code item}. */
  record Fill(String item, int count) {
    String[] materialize() {
      String[] out = new String[count];
      java.util.Arrays.fill(out, item);
      return out;
    }
  }

  /** The argument as the callee sees it (compact forms expanded). */
  static Object materialize(Object arg) {
    if (arg instanceof Repeat r) {
      return r.materialize();
    }
    if (arg instanceof Fill f) {
      return f.materialize();
    }
    return arg;
  }
}
