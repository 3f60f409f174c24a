/**
 * The dispatcher and the machinery under it: a byte-level BPE tokenizer, a config-driven decoder-only
 * transformer with per-row symmetric int8 weights and int32 accumulation (plus a float32 reference
 * of the same weights), the versioned binary formats both ship in, and {@link
 * dev.engram.neuron.Dispatcher}, which routes each turn to ANSWER, STORE, FETCH or ESCALATE.
 *
 * <p>Everything here is reached by the wasm build, so it uses no threads, reflection, regex, {@code
 * String.format} or {@code java.util.zip}, and every float operation is plain IEEE-754 single
 * precision arithmetic in a fixed order (no {@code Math.exp}/{@code tanh}: see {@link
 * dev.engram.neuron.FloatMath}), which is what makes JVM and wasm results bit-identical. It talks to
 * memory only through the {@link dev.engram.Engram} facade. Training lives in {@code
 * dev.engram.neuron.train} and is JVM-only.
 */
package dev.engram.neuron;
