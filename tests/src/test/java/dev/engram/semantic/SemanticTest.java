package dev.engram.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.memory.Memory;
import dev.engram.memory.MemoryConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word table, the built-in encoder, the fact index and the semantic snapshot section. */
class SemanticTest {
  static final long SEED = Long.getLong("engram.seed", 20261123L);

  @Test
  void shippedTableLoadsAndKnowsMeanings() {
    WordTable t = WordTable.shipped();
    assertEquals(25000, t.size());
    assertEquals(100, t.dimension());
    int car = t.id("car");
    int automobile = t.id("automobile");
    int banana = t.id("banana");
    assertTrue(car >= 0 && automobile >= 0 && banana >= 0);
    assertTrue(t.cosine(car, automobile) > t.cosine(car, banana) + 0.2f,
        "car~automobile " + t.cosine(car, automobile) + " vs car~banana " + t.cosine(car, banana));
    boolean synonym = false;
    for (int r = t.relationStart(automobile); r < t.relationEnd(automobile); r++) {
      synonym |= t.relationTarget(r) == car && t.relationKind(r) == WordTable.SYNONYM;
    }
    assertTrue(synonym, "WordNet lists car as a synonym of automobile");
  }

  @Test
  void damagedTablesAreRefusedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> WordTable.fromBytes(new byte[3]));
    byte[] bytes = resource();
    bytes[bytes.length / 2] ^= 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordTable.fromBytes(bytes));
    assertTrue(e.getMessage().contains("checksum failed"), e.getMessage());
  }

  private static byte[] resource() {
    try (java.io.InputStream in = WordTable.class.getResourceAsStream(WordTable.RESOURCE)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void encoderPutsParaphrasesCloserThanUnrelatedText() {
    WordEncoder enc = new WordEncoder(WordTable.shipped(), null);
    float[] a = enc.encode("I purchased the laptop in March.");
    float[] b = enc.encode("When did I buy the notebook computer?");
    float[] c = enc.encode("My grandmother grows tomatoes in the garden.");
    assertTrue(dot(a, b) > dot(a, c) + 0.1f, "paraphrase " + dot(a, b) + " vs unrelated " + dot(a, c));
    assertEquals(0f, dot(enc.encode("the of and 42"), a), "no known word: the zero vector");
  }

  @Test
  void lshFindsWhatBruteForceFinds() {
    Random r = new Random(SEED);
    int dim = 100;
    FactVectors v = new FactVectors(dim);
    float[][] rows = new float[3000][];
    for (int f = 0; f < rows.length; f++) {
      rows[f] = unit(r, dim);
      v.add(rows[f]);
    }
    int hits = 0;
    for (int q = 0; q < 50; q++) {
      float[] query = rows[r.nextInt(rows.length)].clone();
      for (int d = 0; d < dim; d++) {
        query[d] += 0.3f * (float) r.nextGaussian() / (float) Math.sqrt(dim);
      }
      WordEncoder.normalize(query);
      int exact = v.nearest(query, 1, Integer.MAX_VALUE)[0];
      int[] approx = v.nearest(query, 5, 100);
      for (int f : approx) {
        hits += f == exact ? 1 : 0;
      }
    }
    assertTrue(hits >= 45, "LSH found the exact nearest in " + hits + "/50 queries; rerun with -Dengram.seed=" + SEED);
  }

  @Test
  void semanticStateRoundTripsAndOldSnapshotsStillLoad() {
    Memory m = new Memory(MemoryConfig.DEFAULT, () -> 1L);
    m.useSemantic(WordTable.shipped(), SemanticParams.DEFAULT);
    m.observe("s", "I purchased the laptop in March.");
    m.observe("s", "Our kubelet config lives on the bastion host.");
    String before = m.get("s", "When did I buy the notebook?");
    byte[] image = m.semanticImage("s");
    assertArrayEquals(image, m.semanticImage("s"), "same state, same bytes");

    Memory restored = new Memory(MemoryConfig.DEFAULT, () -> 1L);
    restored.useSemantic(WordTable.shipped(), SemanticParams.DEFAULT);
    restored.restore("s", m.image("s"));
    restored.restoreSemantic("s", image);
    assertArrayEquals(image, restored.semanticImage("s"));
    assertEquals(before, restored.get("s", "When did I buy the notebook?"));

    // A scope saved without its semantic section (an older snapshot) is encoded again on demand.
    Memory old = new Memory(MemoryConfig.DEFAULT, () -> 1L);
    old.useSemantic(WordTable.shipped(), SemanticParams.DEFAULT);
    old.restore("s", m.image("s"));
    assertEquals(before, old.get("s", "When did I buy the notebook?"));

    image[10] ^= 4;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> restored.restoreSemantic("s", image));
    assertTrue(e.getMessage().contains("checksum failed"), e.getMessage());
    assertNull(new Memory().semanticImage("s"), "semantic recall off: nothing to save");
  }

  @Test
  void engramSnapshotsCarryTheSemanticSectionAndStayReadableWithout() {
    dev.engram.Engram a = new dev.engram.Engram();
    a.useSemantic();
    a.observe("s", "I purchased the laptop in March.");
    a.observe("t", "The ferry to the island takes 50 minutes.");
    String answer = a.get("s", "When did I buy the notebook?");
    byte[] withSection = a.dump(null);
    assertEquals(2, semanticSections(withSection), "each scope carries its semantic section");

    dev.engram.Engram b = new dev.engram.Engram();
    b.useSemantic();
    b.load(withSection);
    assertArrayEquals(withSection, b.dump(null), "load then dump gives the same bytes");
    assertEquals(answer, b.get("s", "When did I buy the notebook?"));

    // Lexical engines ignore the section, and write none; an engine with semantic recall on encodes the
    // facts of a snapshot without sections again on load.
    dev.engram.Engram lexical = new dev.engram.Engram();
    lexical.load(withSection);
    byte[] plain = lexical.dump(null);
    assertEquals(0, semanticSections(plain), "semantic recall off: no section written");
    dev.engram.Engram c = new dev.engram.Engram();
    c.useSemantic();
    c.load(plain);
    assertEquals(answer, c.get("s", "When did I buy the notebook?"), "a snapshot without sections is encoded again");
  }

  private static long semanticSections(byte[] snapshot) {
    return dev.engram.codec.Snapshot.read(snapshot).values().stream()
        .filter(image -> image.sections().containsKey(Memory.SEMANTIC_SECTION)).count();
  }

  @Test
  void forgottenFactsAreNeverAnsweredByMeaning() {
    dev.engram.Engram e = new dev.engram.Engram();
    e.useSemantic();
    e.observe("s", "The wedding anniversary is on June 12.");
    e.observe("s", "My son's teacher is Ms. Lindqvist.");
    assertEquals("June 12", e.get("s", "When did we get married?"));
    assertEquals(1, e.forget("s", "anniversary"));
    assertNull(e.get("s", "When did we get married?"));
    dev.engram.Engram late = new dev.engram.Engram();
    late.observe("s", "The wedding anniversary is on June 12.");
    late.forget("s", "anniversary");
    late.observe("s", "My son's teacher is Ms. Lindqvist.");
    late.useSemantic(); // turned on after a forget: the forgotten fact is encoded as nothing
    assertNull(late.get("s", "When did we get married?"));
    assertEquals("Ms. Lindqvist", late.get("s", "Who is my boy's instructor?"));
  }

  @Test
  void paramsAreValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SemanticParams(40, 2000, true, 1.5, 0.8, 0.6, 0.8, 0.7, 0.75, 0.7, 16, 0.6, 0.3, 0.6, 24, 20000, 0.8, 0.4));
    assertTrue(e.getMessage().contains("minWordCosine"), e.getMessage());
  }

  private static float[] unit(Random r, int dim) {
    float[] v = new float[dim];
    for (int d = 0; d < dim; d++) {
      v[d] = (float) r.nextGaussian();
    }
    WordEncoder.normalize(v);
    return v;
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
