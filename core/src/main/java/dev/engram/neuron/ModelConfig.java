package dev.engram.neuron;

/**
 * Geometry of a decoder-only transformer: pre-norm blocks (LayerNorm, causal multi-head attention,
 * LayerNorm, ReLU MLP), learned positions, a language-model head tied to the token embedding, and an
 * optional classification head read at the last position.
 *
 * @param vocab token ids 0..vocab-1 (must cover the tokenizer's vocabulary)
 * @param context most positions one sequence may hold
 * @param dim model width
 * @param heads attention heads; {@code dim} must be a multiple
 * @param layers transformer blocks
 * @param ffn hidden width of each MLP
 * @param classes outputs of the classification head; 0 for none
 */
public record ModelConfig(int vocab, int context, int dim, int heads, int layers, int ffn, int classes) {
  public ModelConfig {
    check(vocab >= BpeTokenizer.FIRST_MERGE && vocab <= 1 << 16, "vocab", vocab, BpeTokenizer.FIRST_MERGE + "..65536");
    check(context >= 2 && context <= 8192, "context", context, "2..8192");
    check(dim >= 2 && dim <= 8192, "dim", dim, "2..8192");
    check(heads >= 1 && heads <= dim && dim % heads == 0, "heads", heads, "a divisor of dim " + dim);
    check(layers >= 1 && layers <= 128, "layers", layers, "1..128");
    check(ffn >= 1 && ffn <= 65536, "ffn", ffn, "1..65536");
    check(classes >= 0 && classes <= 1024, "classes", classes, "0..1024");
  }

  private static void check(boolean ok, String name, int value, String range) {
    if (!ok) {
      throw new IllegalArgumentException("model config: " + name + " = " + value + " must be " + range);
    }
  }

  /** neuron-db's gary-neuron geometry (~7M parameters), used by the inference benchmark. */
  public static ModelConfig garyNeuron() {
    return new ModelConfig(2048, 512, 256, 8, 8, 1024, 4);
  }

  public int headDim() {
    return dim / heads;
  }
}
