package dev.engram.neuron;

/**
 * The routing model: tokenizer + int8 transformer + calibration temperature. {@link #probabilities}
 * gives the calibrated distribution over {@link Route}s for recalled facts and a message.
 *
 * <p>The shipped model lives at {@code /dev/engram/neuron/router.bpe} and {@code router.i8}; hosts that
 * cannot read class-path resources (the wasm build) pass the bytes to {@link #fromBytes}.
 * Not thread-safe (one KV cache per instance).
 */
public final class Router {
  public static final String TOKENIZER_RESOURCE = "/dev/engram/neuron/router.bpe";
  public static final String MODEL_RESOURCE = "/dev/engram/neuron/router.i8";

  private final BpeTokenizer tokenizer;
  private final Transformer transformer;

  public Router(BpeTokenizer tokenizer, Int8Model model, Transformer.Mode mode) {
    if (model.config.classes() != Route.values().length) {
      throw new IllegalArgumentException(
          "a router model needs " + Route.values().length + " classes, this one has " + model.config.classes());
    }
    if (tokenizer.vocabSize() > model.config.vocab()) {
      throw new IllegalArgumentException(
          "tokenizer has " + tokenizer.vocabSize() + " tokens but the model only " + model.config.vocab());
    }
    this.tokenizer = tokenizer;
    this.transformer = new Transformer(model, mode);
  }

  public static Router fromBytes(byte[] tokenizer, byte[] model) {
    return new Router(BpeTokenizer.fromBytes(tokenizer), Int8Model.fromBytes(model), Transformer.Mode.INT8);
  }

  /** The shipped router, read from the class path (JVM). */
  public static Router shipped() {
    return fromBytes(resource(TOKENIZER_RESOURCE), resource(MODEL_RESOURCE));
  }

  static byte[] resource(String name) {
    return dev.engram.codec.Resources.read(Router.class, name);
  }


  public BpeTokenizer tokenizer() {
    return tokenizer;
  }

  public Transformer transformer() {
    return transformer;
  }

  public int[] encode(String[] facts, String message) {
    return RouterInput.encode(tokenizer, facts, message, transformer.config().context());
  }

  /** Raw classifier logits, indexed by {@link Route#ordinal()}. */
  public float[] logits(String[] facts, String message) {
    return transformer.classify(encode(facts, message));
  }

  /** Calibrated probabilities (softmax of logits / temperature), indexed by {@link Route#ordinal()}. */
  public float[] probabilities(String[] facts, String message) {
    float[] p = logits(facts, message);
    FloatMath.softmax(p, 0, p.length, transformer.model().temperature);
    return p;
  }

  public static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
