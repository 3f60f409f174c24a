package dev.engram.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BERT's tokenizer behaviours, each checked on a small hand-written vocabulary. */
class WordPieceTest {
  /** [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, then the words below in order. */
  static final String VOCAB = String.join("\n",
      "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "deploy", "region", "is", "us", "-", "west", "2", ".", "un", "##aff", "##able",
      "cafe", "naive", "?", "'", "s", "你", "好", "hello", "##s", "ᄒ", "##ᅡ", "$") + "\n";

  static TextSpec spec(boolean lower, int maxLength, boolean pad) {
    return new TextSpec("vocab.txt", lower, lower, maxLength, "input_ids", "attention_mask", "token_type_ids", pad, false);
  }

  static final WordPiece UNCASED = new WordPiece(VOCAB, spec(true, 64, false));

  @Test
  void splitsPunctuationAndLowerCases() {
    assertEquals(List.of("the", "deploy", "region", "is", "us", "-", "west", "-", "2", "."), UNCASED.pieces("The deploy region is US-west-2."));
    assertArrayEquals(new int[] {2, 4, 5, 6, 7, 8, 9, 10, 9, 11, 12, 3}, UNCASED.ids("The deploy region is US-west-2."));
  }

  @Test
  void greedyLongestMatchFirstWithContinuationPieces() {
    assertEquals(List.of("un", "##aff", "##able"), UNCASED.pieces("unaffable"));
    assertEquals(List.of("hello", "##s", "[UNK]"), UNCASED.pieces("hellos hellox"), "a word with no full match is one [UNK]");
  }

  @Test
  void stripsAccentsAndSpacesOutCjk() {
    assertEquals(List.of("cafe", "naive"), UNCASED.pieces("Café naïve"));
    assertEquals(List.of("cafe"), UNCASED.pieces("cafe\u0301"), "combining marks typed separately are dropped too");
    assertEquals(List.of("你", "好"), UNCASED.pieces("你好"));
    assertEquals(List.of("ᄒ", "##ᅡ"), UNCASED.pieces("하"), "a Hangul syllable decomposes into its jamo");
  }

  @Test
  void cleansControlsAndOddSpaces() {
    assertEquals(List.of("the", "region"), UNCASED.pieces("the\u0000\u200b\u00a0region\ufffd"));
    assertEquals(List.of("$", "2"), UNCASED.pieces("$2"), "ASCII symbols count as punctuation");
    assertEquals(List.of(), UNCASED.pieces(" \t\n"));
    assertArrayEquals(new int[] {2, 3}, UNCASED.ids(""));
  }

  @Test
  void casedKeepsCaseAndAccents() {
    WordPiece cased = new WordPiece(VOCAB, spec(false, 64, false));
    assertEquals(List.of("[UNK]", "cafe", "[UNK]"), cased.pieces("The cafe Café"));
  }

  @Test
  void longWordsAndLongTexts() {
    assertEquals(List.of("[UNK]"), UNCASED.pieces("s".repeat(101)));
    WordPiece five = new WordPiece(VOCAB, spec(true, 5, false));
    assertArrayEquals(new int[] {2, 4, 5, 6, 3}, five.ids("the deploy region is us"), "cut to max_length with [CLS] and [SEP]");
    assertEquals(5, five.pieceCount("the deploy region is us"));
    WordPiece padded = new WordPiece(VOCAB, spec(true, 6, true));
    int[] ids = padded.ids("the region");
    assertArrayEquals(new int[] {2, 4, 6, 3, 0, 0}, ids);
    assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0}, padded.mask(ids));
  }

  @Test
  void windowsLineEndingsAndRepeatedTokens() {
    WordPiece w = new WordPiece(VOCAB.replace("\n", "\r\n") + "the\n", spec(true, 8, false));
    assertEquals(VOCAB.split("\n").length, w.id("the"), "a repeated token keeps its last line, as BERT's load_vocab");
    assertEquals(5, w.id("deploy"));
  }

  @Test
  void refusesAVocabularyWithoutSpecialTokens() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordPiece("a\nb\n", spec(true, 8, false)));
    assertTrue(e.getMessage().contains("[CLS]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UNCASED.ids(null));
  }
}
