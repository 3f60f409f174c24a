package dev.engram.wasm;

import dev.engram.Answer;
import dev.engram.Chain;
import dev.engram.Engram;
import dev.engram.Limits;
import org.teavm.jso.JSExport;

/**
 * The wasm/JS face of core: one {@code @JSExport public static} method per operation over one static
 * {@link Engram}, so one wasm instance (or one import of the JS build) is one memory.
 *
 * <p>Only strings, string arrays, ints and doubles cross, which TeaVM converts on both targets without
 * glue code ({@code @JSBody} glue would need code generation from strings, which Cloudflare Workers
 * forbid). Two results are objects in Java and are flattened here:
 *
 * <ul>
 *   <li>{@link #recallValue} returns {@code [value, fact]} and leaves the confidence for
 *       {@link #lastConfidence}: a double must not travel as text, because TeaVM's {@code
 *       Double.toString} does not always print the shortest form the JVM prints (2.5E22 comes out as
 *       2.4999999999999998E22), so a JSON number would not round-trip bit-exactly;
 *   <li>{@link #chain} returns {@code [value, start, hop1, hop2, ...]}, value {@code null} when a hop
 *       found nothing.
 * </ul>
 *
 * <p>Errors: an {@link IllegalArgumentException} thrown by core is not caught here. TeaVM 0.15.0 turns
 * an exception escaping an export into a JS {@code Error} carrying the Java message on both targets
 * (wasm-gc throws its {@code JavaError}, the JS build its wrapped throwable), and the instance stays
 * usable afterwards; the npm layer rethrows it as a plain {@code Error} with the same message.
 */
public final class Bridge {
  private static final Engram ENGRAM = new Engram();
  private static double lastConfidence;

  private Bridge() {}

  /** TeaVM needs an entry point; the exports are the interface, so there is nothing to run. */
  public static void main(String[] args) {}

  @JSExport
  public static int observe(String scope, String text) {
    return ENGRAM.observe(scope, text);
  }

  @JSExport
  public static int observeMany(String scope, String[] texts) {
    return ENGRAM.observeMany(scope, texts);
  }

  @JSExport
  public static String get(String scope, String question) {
    return ENGRAM.get(scope, question);
  }

  @JSExport
  public static String[] recall(String scope, String question, int k) {
    return ENGRAM.recall(scope, question, k);
  }

  /** {@code [value, fact]}; the confidence of this answer is then {@link #lastConfidence}. */
  @JSExport
  public static String[] recallValue(String scope, String question) {
    Answer answer = ENGRAM.recallValue(scope, question);
    lastConfidence = answer.confidence();
    return new String[] {answer.value(), answer.fact()};
  }

  /** The confidence of the answer the last successful {@link #recallValue} returned. */
  @JSExport
  public static double lastConfidence() {
    return lastConfidence;
  }

  @JSExport
  public static double assess(String scope, String question) {
    return ENGRAM.assess(scope, question);
  }

  /** {@code [value, start, hop1, ...]}: the final value (or {@code null}) followed by the path. */
  @JSExport
  public static String[] chain(String scope, String expression) {
    Chain chain = ENGRAM.chain(scope, expression);
    String[] path = chain.path();
    String[] out = new String[path.length + 1];
    out[0] = chain.value();
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  @JSExport
  public static int size(String scope) {
    return ENGRAM.size(scope);
  }

  /**
   * A versioned, checksummed snapshot of {@code scope} (all scopes when {@code null}), as core's codec
   * writes it; it crosses as an {@code Int8Array}.
   */
  @JSExport
  public static byte[] dump(String scope) {
    return ENGRAM.dump(scope);
  }

  /** Restores the scopes a snapshot holds (replacing scopes of the same name); returns their names. */
  @JSExport
  public static String[] load(byte[] snapshot) {
    return ENGRAM.load(snapshot);
  }

  /**
   * The input limits of {@link Limits}, in the order scope chars, text chars, batch, question chars, k,
   * so the npm layer rejects oversize input before copying it across and never disagrees with core.
   */
  @JSExport
  public static int[] limits() {
    return new int[] {
      Limits.MAX_SCOPE_CHARS, Limits.MAX_TEXT_CHARS, Limits.MAX_BATCH, Limits.MAX_QUESTION_CHARS, Limits.MAX_K
    };
  }
}
