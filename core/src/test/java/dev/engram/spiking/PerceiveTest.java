package dev.engram.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.perception.AudioClip;
import dev.engram.perception.Pixels;
import dev.engram.perception.Stimuli;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Perception into the brain: latency code in, rate code out, and the end-to-end path picture/sound -> embedding
 * -> spikes -> binding -> recognition of a noisy variant, on a 10,000-neuron brain (scale 0.005).
 */
class PerceiveTest {
  static final double SCALE = 0.005;

  private static float[] randomUnit(Random random, int d) {
    float[] v = new float[d];
    double n = 0;
    for (int i = 0; i < d; i++) {
      v[i] = (float) random.nextGaussian();
      n += (double) v[i] * v[i];
    }
    for (int i = 0; i < d; i++) v[i] = (float) (v[i] / Math.sqrt(n));
    return v;
  }

  @Test
  void latencyCodeRoundTripsAndLeavesTheBrainAsItWas() {
    Brain b = new Brain(BrainConfig.cortex(SCALE, Seeds.SEED));
    b.step(50);
    Random random = new Random(Seeds.SEED);
    byte[] before = BrainCodec.save(b);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      float[] v = randomUnit(random, 128);
      Percept p = b.perceive("visual", v, null, LatencyParams.defaults());
      assertEquals(128, p.dimension());
      assertEquals(6, p.groupSize()); // 800 excitatory visual cells / 128 dimensions
      assertEquals(30, p.steps());
      assertTrue(p.sensorySpikes() > 0);
      assertTrue(p.cosine() > 0.85, "round-trip cosine " + p.cosine() + Seeds.rerun("PerceiveTest"));
      sum += p.cosine();
    }
    System.out.printf("latency code round trip at scale %s: mean cosine %.3f over 4 random 128-d vectors [seed %d]%n", SCALE, sum / 4, Seeds.SEED);
    assertArrayEquals(before, BrainCodec.save(b), "perceiving without a label changed the brain");
    // Same state, same vector: same spikes, so the same answer.
    float[] v = randomUnit(random, 128);
    Percept x = b.perceive("auditory", v, null, LatencyParams.defaults());
    Percept y = b.perceive("auditory", v, null, LatencyParams.defaults());
    assertArrayEquals(x.decoded(), y.decoded());
    assertEquals(x.sensorySpikes(), y.sensorySpikes());
  }

  @Test
  void badInputIsRefusedBeforeAnythingRuns() {
    Brain b = new Brain(BrainConfig.cortex(SCALE, Seeds.SEED));
    LatencyParams p = LatencyParams.defaults();
    float[] ok = new float[] {1, 0, 0};
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("retina", ok, null, p)).getMessage().contains("unknown region 'retina'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("association", ok, null, p)).getMessage().contains("holds the concept assemblies"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", new float[3], null, p)).getMessage().contains("all zeros"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", new float[] {1, Float.NaN}, null, p)).getMessage().contains("embedding[1]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", new float[801], null, p)).getMessage().contains("raise the scale"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", new float[0], null, p)).getMessage().contains("at least one"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", ok, "  ", p)).getMessage().contains("blank"));
    assertThrows(IllegalArgumentException.class, () -> b.perceive("visual", ok, null, null));
    assertThrows(IllegalArgumentException.class, () -> new LatencyParams(20, 30, 2.5, 10, 10, 40));
    assertEquals(0, b.stepCount(), "a refused call must not run the brain");
  }

  /** Learns a red disc, blue stripes, a low tone and a rising chirp; then recognises noisy variants. */
  @Test
  void aNoisyVariantIsRecognisedAsWhatItWasLearnedAs() {
    Brain b = new Brain(BrainConfig.cortex(SCALE, Seeds.SEED));
    b.step(50);
    Senses senses = new Senses();
    Percept learned = senses.watch(b, Stimuli.redDisc(0, 0), "red disc");
    assertEquals("red disc", learned.label());
    assertTrue(learned.boundSynapses() > 0);
    int synapses = b.learnedSynapseCount();
    assertEquals(1, b.conceptCount());
    senses.watch(b, Stimuli.blueStripes(0), "blue stripes");
    senses.listen(b, Stimuli.tone(220, 1), "low tone");
    senses.listen(b, Stimuli.chirp(1500, 3000, 1), "rising chirp");
    assertEquals(4, b.conceptCount());
    assertTrue(b.learnedSynapseCount() > synapses);
    b.step(50);

    Random random = new Random(Seeds.SEED);
    int trials = 0;
    int right = 0;
    List<String> misses = new ArrayList<>();
    double cosines = 0;
    for (int k = 0; k < 3; k++) {
      int dx = random.nextInt(7) - 3;
      int dy = random.nextInt(7) - 3;
      double gain = 0.5 + random.nextDouble();
      Object[][] cases = {
        {"red disc", Stimuli.noisy(Stimuli.redDisc(dx, dy), 40, random.nextLong())},
        {"blue stripes", Stimuli.noisy(Stimuli.blueStripes(dx), 40, random.nextLong())},
        {"low tone", Stimuli.noisy(Stimuli.tone(220, gain), 0.03, random.nextLong())},
        {"rising chirp", Stimuli.noisy(Stimuli.chirp(1500, 3000, gain), 0.03, random.nextLong())},
      };
      for (Object[] c : cases) {
        Percept p = c[1] instanceof Pixels px ? senses.watch(b, px, null) : senses.listen(b, (AudioClip) c[1], null);
        trials++;
        cosines += p.cosine();
        String top = p.ranked().isEmpty() ? "(nothing)" : p.ranked().get(0).concept();
        if (top.equals(c[0])) right++;
        else misses.add(c[0] + " -> " + p.ranked());
      }
    }
    System.out.printf("perception recall at scale %s: %d of %d noisy variants top-ranked right, mean round-trip cosine %.3f [seed %d]%n",
        SCALE, right, trials, cosines / trials, Seeds.SEED);
    // Measured: 12, 12, 10, 12, 12 of 12 for seeds 20261123, 1, 2, 3, 4 (chance: 3 of 12). The 10-cell
    // assemblies of this scale count 10-20 spikes, so one or two near ties can go either way.
    assertTrue(right >= trials - 2, right + " of " + trials + " right; misses " + misses + Seeds.rerun("PerceiveTest"));
  }
}
