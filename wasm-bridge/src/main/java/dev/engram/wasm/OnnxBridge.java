package dev.engram.wasm;

import org.teavm.jso.JSExport;

/**
 * The wasm face of core's ONNX pre- and post-processing, compiled on its own into engram-onnx.wasm (npm's
 * engram/onnx loads it the first time an encoder is loaded), so the WordPiece tokenizer, the model-description
 * parser and the image, audio and pooling code (about 100 KB of wasm) are not in engram.wasm, which every
 * page downloads.
 *
 * <p>This module has its own TeaVM runtime and heap. That costs nothing here: every call is a function of
 * its arguments and of the descriptions and tokenizers kept by handle inside this module ({@link OnnxCalls});
 * nothing is shared with a memory. Errors cross as {@link Bridge} documents.
 */
public final class OnnxBridge {
  private static final OnnxCalls ONNX = new OnnxCalls();

  private OnnxBridge() {}

  /** TeaVM needs an entry point; the exports are the interface, so there is nothing to run. */
  public static void main(String[] args) {}

  /** Parses a model description; returns its handle. */
  @JSExport
  public static int onnxOpen(String description) {
    return ONNX.open(description);
  }

  /** The description's settings, flattened as {@link OnnxCalls#describe} documents. */
  @JSExport
  public static String[] onnxDescribe(int handle) {
    return ONNX.describe(handle);
  }

  /** Builds a text model's tokenizer from the contents of its vocab.txt. */
  @JSExport
  public static void onnxVocab(int handle, String vocab) {
    ONNX.vocab(handle, vocab);
  }

  /** Token ids then attention mask of {@code text}. */
  @JSExport
  public static int[] onnxTokens(int handle, String text) {
    return ONNX.tokens(handle, text);
  }

  /** An image model's CHW input tensor from RGBA pixels. */
  @JSExport
  public static float[] onnxImage(int handle, int width, int height, byte[] rgba) {
    return ONNX.image(handle, width, height, rgba);
  }

  /** An audio model's {@code [nMels][frames]} log-mel input from mono samples. */
  @JSExport
  public static float[] onnxAudio(int handle, float[] samples, int sampleRate) {
    return ONNX.audio(handle, samples, sampleRate);
  }

  /** The model output pooled and normalised as the description says; an empty mask means none. */
  @JSExport
  public static float[] onnxPool(int handle, float[] output, int[] shape, int[] mask) {
    return ONNX.pool(handle, output, shape, mask);
  }

  /** Forgets a model description and its tokenizer. */
  @JSExport
  public static void onnxClose(int handle) {
    ONNX.close(handle);
  }
}
