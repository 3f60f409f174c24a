package dev.engram.onnx;

/**
 * How a text model is fed: BERT's WordPiece tokenizer over a {@code vocab.txt} and the names of the tensors
 * it takes. {@link WordPiece} does the work; this is the validated description.
 *
 * <p>Long texts: a model has a fixed window, so a text longer than {@code maxLength} tokens (with [CLS] and
 * [SEP]) is encoded from its first {@code maxLength - 2} word pieces, as the model was trained and as
 * sentence-transformers does; {@link WordPiece#pieceCount} tells a caller when that happens.
 *
 * @param vocab the vocabulary file, one token per line, id = line number from 0 (relative to the model file)
 * @param lowercase lower-case the text first (uncased models such as MiniLM)
 * @param stripAccents drop accents (é -> e), as BERT does by default for uncased models
 * @param maxLength most tokens fed, [CLS] and [SEP] included (3..8192)
 * @param inputIds name of the token-id input
 * @param attentionMask name of the attention-mask input, or empty when the model takes none
 * @param tokenTypeIds name of the segment-id input (all zeros), or empty when the model takes none
 * @param pad pad every input to {@code maxLength} with [PAD] (exports with a fixed sequence length)
 * @param int32 feed ids as int32 instead of int64 (the type most exports declare)
 */
public record TextSpec(
    String vocab,
    boolean lowercase,
    boolean stripAccents,
    int maxLength,
    String inputIds,
    String attentionMask,
    String tokenTypeIds,
    boolean pad,
    boolean int32) {
  public TextSpec {
    if (vocab == null || vocab.isEmpty()) throw new IllegalArgumentException("a text model needs its vocabulary file (text.vocab)");
    if (maxLength < 3 || maxLength > 8192) throw new IllegalArgumentException("text.max_length must be 3..8192, got " + maxLength);
    if (inputIds == null || inputIds.isEmpty()) throw new IllegalArgumentException("text.input_ids must name the model's token-id input");
    if (attentionMask == null) attentionMask = "";
    if (tokenTypeIds == null) tokenTypeIds = "";
    if (inputIds.equals(attentionMask) || inputIds.equals(tokenTypeIds) || (!attentionMask.isEmpty() && attentionMask.equals(tokenTypeIds))) {
      throw new IllegalArgumentException("text.input_ids, text.attention_mask and text.token_type_ids must name different inputs");
    }
  }
}
