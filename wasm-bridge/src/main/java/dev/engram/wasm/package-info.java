/**
 * The TeaVM facade of core: {@code @JSExport} statics over one {@code Engram}, compiled to wasm-gc
 * (engram.wasm, the build the npm package ships) and to an ES2015 JS module (fallback, and what the
 * GraalVM Polyglot test runs). {@code OnnxBridge} is a second entry, compiled alone to engram-onnx.wasm:
 * the ONNX encoders' tokenizer and pre-processing, loaded only by npm's engram/onnx so engram.wasm does not
 * carry them. Owns only the crossing: conversions, flattening of result records and the limits table.
 * Must not hold logic of its own, use {@code @JSBody} (Workers forbid the code generation it needs),
 * reflection, or anything TeaVM cannot compile.
 */
package dev.engram.wasm;
