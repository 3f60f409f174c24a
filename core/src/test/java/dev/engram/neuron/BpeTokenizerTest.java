package dev.engram.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.neuron.train.BpeTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
  private static final List<String> CORPUS = List.of(
      "the wifi password is tulip42", "what is the wifi password?", "my dog is called rex",
      "what's my dog called", "the gym opens at 6am", "is the gym open right now?", "the deploy region is us-west-2");

  private static BpeTokenizer trained() {
    List<String> corpus = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      corpus.addAll(CORPUS);
    }
    return BpeTrainer.train(corpus, 400);
  }

  @Test
  void mergesShortenKnownText() {
    BpeTokenizer tok = trained();
    assertTrue(tok.merges() > 20, "expected merges, got " + tok.merges());
    String text = "the wifi password is tulip42";
    assertTrue(tok.encode(text).length < text.length() / 2, "merges should compress corpus text");
  }

  @Test
  void roundTripsRandomUnicode() {
    BpeTokenizer tok = trained();
    Random rnd = new Random(TestSeed.SEED);
    // code points, not chars: a lone surrogate is not text and cannot survive UTF-8
    int[] alphabet = "abcxyz  ?!.,'-0123456789\n\tÄéß漢字😀THE wifi".codePoints().toArray();
    for (int n = 0; n < 500; n++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(40);
      for (int i = 0; i < len; i++) {
        b.appendCodePoint(alphabet[rnd.nextInt(alphabet.length)]);
        if (rnd.nextInt(10) == 0) {
          b.appendCodePoint(0x1F600 + rnd.nextInt(50));
        }
      }
      String s = b.toString();
      int[] ids = tok.encode(s);
      for (int id : ids) {
        assertTrue(id < 256 || id >= BpeTokenizer.FIRST_MERGE, "encode produced a special id; " + TestSeed.rerun("BpeTokenizerTest"));
      }
      assertEquals(s, tok.decode(ids), TestSeed.rerun("BpeTokenizerTest"));
    }
  }

  @Test
  void trainingIsDeterministic() {
    assertArrayEquals(trained().toBytes(), trained().toBytes());
  }

  @Test
  void formatRoundTripsAndRejectsDamage() {
    BpeTokenizer tok = trained();
    byte[] bytes = tok.toBytes();
    BpeTokenizer back = BpeTokenizer.fromBytes(bytes);
    assertArrayEquals(tok.encode("is the gym open?"), back.encode("is the gym open?"));

    byte[] damaged = bytes.clone();
    damaged[damaged.length / 2] ^= 1;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.fromBytes(damaged))
        .getMessage().contains("checksum failed"));

    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 9);
    assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.fromBytes(truncated));

    BinaryWriter w = new BinaryWriter();
    w.header(BpeTokenizer.MAGIC, BpeTokenizer.FORMAT, BpeTokenizer.VERSION + 1);
    w.i32(4);
    w.i32(0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.fromBytes(w.finish()))
        .getMessage().contains("too new"));
    BinaryWriter old = new BinaryWriter();
    old.header(BpeTokenizer.MAGIC, BpeTokenizer.FORMAT, 0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.fromBytes(old.finish()))
        .getMessage().contains("too old"));
  }

  @Test
  void rejectsBadMergesAndIds() {
    assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(new int[] {300}, new int[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(new int[] {256}, new int[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(new int[] {1, 1}, new int[] {2, 2}));
    BpeTokenizer tok = new BpeTokenizer(new int[0], new int[0]);
    assertThrows(IllegalArgumentException.class, () -> tok.decode(new int[] {999}));
    assertThrows(IllegalArgumentException.class, () -> tok.encode(null));
  }
}
