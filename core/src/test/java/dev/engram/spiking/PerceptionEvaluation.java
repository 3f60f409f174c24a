package dev.engram.spiking;

import dev.engram.perception.AudioClip;
import dev.engram.perception.ColourLayoutEncoder;
import dev.engram.perception.Pixels;
import dev.engram.perception.SpectralShapeEncoder;
import dev.engram.perception.Stimuli;
import java.util.Random;

/**
 * The perception figures of docs/SPIKING.md (not a test: run by hand). Per scale and seed: a brain steps 50 ms,
 * binds a red disc, blue stripes, a low tone and a rising chirp to labels, then watches/listens to
 * {@code variants} noisy variants of each (shifted, +-40 per channel; 0.5-1.5x gain with white noise of RMS 0.03)
 * and counts how often the right label is ranked first; also the mean round-trip cosine and wall time per call,
 * and the encoders' own cost.
 *
 * <pre>
 * mvn -q -B -pl core -am test-compile
 * java -cp core/target/classes:core/target/test-classes dev.engram.spiking.PerceptionEvaluation 0.005,0.01 5 5
 * </pre>
 */
public final class PerceptionEvaluation {
  private PerceptionEvaluation() {}

  public static void main(String[] args) {
    String[] scales = (args.length > 0 ? args[0] : "0.005,0.01").split(",");
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int variants = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    ColourLayoutEncoder images = new ColourLayoutEncoder();
    SpectralShapeEncoder sounds = new SpectralShapeEncoder();
    Pixels big = Stimuli.noisy(new Pixels(256, 256, new byte[4 * 256 * 256]), 100, 1);
    float[] tenSeconds = new float[160_000];
    Random r = new Random(1);
    for (int i = 0; i < tenSeconds.length; i++) tenSeconds[i] = (float) (0.1 * r.nextGaussian());
    AudioClip clip = new AudioClip(tenSeconds, 16000);
    for (int i = 0; i < 20; i++) {
      images.encode(big);
      sounds.encode(clip);
    }
    long t = System.nanoTime();
    for (int i = 0; i < 20; i++) images.encode(big);
    double imageMs = (System.nanoTime() - t) / 20e6;
    t = System.nanoTime();
    for (int i = 0; i < 20; i++) sounds.encode(clip);
    double soundMs = (System.nanoTime() - t) / 20e6;
    System.out.printf("encoders: 256x256 image %.2f ms, 10 s of 16 kHz audio %.2f ms%n", imageMs, soundMs);
    System.out.println("scale  seed  right/trials  round-trip cosine  ms per recognition");
    for (String scaleText : scales) {
      double scale = Double.parseDouble(scaleText);
      int allRight = 0;
      int allTrials = 0;
      for (int s = 0; s < seeds; s++) {
        long seed = 1000 + s;
        Brain b = new Brain(BrainConfig.cortex(scale, seed));
        b.step(50);
        Senses senses = new Senses();
        senses.watch(b, Stimuli.redDisc(0, 0), "red disc");
        senses.watch(b, Stimuli.blueStripes(0), "blue stripes");
        senses.listen(b, Stimuli.tone(220, 1), "low tone");
        senses.listen(b, Stimuli.chirp(1500, 3000, 1), "rising chirp");
        b.step(50);
        Random random = new Random(seed);
        int right = 0;
        int trials = 0;
        double cos = 0;
        long ns = 0;
        for (int v = 0; v < variants; v++) {
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
            long start = System.nanoTime();
            Percept p = c[1] instanceof Pixels px ? senses.watch(b, px, null) : senses.listen(b, (AudioClip) c[1], null);
            ns += System.nanoTime() - start;
            trials++;
            cos += p.cosine();
            if (!p.ranked().isEmpty() && p.ranked().get(0).concept().equals(c[0])) right++;
          }
        }
        System.out.printf("%-6s %-5d %3d/%-3d        %.3f              %.0f%n", scale, seed, right, trials, cos / trials, ns / 1e6 / trials);
        allRight += right;
        allTrials += trials;
      }
      System.out.printf("scale %s: %d of %d right (%.1f%%; chance 25%%)%n", scale, allRight, allTrials, 100.0 * allRight / allTrials);
    }
  }
}
