/**
 * ONNX encoders on the JVM: a model the user points engram at ({@link dev.engram.onnx.ModelSpec}, a small
 * description file next to the {@code .onnx}), loaded into ONNX Runtime for Java and offered as core's encoder
 * contracts ({@link dev.engram.onnx.runtime.OnnxTextEncoder} is a {@link dev.engram.semantic.Encoder}, {@link
 * dev.engram.onnx.runtime.OnnxImageEncoder} an {@link dev.engram.perception.ImageEncoder}, {@link
 * dev.engram.onnx.runtime.OnnxAudioEncoder} an {@link dev.engram.perception.AudioEncoder}). It owns only the
 * loading, the checks of the model against its description and the tensor plumbing; tokenizing,
 * pre-processing and pooling are core's ({@link dev.engram.onnx}, {@link dev.engram.perception}) so the npm
 * package, running the same model with onnxruntime-web, computes the same vectors. It never downloads
 * anything: every file is one the user named.
 */
package dev.engram.onnx.runtime;
