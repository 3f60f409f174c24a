package dev.engram.conformance;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;

/**
 * What one step produced: a result ({@code Integer}, {@code String} or null, {@code String[]},
 * {@code Double}, {@link Answer}, {@link Chain}) or the message of the {@link IllegalArgumentException}
 * it raised. Any other exception is a bug in core and propagates.
 */
record Outcome(Object result, String error) {

  static Outcome run(Engram engram, Step step) {
    Object[] a = new Object[step.args().length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Step.materialize(step.args()[i]);
    }
    try {
      Object result = switch (step.op()) {
        case "observe" -> engram.observe((String) a[0], (String) a[1]);
        case "observeMany" -> engram.observeMany((String) a[0], (String[]) a[1]);
        case "get" -> engram.get((String) a[0], (String) a[1]);
        case "recall" -> engram.recall((String) a[0], (String) a[1], (Integer) a[2]);
        case "recallValue" -> engram.recallValue((String) a[0], (String) a[1]);
        case "assess" -> engram.assess((String) a[0], (String) a[1]);
        case "chain" -> engram.chain((String) a[0], (String) a[1]);
        case "size" -> engram.size((String) a[0]);
        case "load" -> engram.load((byte[]) a[0]);
        default -> throw new IllegalStateException("unknown op in script: " + step.op());
      };
      return new Outcome(result, null);
    } catch (IllegalArgumentException e) {
      return new Outcome(null, e.getMessage());
    }
  }
}
