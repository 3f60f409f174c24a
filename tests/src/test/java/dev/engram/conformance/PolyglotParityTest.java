package dev.engram.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.RecallPage;
import dev.engram.Recalled;
import dev.engram.Stats;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Runs the TeaVM JavaScript build of the bridge (wasm-bridge/target/js/engram.js) in GraalJS and checks
 * it against the same scripts the golden file holds. Strings, ints and error messages must be equal;
 * doubles agree within {@link #TOLERANCE}, because the JS target computes float math in double
 * precision (only the wasm build is bit-identical to the JVM).
 */
class PolyglotParityTest {
  /** Absolute tolerance for doubles (confidences and coverage lie in 0..1). */
  static final double TOLERANCE = 1e-5;

  /** Calls one export and reports {value} or {error}: a JS Error's message, as the npm layer sees it. */
  private static final String DRIVER = """
      (mod, name, args) => {
        try {
          const value = mod[name](...args);
          if (name === 'recallValue') return { value, confidence: mod.lastConfidence() };
          if (['recallScored', 'recallPage', 'assoc', 'notes'].includes(name)) {
            return { value, ids: Array.from(mod.lastIds()), numbers: Array.from(mod.lastNumbers()) };
          }
          if (name === 'stats') return { value: Array.from(value) };
          return { value };
        } catch (e) {
          return { error: String(e && e.message) };
        }
      }
      """;

  @Test
  void jsBuildMatchesTheJvm() throws IOException {
    File build = new File(System.getProperty("engram.js.build", "../wasm-bridge/target/js/engram.js"));
    assertTrue(build.isFile(), "no JS build at " + build + ": build wasm-bridge first (mvn -pl tests -am verify)");
    long seed = Seeds.seed();
    List<Step> steps = Scripts.all(seed);
    List<Outcome> expected = GoldenVectorsTest.runAll(steps);

    try (Context js = Context.newBuilder("js")
        .option("engine.WarnInterpreterOnly", "false")
        .option("js.esm-eval-returns-exports", "true")
        .allowIO(org.graalvm.polyglot.io.IOAccess.newBuilder().allowHostFileAccess(true).build())
        .build()) {
      Value mod = js.eval(Source.newBuilder("js", build).mimeType("application/javascript+module").build());
      Value driver = js.eval("js", DRIVER);
      Value toArray = js.eval("js", "(...xs) => xs");
      Value toBytes = js.eval("js", "(xs) => new Int8Array(xs)");
      List<String> mismatches = new ArrayList<>();
      int skipped = 0;
      long started = System.nanoTime();
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        if (step.op().equals("observeMany") && step.args()[1] == null) {
          // TeaVM's array conversion dereferences a null array before core can check it (a TypeError in
          // the JS build, a trap in wasm-gc); the npm layer rejects it first with core's message, which
          // the Vitest replay of this same step checks.
          skipped++;
          continue;
        }
        Object[] args = new Object[step.args().length];
        for (int j = 0; j < args.length; j++) {
          Object a = Step.materialize(step.args()[j]);
          if (a instanceof byte[] bytes) {
            Object[] boxed = new Object[bytes.length];
            for (int b = 0; b < bytes.length; b++) {
              boxed[b] = (int) bytes[b];
            }
            args[j] = toBytes.execute(toArray.execute(boxed));
          } else {
            args[j] = a instanceof String[] arr ? toArray.execute((Object[]) arr) : a instanceof Long l ? (double) l : a;
          }
        }
        Value got = driver.execute(mod, step.op(), toArray.execute(args));
        String problem = compare(step, expected.get(i), got);
        if (problem != null) {
          mismatches.add("step " + i + " " + step.op() + ": " + problem);
        }
      }
      assertTrue(skipped <= 1, "only the null-array step may be skipped, skipped " + skipped);
      System.out.println("polyglot: " + (steps.size() - skipped) + " steps on the JS build in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
      if (!mismatches.isEmpty()) {
        System.err.println(Seeds.rerun(PolyglotParityTest.class, seed));
        fail(mismatches.size() + " of " + steps.size() + " steps differ between the JVM and the JS build:\n"
            + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
      }
    }
  }

  /** null when the JS outcome matches the JVM's, else what differs. */
  static String compare(Step step, Outcome want, Value got) {
    if (want.error() != null) {
      String msg = got.hasMember("error") ? got.getMember("error").asString() : null;
      return want.error().equals(msg) ? null : "want error '" + want.error() + "', got " + got;
    }
    if (got.hasMember("error")) {
      return "want " + want.result() + ", got error '" + got.getMember("error").asString() + "'";
    }
    Value v = got.getMember("value");
    Object result = want.result();
    boolean same = switch (result) {
      case null -> v.isNull();
      case Integer n -> v.isNumber() && v.fitsInInt() && v.asInt() == n;
      case Boolean b -> v.isBoolean() && v.asBoolean() == b;
      case Recalled[] items -> samePage(items, null, v, got);
      case RecallPage p -> samePage(p.items(), p.next(), v, got);
      case Stats st -> Arrays.equals(
          new double[] {st.scopes(), st.facts(), st.forgotten(), st.terms(), st.links(), st.vars()}, doubles(v));
      case SortedMap<?, ?> map -> {
        List<String> flat = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          flat.add((String) e.getKey());
          flat.add((String) e.getValue());
        }
        yield Arrays.equals(flat.toArray(new String[0]), strings(v));
      }
      case String s -> v.isString() && v.asString().equals(s);
      case Double d -> v.isNumber() && Math.abs(v.asDouble() - d) <= TOLERANCE;
      case String[] arr -> Arrays.equals(arr, strings(v));
      case Answer a -> {
        String[] pair = strings(v);
        yield Arrays.equals(new String[] {a.value(), a.fact()}, pair)
            && Math.abs(got.getMember("confidence").asDouble() - a.confidence()) <= TOLERANCE;
      }
      case Chain c -> {
        String[] flat = strings(v);
        yield flat != null && flat.length == c.path().length + 1 && Objects.equals(flat[0], c.value())
            && Arrays.equals(c.path(), Arrays.copyOfRange(flat, 1, flat.length));
      }
      default -> throw new IllegalStateException("no comparison for " + result.getClass());
    };
    return same ? null : "want " + describe(result) + ", got " + v;
  }

  /** A flat page ({@code [next, text, kind, value, why, ...]} with ids and numbers aside) against core's. */
  private static boolean samePage(Recalled[] items, String next, Value v, Value got) {
    String[] flat = strings(v);
    double[] numbers = doubles(got.getMember("numbers"));
    double[] ids = doubles(got.getMember("ids"));
    if (flat == null || flat.length != 1 + 4 * items.length || !Objects.equals(flat[0], next)
        || ids == null || ids.length != items.length || numbers == null || numbers.length != 2 * items.length) {
      return false;
    }
    for (int i = 0; i < items.length; i++) {
      Recalled r = items[i];
      if (ids[i] != r.id() || !r.text().equals(flat[1 + 4 * i]) || !r.kind().equals(flat[2 + 4 * i])
          || !Objects.equals(r.value(), flat[3 + 4 * i]) || !r.why().equals(flat[4 + 4 * i])
          || Math.abs(numbers[2 * i] - r.score()) > TOLERANCE
          || Math.abs(numbers[2 * i + 1] - r.strength()) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  private static double[] doubles(Value v) {
    if (v == null || !v.hasArrayElements()) {
      return null;
    }
    double[] out = new double[(int) v.getArraySize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.getArrayElement(i).asDouble();
    }
    return out;
  }

  private static String[] strings(Value v) {
    if (!v.hasArrayElements()) {
      return null;
    }
    String[] out = new String[(int) v.getArraySize()];
    for (int i = 0; i < out.length; i++) {
      Value e = v.getArrayElement(i);
      out[i] = e.isNull() ? null : e.asString();
    }
    return out;
  }

  private static String describe(Object result) {
    return switch (result) {
      case String[] arr -> Arrays.toString(arr);
      case Chain c -> "Chain[" + c.value() + ", " + Arrays.toString(c.path()) + "]";
      case Recalled[] items -> Arrays.toString(items);
      case RecallPage p -> "RecallPage[" + Arrays.toString(p.items()) + ", " + p.next() + "]";
      default -> String.valueOf(result);
    };
  }
}
