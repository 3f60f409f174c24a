package dev.engram.neuron.train;

import dev.engram.Engram;
import dev.engram.neuron.Dispatcher;
import dev.engram.neuron.Route;
import dev.engram.text.ValueMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * End-to-end check of the shipped dispatcher on a hand-written set: for each case a fresh {@link
 * Engram} observes the case's facts, then {@link Dispatcher#route} runs on the message through real
 * recall. Prints route accuracy per label, the grounded ANSWER value exact-match rate (under {@link
 * ValueMatch}, the memory suite's rule) and the latency. Route accuracy here depends on the memory engine's
 * recall and abstention as well as on the router.
 *
 * <pre>java -cp core/target/classes dev.engram.neuron.train.EvalDispatch core/src/test/resources/dev/engram/neuron/heldout.txt</pre>
 */
public final class EvalDispatch {
  private EvalDispatch() {}

  /** Routes per label (rows: wanted, columns: decided), grounded ANSWER values, and the latency of each turn. */
  public record Score(int[][] confusion, int answers, int exact, long[] nanos) {
    /** Share of turns routed as wanted. */
    public double overall() {
      int right = 0;
      int all = 0;
      for (int w = 0; w < confusion.length; w++) {
        for (int d = 0; d < confusion[w].length; d++) {
          all += confusion[w][d];
          right += w == d ? confusion[w][d] : 0;
        }
      }
      return all == 0 ? 0 : right / (double) all;
    }
  }

  /** Runs every case of {@code set} through a fresh {@link Engram} and the shipped dispatcher. */
  public static Score score(List<Example> set) {
    int[][] confusion = new int[4][4];
    int answers = 0;
    int exact = 0;
    long[] ns = new long[set.size()];
    for (int i = 0; i < set.size(); i++) {
      Example e = set.get(i);
      Engram engram = new Engram();
      for (String f : e.facts()) {
        engram.observe("eval", f);
      }
      long t0 = System.nanoTime();
      Dispatcher.Decision d = Dispatcher.route(engram, "eval", e.message());
      ns[i] = System.nanoTime() - t0;
      confusion[e.route().ordinal()][d.route().ordinal()]++;
      if (e.route() == Route.ANSWER) {
        answers++;
        if (ValueMatch.matches(d.value(), List.of(e.value()))) {
          exact++;
        }
      }
    }
    return new Score(confusion, answers, exact, ns);
  }

  public static void main(String[] args) throws IOException {
    for (String file : args) {
      List<Example> set;
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        set = EvalSet.read(in);
      }
      Score s = score(set);
      long[] ns = s.nanos().clone();
      java.util.Arrays.sort(ns);
      System.out.println(file + " through Engram + Dispatcher:");
      System.out.println(TrainRouter.confusionTable(s.confusion()).replace("held-out (int8) per label:", "  routes:"));
      System.out.println("  ANSWER value exact match: " + TrainRouter.pct(s.exact(), s.answers()));
      System.out.println("  latency p50 " + ns[ns.length / 2] / 1000 + " us, p99 " + ns[ns.length * 99 / 100] / 1000 + " us");
    }
  }
}
