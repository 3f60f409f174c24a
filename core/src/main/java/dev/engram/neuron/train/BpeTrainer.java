package dev.engram.neuron.train;

import dev.engram.neuron.BpeTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Learns BPE merges from a corpus: cut every text into the tokenizer's chunks, count distinct chunks,
 * then repeatedly merge the most frequent adjacent pair (ties go to the smaller pair key, so a corpus
 * always gives the same merges). Cost: O(merges x total symbols over distinct chunks); a few seconds
 * for a few thousand distinct words.
 */
public final class BpeTrainer {
  private BpeTrainer() {}

  public static BpeTokenizer train(Iterable<String> corpus, int vocabSize) {
    if (vocabSize < BpeTokenizer.FIRST_MERGE) {
      throw new IllegalArgumentException("vocab size must be >= " + BpeTokenizer.FIRST_MERGE);
    }
    Map<String, int[]> counts = new HashMap<>();
    for (String text : corpus) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      int i = 0;
      while (i < b.length) {
        int end = BpeTokenizer.chunkEnd(b, i, b.length);
        String key = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
        i = end;
      }
    }
    String[] keys = counts.keySet().toArray(new String[0]);
    java.util.Arrays.sort(keys);
    int[][] words = new int[keys.length][];
    int[] freq = new int[keys.length];
    for (int w = 0; w < keys.length; w++) {
      String k = keys[w];
      words[w] = new int[k.length()];
      for (int i = 0; i < k.length(); i++) {
        words[w][i] = k.charAt(i);
      }
      freq[w] = counts.get(k)[0];
    }
    int[] lens = new int[keys.length];
    for (int w = 0; w < keys.length; w++) {
      lens[w] = words[w].length;
    }
    int merges = vocabSize - BpeTokenizer.FIRST_MERGE;
    int[] left = new int[merges];
    int[] right = new int[merges];
    int made = 0;
    HashMap<Long, long[]> pairs = new HashMap<>();
    for (; made < merges; made++) {
      pairs.clear();
      for (int w = 0; w < words.length; w++) {
        int[] s = words[w];
        for (int i = 0; i + 1 < lens[w]; i++) {
          long key = ((long) s[i] << 32) | s[i + 1];
          pairs.computeIfAbsent(key, k -> new long[1])[0] += freq[w];
        }
      }
      long bestKey = -1;
      long bestCount = 1;
      for (Map.Entry<Long, long[]> e : pairs.entrySet()) {
        long cnt = e.getValue()[0];
        long key = e.getKey();
        if (cnt > bestCount || (cnt == bestCount && bestKey >= 0 && key < bestKey)) {
          bestCount = cnt;
          bestKey = key;
        }
      }
      if (bestKey < 0) {
        break;
      }
      int a = (int) (bestKey >>> 32);
      int b = (int) bestKey;
      int id = BpeTokenizer.FIRST_MERGE + made;
      left[made] = a;
      right[made] = b;
      for (int w = 0; w < words.length; w++) {
        int[] s = words[w];
        int n = lens[w];
        int o = 0;
        for (int i = 0; i < n; i++) {
          if (i + 1 < n && s[i] == a && s[i + 1] == b) {
            s[o++] = id;
            i++;
          } else {
            s[o++] = s[i];
          }
        }
        lens[w] = o;
      }
    }
    return new BpeTokenizer(java.util.Arrays.copyOf(left, made), java.util.Arrays.copyOf(right, made));
  }
}
