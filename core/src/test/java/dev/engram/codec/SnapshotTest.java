package dev.engram.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.Engram;
import dev.engram.memory.MemoryConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snapshots round-trip exactly and refuse anything they cannot trust. */
class SnapshotTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  private static Engram sample() {
    Engram e = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    e.observe("alice", "My dog is called Rex. The wifi password is hunter2. I moved to the pro plan.");
    e.note("alice", "task", "renew the passport");
    e.observe("bob", "Bob's office is in room 204.");
    e.setVar("bob", "theme", "dark");
    e.recallScored("alice", "dog wifi", 3); // makes strength and links
    e.forget("alice", "passport");
    return e;
  }

  @Test
  void roundTripKeepsEveryAnswerAndByte() {
    Engram original = sample();
    byte[] bytes = original.dump(null);
    Engram copy = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    assertArrayEquals(new String[] {"alice", "bob"}, copy.load(bytes));
    // Dumping the copy gives the same bytes: nothing was lost or reordered.
    assertArrayEquals(bytes, copy.dump(null));
    assertEquals("Rex", copy.get("alice", "what's my dog's name?"));
    assertEquals("room 204", copy.get("bob", "where is Bob's office?"));
    assertEquals("dark", copy.getVar("bob", "theme"));
    assertEquals(original.stats(null), copy.stats(null));
  }

  @Test
  void oneScopeAtATime() {
    Engram copy = new Engram();
    copy.load(sample().dump("bob"));
    assertArrayEquals(new String[] {"bob"}, copy.scopes());
  }

  @Test
  void everyFlippedByteIsCaught() {
    byte[] bytes = sample().dump(null);
    Random random = new Random(SEED);
    for (int trial = 0; trial < 200; trial++) {
      byte[] damaged = bytes.clone();
      int at = random.nextInt(damaged.length);
      damaged[at] ^= (byte) (1 + random.nextInt(255));
      assertThrows(SnapshotException.class, () -> new Engram().load(damaged),
          "flip at " + at + " loaded; rerun with -Dtests.seed=" + SEED);
    }
  }

  @Test
  void truncationIsCaught() {
    byte[] bytes = sample().dump(null);
    for (int len = 0; len < bytes.length; len += 7) {
      byte[] cut = java.util.Arrays.copyOf(bytes, len);
      assertThrows(SnapshotException.class, () -> new Engram().load(cut));
    }
  }

  @Test
  void newerVersionIsRefusedWithAClearMessage() {
    byte[] bytes = sample().dump(null);
    // The version sits right after magic(4) + name(1 + 15 bytes).
    int at = 4 + 1 + Snapshot.NAME.length();
    bytes[at] = 9;
    int body = bytes.length - 8;
    int crc = Crc32.of(bytes, 0, body);
    bytes[body + 4] = (byte) crc;
    bytes[body + 5] = (byte) (crc >>> 8);
    bytes[body + 6] = (byte) (crc >>> 16);
    bytes[body + 7] = (byte) (crc >>> 24);
    var e = assertThrows(SnapshotException.class, () -> new Engram().load(bytes));
    assertTrue(e.getMessage().contains("too new"), e.getMessage());
  }

  @Test
  void crcMatchesTheStandardCheckValue() {
    assertEquals(0xCBF43926, Crc32.of("123456789".getBytes(), 0, 9));
  }

  @Test
  void crcAgreesWithTheJdkOnEveryLengthAndOffset() {
    Random random = new Random(SEED);
    byte[] data = new byte[300];
    random.nextBytes(data);
    for (int from = 0; from < 9; from++) {
      for (int to = from; to <= data.length; to += 1 + random.nextInt(7)) {
        java.util.zip.CRC32 jdk = new java.util.zip.CRC32();
        jdk.update(data, from, to - from);
        assertEquals((int) jdk.getValue(), Crc32.of(data, from, to),
            "crc of [" + from + ", " + to + "); rerun with -Dtests.seed=" + SEED);
      }
    }
  }

  /** Written by the version-1 writer (engram at e6e0f4d) from {@link #sample()} plus a non-ASCII fact. */
  private static byte[] version1() throws java.io.IOException {
    try (var in = SnapshotTest.class.getResourceAsStream("snapshot-v1.engram")) {
      return in.readAllBytes();
    }
  }

  @Test
  void version1SnapshotsStillLoad() throws Exception {
    byte[] v1 = version1();
    assertEquals(1, v1[4 + 1 + Snapshot.NAME.length()]);
    Engram copy = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    assertArrayEquals(new String[] {"alice", "bob"}, copy.load(v1));
    assertEquals("Rex", copy.get("alice", "what's my dog's name?"));
    assertEquals("Zürich", copy.get("alice", "where does Zoë live?"));
    assertEquals("room 204", copy.get("bob", "where is Bob's office?"));
    assertEquals("dark", copy.getVar("bob", "theme"));
    assertEquals(new dev.engram.Stats(2, 5, 1, 18, 1, 1), copy.stats(null));
    // Re-dumped, it is a current-version snapshot that loads to the same state and dumps to the same bytes.
    byte[] v2 = copy.dump(null);
    assertEquals(Snapshot.VERSION, v2[4 + 1 + Snapshot.NAME.length()]);
    Engram again = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    again.load(v2);
    assertEquals(copy.stats(null), again.stats(null));
    assertArrayEquals(v2, again.dump(null));
    assertEquals("Zürich", again.get("alice", "where does Zoë live?"));
  }

  /** Written by the version-2 writer (engram at d96a142, 64-bit term keys) from {@link #sample()} plus a non-ASCII fact. */
  private static byte[] version2() throws java.io.IOException {
    try (var in = SnapshotTest.class.getResourceAsStream("snapshot-v2.engram")) {
      return in.readAllBytes();
    }
  }

  @Test
  void version2SnapshotsStillLoad() throws Exception {
    byte[] v2 = version2();
    assertEquals(2, v2[4 + 1 + Snapshot.NAME.length()]);
    Engram copy = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    assertArrayEquals(new String[] {"alice", "bob"}, copy.load(v2));
    // The 64-bit keys fold to the keys the index uses now: every cue still finds its fact.
    assertEquals("Rex", copy.get("alice", "what's my dog's name?"));
    assertEquals("Zürich", copy.get("alice", "where does Zoë live?"));
    assertEquals("hunter2", copy.get("alice", "what is the wifi password?"));
    assertEquals("room 204", copy.get("bob", "where is Bob's office?"));
    assertEquals("dark", copy.getVar("bob", "theme"));
    assertEquals(new dev.engram.Stats(2, 5, 1, 18, 1, 1), copy.stats(null));
    byte[] v3 = copy.dump(null);
    assertEquals(Snapshot.VERSION, v3[4 + 1 + Snapshot.NAME.length()]);
    Engram again = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    again.load(v3);
    assertArrayEquals(v3, again.dump(null));
    assertEquals("Zürich", again.get("alice", "where does Zoë live?"));
  }

  @Test
  void loadedTextsAreDecodedOnDemandAndNewFactsJoinThem() {
    Engram e = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    e.observe("s", "Zoë's café is on Rue de l'Église. The 🚀 launch is on Friday. The plan is pro.");
    Engram copy = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    copy.load(e.dump(null));
    copy.observe("s", "The backup plan is basic.");
    // A dump right after loading copies the texts' bytes; one after new facts mixes both kinds.
    Engram third = new Engram(MemoryConfig.DEFAULT, () -> 42L);
    third.load(copy.dump(null));
    assertArrayEquals(copy.dump(null), third.dump(null));
    assertEquals("Friday", third.get("s", "when is the 🚀 launch?"));
    assertEquals("basic", third.get("s", "what is the backup plan?"));
    assertArrayEquals(new String[] {"Zoë's café is on Rue de l'Église."}, third.recall("s", "where is Zoë's café?", 1));
  }

  @Test
  void sectionsTravelAndUnknownOnesDoNotStopALoad() {
    java.util.Map<String, byte[]> sections = new java.util.LinkedHashMap<>();
    sections.put("future.extra", new byte[] {1, 2, 3});
    dev.engram.memory.ScopeImage image = new dev.engram.memory.ScopeImage(1, new String[] {"The plan is pro."}, null,
        null, new byte[1], new long[1], new int[0], new float[0], new long[0], new int[0][], new float[0][],
        new long[] {7L}, new int[] {-1}, new int[1][], new String[0], new String[0], sections);
    byte[] bytes = Snapshot.write(java.util.Map.of("s", image));
    dev.engram.memory.ScopeImage back = Snapshot.read(bytes).get("s");
    assertArrayEquals(new byte[] {1, 2, 3}, back.sections().get("future.extra"));
    assertEquals("The plan is pro.", back.text(0));
    assertEquals(0, back.posting(0, 0));
    Engram e = new Engram();
    e.load(bytes);
    assertEquals(1, e.size("s"));
  }

  @Test
  void anUnpairedSurrogateIsWrittenAsAQuestionMarkLikeTheJdk() {
    ByteSink sink = new ByteSink();
    String odd = "a\uD800b\uDC00c\uD83D\uDE80é";
    sink.utf8(odd);
    assertArrayEquals(odd.getBytes(java.nio.charset.StandardCharsets.UTF_8), sink.bytes());
  }
}
