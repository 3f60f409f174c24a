package dev.engram.conformance;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.ops.Shell;

/**
 * What one step produced: a result ({@code Integer}, {@code Boolean}, {@code String} or null, {@code
 * String[]}, {@code Double}, {@link Answer}, {@link Chain}, {@code Recalled[]}, {@code RecallPage},
 * {@code Stats}, a sorted map of variables; {@code null} for {@code setVar} and {@code setClock}) or the message of the {@link IllegalArgumentException}
 * it raised. Any other exception is a bug in core and propagates.
 */
record Outcome(Object result, String error) {

  static Outcome run(Engram engram, StepClock clock, Step step) {
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
        case "recallScored" -> engram.recallScored((String) a[0], (String) a[1], (Integer) a[2]);
        case "recallPage" -> engram.recallPage((String) a[0], (String) a[1], (Integer) a[2], (String) a[3]);
        case "assoc" -> engram.assoc((String) a[0], (String) a[1], (Integer) a[2]);
        case "note" -> engram.note((String) a[0], (String) a[1], (String) a[2]);
        case "notes" -> engram.notes((String) a[0], (String) a[1], (Integer) a[2], (String) a[3]);
        case "forget" -> engram.forget((String) a[0], (String) a[1]);
        case "forgetId" -> engram.forgetId((String) a[0], (Integer) a[1]);
        case "setVar" -> {
          engram.setVar((String) a[0], (String) a[1], (String) a[2]);
          yield null;
        }
        case "getVar" -> engram.getVar((String) a[0], (String) a[1]);
        case "deleteVar" -> engram.deleteVar((String) a[0], (String) a[1]);
        case "vars" -> engram.vars((String) a[0]);
        case "scopes" -> engram.scopes();
        case "stats" -> engram.stats((String) a[0]);
        case "shell" -> Shell.execute(engram, (String) a[0], (String) a[1]);
        case "setClock" -> {
          clock.pin((Long) a[0]);
          yield null;
        }
        default -> throw new IllegalStateException("unknown op in script: " + step.op());
      };
      return new Outcome(result, null);
    } catch (IllegalArgumentException e) {
      return new Outcome(null, e.getMessage());
    }
  }
}
