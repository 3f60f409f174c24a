/**
 * What a host needs to drive an external encoder model (an ONNX export of MiniLM, CLIP, a Whisper encoder)
 * so that every runtime feeds it the same numbers and reads the same vector back: the model description the
 * user points engram at ({@link dev.engram.onnx.ModelSpec}, read from a small {@code key = value} file by
 * {@link dev.engram.onnx.ModelConfig}), BERT's WordPiece tokenizer ({@link dev.engram.onnx.WordPiece}), and
 * the pooling and normalisation of the model's output ({@link dev.engram.onnx.Pooling}); image and audio
 * pre-processing are {@link dev.engram.perception}'s. Running the model is the hosts' business (ONNX Runtime
 * for Java in the {@code onnx} module, onnxruntime-web in the npm package), never this package's: it has no
 * file access, threads, reflection, regex or dependencies, so it compiles to wasm with the rest of core.
 */
package dev.engram.onnx;
