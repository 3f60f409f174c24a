package dev.engram.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a test): learning a 400-word transcript with the rule extractor, and answering a
 * question. Issue 9's target: learning takes <= 50 ms with no LLM.
 *
 * <p>The transcript is the first 400 words of two corpus topics written as YouTube-style rolling WebVTT
 * captions (each cue repeats the previous line), so the whole pipeline runs: caption cleaning and
 * de-duplication, sentence split, chunking, extraction, graph update. Each timed learn goes into a
 * fresh knowledge base ("empty") or into one already holding the 11 corpus topics ("loaded").
 * Prints one JSON object per line.
 *
 * <p>Run: {@code mvn -q -B -pl core -am test-compile && java -cp core/target/classes:core/target/test-classes
 * dev.engram.knowledge.LearnBenchmark}
 */
public final class LearnBenchmark {
  private LearnBenchmark() {}

  static final int WORDS = 400;

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    String vtt = rollingVtt(WORDS);
    String prose = SourceText.toProse(vtt, SourceText.Format.WEBVTT);
    int proseWords = prose.split("\\s+").length;

    // warm up the JIT on the same work
    for (int i = 0; i < 200; i++) {
      new KnowledgeBase().learn("bench", vtt, SourceText.Format.WEBVTT);
    }
    long[] empty = new long[iterations];
    KnowledgeBase.LearnReport report = null;
    for (int i = 0; i < iterations; i++) {
      KnowledgeBase kb = new KnowledgeBase();
      long t0 = System.nanoTime();
      report = kb.learn("bench", vtt, SourceText.Format.WEBVTT);
      empty[i] = System.nanoTime() - t0;
    }
    long[] loaded = new long[Math.min(iterations, 100)];
    for (int i = 0; i < loaded.length; i++) {
      KnowledgeBase kb = TopicCorpus.learnAll();
      long t0 = System.nanoTime();
      kb.learn("bench", vtt, SourceText.Format.WEBVTT);
      loaded[i] = System.nanoTime() - t0;
    }
    KnowledgeBase kb = TopicCorpus.learnAll();
    List<TopicCorpus.Question> qs = TopicCorpus.questions();
    for (int i = 0; i < 20; i++) {
      for (TopicCorpus.Question q : qs) {
        kb.ask(q.text());
      }
    }
    long[] ask = new long[qs.size() * 10];
    for (int i = 0; i < ask.length; i++) {
      long t0 = System.nanoTime();
      kb.ask(qs.get(i % qs.size()).text());
      ask[i] = System.nanoTime() - t0;
    }
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    System.out.println("{\"bench\":\"knowledge.learn\",\"graph\":\"empty\",\"transcript_words\":" + WORDS
        + ",\"words_after_cleaning\":" + proseWords + ",\"sentences\":" + report.sentences() + ",\"triples\":"
        + report.triples() + ",\"iterations\":" + iterations + ",\"median_ms\":" + ms(pct(empty, 50))
        + ",\"p90_ms\":" + ms(pct(empty, 90)) + ",\"max_ms\":" + ms(pct(empty, 100)) + ",\"jvm\":\"" + java + "\"}");
    System.out.println("{\"bench\":\"knowledge.learn\",\"graph\":\"11 topics, " + kb.graph().conceptCount()
        + " concepts\",\"transcript_words\":" + WORDS + ",\"iterations\":" + loaded.length + ",\"median_ms\":"
        + ms(pct(loaded, 50)) + ",\"p90_ms\":" + ms(pct(loaded, 90)) + ",\"max_ms\":" + ms(pct(loaded, 100)) + "}");
    System.out.println("{\"bench\":\"knowledge.ask\",\"graph\":\"11 topics, " + kb.graph().conceptCount()
        + " concepts\",\"questions\":" + ask.length + ",\"median_ms\":" + ms(pct(ask, 50)) + ",\"p90_ms\":"
        + ms(pct(ask, 90)) + ",\"max_ms\":" + ms(pct(ask, 100)) + "}");
    for (int triples : new int[] {3_000, 30_000, 100_000}) {
      scale(triples, 42);
    }
  }

  /**
   * Recall on a synthetic graph of {@code triples} random statements over made-up names (3 triples
   * per name, 50 topics): how ask time grows with the graph. Printed as one JSON line.
   */
  static void scale(int triples, long seed) {
    java.util.Random r = new java.util.Random(seed);
    String[] syl = {"ka", "lo", "mir", "tan", "vel", "or", "sun", "bri", "dax", "pem", "qua", "ros", "til", "ven", "wyn", "zor"};
    String[] rel = {"makes", "uses", "sells", "grinds", "guards", "feeds"};
    List<String> names = new ArrayList<>();
    for (int i = 0; i < triples / 3; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 3; k++) {
        sb.append(syl[r.nextInt(syl.length)]);
      }
      sb.append(' ');
      for (int k = 0; k < 2; k++) {
        sb.append(syl[r.nextInt(syl.length)]);
      }
      names.add(sb.toString());
    }
    KnowledgeGraph g = new KnowledgeGraph();
    long t0 = System.nanoTime();
    for (int i = 0; i < triples; i++) {
      g.add(new Triple(names.get(r.nextInt(names.size())), rel[r.nextInt(rel.length)],
          names.get(r.nextInt(names.size()))), "topic" + (i % 50));
    }
    long build = System.nanoTime() - t0;
    ChainRecall recall = new ChainRecall(g, RecallParams.DEFAULT);
    for (int i = 0; i < 50; i++) {
      recall.recall("What does " + names.get(i) + " make for " + names.get(i + 1) + "?");
    }
    long[] ask = new long[200];
    for (int i = 0; i < ask.length; i++) {
      String q = "What does " + names.get(r.nextInt(names.size())) + " sell to the " + names.get(r.nextInt(names.size())) + "?";
      long s = System.nanoTime();
      recall.recall(q);
      ask[i] = System.nanoTime() - s;
    }
    System.out.println("{\"bench\":\"knowledge.recall.synthetic\",\"triples_added\":" + triples + ",\"concepts\":"
        + g.conceptCount() + ",\"edges\":" + g.edgeCount() + ",\"seed\":" + seed + ",\"build_ms\":" + ms(build)
        + ",\"recall_median_ms\":" + ms(pct(ask, 50)) + ",\"recall_p90_ms\":" + ms(pct(ask, 90)) + "}");
  }

  /** The first {@code words} words of two corpus topics as rolling two-line captions. */
  static String rollingVtt(int words) {
    String text = TopicCorpus.resource("topics/lantern-eels.txt") + " " + TopicCorpus.resource("topics/knotball.txt");
    String[] all = text.trim().split("\\s+");
    if (all.length < words) {
      throw new IllegalStateException("corpus too short: " + all.length + " words");
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < words; i += 8) {
      lines.add(String.join(" ", Arrays.copyOfRange(all, i, Math.min(words, i + 8))));
    }
    StringBuilder sb = new StringBuilder("WEBVTT\nKind: captions\nLanguage: en\n\n");
    for (int i = 0; i < lines.size(); i++) {
      sb.append(ts(i)).append(" --> ").append(ts(i + 1)).append(" align:start position:0%\n");
      if (i > 0) {
        sb.append(lines.get(i - 1)).append('\n');
      }
      sb.append(lines.get(i)).append("\n\n");
    }
    return sb.toString();
  }

  private static String ts(int cue) {
    int s = cue * 3;
    return "00:" + two(s / 60) + ":" + two(s % 60) + ".000";
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  private static long pct(long[] xs, int p) {
    long[] c = xs.clone();
    Arrays.sort(c);
    int i = (int) Math.ceil(p / 100.0 * c.length) - 1;
    return c[Math.max(0, Math.min(c.length - 1, i))];
  }

  private static String ms(long nanos) {
    return String.valueOf(Math.round(nanos / 1e4) / 100.0);
  }
}
