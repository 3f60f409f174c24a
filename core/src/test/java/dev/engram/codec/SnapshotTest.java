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
}
