package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same seed, same spikes; and a saved-then-loaded brain continues bit for bit. */
class DeterminismSaveLoadTest {

  private static int[] run(Brain b, int steps, int[] hashes) {
    for (int t = 0; t < steps; t++) {
      b.step(1);
      hashes[t] = Arrays.hashCode(Arrays.copyOf(b.spikeBuffer(), b.lastSpikeCount())) * 31 + b.lastSpikeCount();
    }
    return hashes;
  }

  @Test
  void sameSeedSameSpikesOtherSeedOtherSpikes() {
    Brain x = new Brain(TestBrains.small(Seeds.SEED)), y = new Brain(TestBrains.small(Seeds.SEED));
    x.imprintTriple("a", "r", "b");
    y.imprintTriple("a", "r", "b");
    int[] hx = run(x, 300, new int[300]), hy = run(y, 300, new int[300]);
    assertArrayEquals(hx, hy, "same seed must give identical spikes" + Seeds.rerun("DeterminismSaveLoadTest"));
    long spikes = 0;
    for (int r = 0; r < x.regionCount(); r++) spikes += x.totalSpikes(r);
    assertTrue(spikes > 0, "the network must be active");
    int[] hz = run(new Brain(TestBrains.small(Seeds.SEED + 1)), 300, new int[300]);
    assertFalse(Arrays.equals(hx, hz), "another seed must give other spikes");
  }

  @Test
  void loadedBrainContinuesBitForBit() {
    Brain a = new Brain(TestBrains.small(Seeds.SEED));
    a.imprintTriple("sun", "is", "star");
    a.imprintSequence(java.util.List.of("one", "two", "three", "four"));
    a.step(37);
    a.setModulator(Modulator.NOREPINEPHRINE, 0.7);
    byte[] bytes = BrainCodec.save(a);
    Brain b = BrainCodec.load(bytes);
    assertArrayEquals(bytes, BrainCodec.save(b), "save(load(x)) == x");
    int[] ha = run(a, 250, new int[250]), hb = run(b, 250, new int[250]);
    assertArrayEquals(ha, hb, "loaded brain diverged" + Seeds.rerun("DeterminismSaveLoadTest"));
    a.imprintTriple("moon", "orbits", "earth");
    b.imprintTriple("moon", "orbits", "earth");
    assertArrayEquals(BrainCodec.save(a), BrainCodec.save(b), "learning after load must match too");
    assertEquals(a.recall("moon").ranked(), b.recall("moon").ranked());
  }

  @Test
  void readerRejectsDamageAndVersions() {
    Brain a = new Brain(TestBrains.silent());
    a.imprintTriple("x", "y", "z");
    byte[] bytes = BrainCodec.save(a);
    byte[] flipped = bytes.clone();
    flipped[flipped.length / 2] ^= 1;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BrainCodec.load(flipped)).getMessage().contains("checksum failed"));
    int versionAt = 4 + 2 + BrainCodec.NAME.length();
    byte[] newer = bytes.clone();
    newer[versionAt + 3] = (byte) (BrainCodec.VERSION + 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BrainCodec.load(newer)).getMessage().contains("too new"));
    byte[] older = bytes.clone();
    older[versionAt + 3] = 0;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BrainCodec.load(older)).getMessage().contains("too old"));
    assertThrows(IllegalArgumentException.class, () -> BrainCodec.load(Arrays.copyOf(bytes, 10)));
  }
}
