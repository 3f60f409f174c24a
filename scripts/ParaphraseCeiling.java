import dev.engram.onnx.runtime.OnnxModel;
import dev.engram.semantic.Encoder;
import dev.engram.semantic.WordEncoder;
import dev.engram.semantic.WordTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM half of scripts/paraphrase-ceiling.sh: how far a sentence encoder alone gets on the paraphrase
 * sets. Each set's facts are encoded; a question takes the fact nearest by cosine and is "answered" when
 * that cosine clears a bar, abstaining below it. Prints, per encoder and set, how often the nearest fact is
 * the right one, and answered-right / answered-wrong / unanswerable-abstained per bar, with the largest
 * share answered while abstention stays >= 95%. No value is extracted: a right fact counts as a right
 * answer, so this is an upper bound on what retrieval plus a cosine bar can do.
 */
public class ParaphraseCeiling {
  static final double[] BARS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};

  record Nearest(int fact, double cosine) {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    List<Path> sets = new ArrayList<>();
    for (int i = 1; i < args.length; i++) sets.add(Path.of(args[i]));
    try (OnnxModel minilm = OnnxModel.load(model)) {
      report("built-in (WordEncoder, shipped table)", new WordEncoder(WordTable.shipped(), null), sets);
      report("all-MiniLM-L6-v2 (ONNX, " + model.getFileName() + ")", minilm.text(), sets);
    }
  }

  static void report(String name, Encoder encoder, List<Path> sets) throws Exception {
    System.out.println("== " + name);
    for (Path set : sets) {
      List<String[]> pairs = new ArrayList<>();
      for (String line : lines(set.resolve("answerable.tsv"))) pairs.add(line.split("\t"));
      List<String> unanswerable = lines(set.resolve("unanswerable.tsv"));
      float[][] facts = new float[pairs.size()][];
      for (int f = 0; f < facts.length; f++) facts[f] = unit(encoder.encode(pairs.get(f)[0]));
      Nearest[] asked = new Nearest[pairs.size()];
      int top1 = 0;
      for (int i = 0; i < asked.length; i++) {
        asked[i] = nearest(facts, unit(encoder.encode(pairs.get(i)[1])));
        if (asked[i].fact() == i) top1++;
      }
      double[] unanswered = new double[unanswerable.size()];
      for (int u = 0; u < unanswered.length; u++) unanswered[u] = nearest(facts, unit(encoder.encode(unanswerable.get(u)))).cosine();
      System.out.printf("%s: nearest fact right for %d/%d (%.1f%%)%n", set.getFileName(), top1, asked.length, 100.0 * top1 / asked.length);
      double bestAt95 = -1;
      double bestBar = Double.NaN;
      for (double bar : BARS) {
        int right = 0;
        int wrong = 0;
        for (int i = 0; i < asked.length; i++) {
          if (asked[i].cosine() >= bar) {
            if (asked[i].fact() == i) right++; else wrong++;
          }
        }
        int abstained = 0;
        for (double c : unanswered) if (c < bar) abstained++;
        double share = (double) right / asked.length;
        double abstention = (double) abstained / unanswered.length;
        System.out.printf("  bar %.2f: answered right %3d (%5.1f%%), wrong %3d, abstained %3d/%d (%5.1f%%)%n",
            bar, right, 100 * share, wrong, abstained, unanswered.length, 100 * abstention);
        if (abstention >= 0.95 && share > bestAt95) {
          bestAt95 = share;
          bestBar = bar;
        }
      }
      System.out.printf("  best with abstention >= 95%%: %s%n",
          bestAt95 < 0 ? "none" : String.format("%.1f%% answered at bar %.2f", 100 * bestAt95, bestBar));
    }
  }

  static Nearest nearest(float[][] facts, float[] q) {
    int best = -1;
    double bestCos = -2;
    for (int f = 0; f < facts.length; f++) {
      double d = 0;
      for (int k = 0; k < q.length; k++) d += facts[f][k] * q[k];
      if (d > bestCos) {
        bestCos = d;
        best = f;
      }
    }
    return new Nearest(best, bestCos);
  }

  static float[] unit(float[] v) {
    WordEncoder.normalize(v);
    return v;
  }

  static List<String> lines(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) if (!line.isBlank() && !line.startsWith("#")) out.add(line);
    return out;
  }
}
