package dev.engram.memory;

import java.util.Arrays;

/**
 * One scope's facts and the cue index over them.
 *
 * <p>Layout: facts are numbered densely from 0 in the order they were observed, so a fact's number is
 * also its age rank (bigger is newer) and every posting list is sorted without sorting. Fact texts sit
 * in one {@code String[]}; a forgotten fact keeps its number and is marked in {@link #forgotten}.
 * The vocabulary is an open-addressing table from {@link TermHash} to a term number (linear probing,
 * load at most 1/2); each term owns one growable {@code int[]} of fact numbers, except a term only one
 * fact carries (most identifiers and values): its fact number sits inline in {@link #postingSizes} as
 * {@code -fact - 1}, which saves the array (24 bytes) for each such term. No per-fact objects.
 */
final class ScopeIndex {
  /** Per fact, its text; null for a loaded fact not read yet, whose text is still in {@link #textUtf8}. */
  String[] texts = new String[16];
  /**
   * The texts of the facts a snapshot loaded, as the snapshot's UTF-8 bytes: fact {@code f < textStarts.length - 1}
   * spans {@code [textStarts[f], textStarts[f + 1])}. Kept as bytes so a load allocates no String per fact
   * (in the wasm build, the garbage collector was the largest part of loading when it did); null for a
   * scope never loaded.
   */
  byte[] textUtf8;
  int[] textStarts;
  /** Per fact, its {@link NoteKind} ordinal (plain facts are {@code FACT}). */
  byte[] kinds = new byte[16];
  int factCount;
  long[] forgotten = new long[1];
  int liveCount;
  /**
   * Plastic state of the facts that have been used or linked, by fact number. Sparse on purpose: most
   * facts of a large scope are never recalled, and a per-fact array of strength, last use and link slots
   * would cost 20 bytes for each of them. A fact absent here has strength 0 and no links.
   */
  private final java.util.HashMap<Integer, Plastic> plastic = new java.util.HashMap<>();

  /** One used fact's plastic state: strength (decaying from {@code lastUsed}) and Hebbian links. */
  static final class Plastic {
    float strength;
    long lastUsed;
    int[] linkTo;
    float[] linkWeight;
  }

  /** Variables: a small sorted map per scope (sorted so listings are the same on every runtime). */
  final java.util.TreeMap<String, String> vars = new java.util.TreeMap<>();

  private long[] slotKeys = new long[64];
  private int[] slotTerms = new int[64];
  private int termCount;
  int[][] postings = new int[16][];
  int[] postingSizes = new int[16];

  /** Adds a fact with the given distinct cue stems; returns its number. */
  int add(String text, String[] stems, int stemCount, NoteKind kind) {
    if (factCount == texts.length) {
      int cap = factCount + (factCount >> 1) + 16;
      texts = Arrays.copyOf(texts, cap);
      kinds = Arrays.copyOf(kinds, cap);
    }
    int fact = factCount++;
    texts[fact] = text;
    kinds[fact] = (byte) kind.ordinal();
    liveCount++;
    if ((fact >> 6) >= forgotten.length) {
      forgotten = Arrays.copyOf(forgotten, forgotten.length * 2);
    }
    for (int i = 0; i < stemCount; i++) {
      int term = termFor(TermHash.of(stems[i]), true);
      int size = postingSizes[term];
      if (size == 0) {
        postingSizes[term] = -fact - 1; // the first fact sits inline: no array for a term only one fact has
        continue;
      }
      int[] list = postings[term];
      if (size < 0) {
        list = new int[4];
        list[0] = -size - 1;
        size = 1;
      } else if (size == list.length) {
        list = Arrays.copyOf(list, size + (size >> 1) + 2);
      }
      list[size] = fact;
      postings[term] = list;
      postingSizes[term] = size + 1;
    }
    return fact;
  }

  boolean isForgotten(int fact) {
    return (forgotten[fact >> 6] & (1L << fact)) != 0;
  }

  void forget(int fact) {
    if (!isForgotten(fact)) {
      forgotten[fact >> 6] |= 1L << fact;
      liveCount--;
    }
  }

  /** The fact's plastic state, or null when it was never used nor linked. */
  Plastic plastic(int fact) {
    return plastic.get(fact);
  }

  private Plastic plasticFor(int fact) {
    Plastic p = plastic.get(fact);
    if (p == null) {
      p = new Plastic();
      plastic.put(fact, p);
    }
    return p;
  }

  /** Records a use: the fact's strength is now {@code strength}, as of {@code now}. */
  void use(int fact, float strength, long now) {
    Plastic p = plasticFor(fact);
    p.strength = strength;
    p.lastUsed = now;
  }

  /** Number of links, each counted once. */
  long linkCount() {
    long ends = 0;
    for (Plastic p : plastic.values()) {
      if (p.linkTo != null) {
        ends += p.linkTo.length;
      }
    }
    return ends / 2;
  }

  /** Strengthens the link between two facts by {@code delta} (both directions). */
  void link(int a, int b, float delta) {
    if (a == b) {
      return;
    }
    addLink(a, b, delta);
    addLink(b, a, delta);
  }

  private void addLink(int from, int to, float delta) {
    Plastic p = plasticFor(from);
    int[] targets = p.linkTo;
    if (targets == null) {
      p.linkTo = new int[] {to};
      p.linkWeight = new float[] {delta};
      return;
    }
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] == to) {
        p.linkWeight[i] += delta;
        return;
      }
    }
    p.linkTo = Arrays.copyOf(targets, targets.length + 1);
    p.linkWeight = Arrays.copyOf(p.linkWeight, targets.length + 1);
    p.linkTo[targets.length] = to;
    p.linkWeight[targets.length] = delta;
  }

  int termCount() {
    return termCount;
  }

  /**
   * This scope as an image. Texts, per-term lists and plastic entries are copied or shared only where
   * they never change again (a loaded text blob; a text String), so the image stays valid after more
   * writes to this scope. Plastic entries are listed by ascending fact number, so equal scopes give
   * equal bytes whatever order their sparse map holds them in.
   */
  ScopeImage image() {
    long[] keys = new long[termCount];
    for (int slot = 0; slot < slotKeys.length; slot++) {
      if (slotKeys[slot] != 0) {
        keys[slotTerms[slot]] = slotKeys[slot];
      }
    }
    int[] sizes = Arrays.copyOf(postingSizes, termCount);
    int[][] lists = new int[termCount][];
    for (int t = 0; t < termCount; t++) {
      if (sizes[t] > 0) {
        lists[t] = Arrays.copyOf(postings[t], sizes[t]);
      }
    }
    String[] names = vars.keySet().toArray(new String[0]);
    String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = vars.get(names[i]);
    }
    int[] used = new int[plastic.size()];
    int u = 0;
    for (Integer f : plastic.keySet()) {
      used[u++] = f;
    }
    Arrays.sort(used);
    float[] strength = new float[used.length];
    long[] lastUsed = new long[used.length];
    int[][] linkTo = new int[used.length][];
    float[][] linkWeight = new float[used.length][];
    for (int i = 0; i < used.length; i++) {
      Plastic p = plastic.get(used[i]);
      strength[i] = p.strength;
      lastUsed[i] = p.lastUsed;
      linkTo[i] = p.linkTo == null ? null : p.linkTo.clone();
      linkWeight[i] = p.linkWeight == null ? null : p.linkWeight.clone();
    }
    return new ScopeImage(factCount, Arrays.copyOf(texts, factCount), textUtf8, textStarts,
        Arrays.copyOf(kinds, factCount), Arrays.copyOf(forgotten, (factCount + 63) >> 6), used, strength, lastUsed,
        linkTo, linkWeight, keys, sizes, lists, names, values, new java.util.LinkedHashMap<>());
  }

  /**
   * Rebuilds a scope from an image, taking its arrays over (see {@link ScopeImage} on ownership): the cue
   * index comes from the image, nothing is re-tokenized, and texts held as UTF-8 stay bytes until read.
   * The only per-term work is re-inserting each key into the open-addressing table.
   */
  static ScopeIndex fromImage(ScopeImage image) {
    ScopeIndex index = new ScopeIndex();
    int n = image.factCount();
    int cap = Math.max(16, n);
    index.texts = image.texts().length >= cap ? image.texts() : Arrays.copyOf(image.texts(), cap);
    index.textUtf8 = image.textUtf8();
    index.textStarts = image.textStarts();
    index.kinds = image.kinds().length >= cap ? image.kinds() : Arrays.copyOf(image.kinds(), cap);
    int[] used = image.usedFacts();
    for (int i = 0; i < used.length; i++) {
      Plastic p = index.plasticFor(used[i]);
      p.strength = image.strength()[i];
      p.lastUsed = image.lastUsed()[i];
      p.linkTo = image.linkTo()[i];
      p.linkWeight = image.linkWeight()[i];
    }
    index.factCount = n;
    index.forgotten = Arrays.copyOf(image.forgotten(), Math.max(1, (cap + 63) >> 6));
    int dead = 0;
    for (long word : index.forgotten) {
      dead += Long.bitCount(word);
    }
    index.liveCount = n - dead;
    long[] keys = image.termKeys();
    int terms = keys.length;
    int slots = 64;
    while (slots < terms * 2 + 2) {
      slots <<= 1;
    }
    long[] slotKeys = new long[slots];
    int[] slotTerms = new int[slots];
    int mask = slots - 1;
    for (int t = 0; t < terms; t++) {
      long key = keys[t];
      int slot = (int) (key ^ (key >>> 29)) & mask;
      while (slotKeys[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slotKeys[slot] = key;
      slotTerms[slot] = t;
    }
    index.slotKeys = slotKeys;
    index.slotTerms = slotTerms;
    int room = Math.max(16, terms);
    index.postings = image.postings().length >= room ? image.postings() : Arrays.copyOf(image.postings(), room);
    index.postingSizes =
        image.postingSizes().length >= room ? image.postingSizes() : Arrays.copyOf(image.postingSizes(), room);
    index.termCount = terms;
    for (int i = 0; i < image.varNames().length; i++) {
      index.vars.put(image.varNames()[i], image.varValues()[i]);
    }
    return index;
  }

  /** Fact {@code f}'s text; a loaded fact's is decoded from the snapshot's bytes on first read, then kept. */
  String text(int f) {
    String s = texts[f];
    if (s == null) {
      s = ScopeImage.decode(textUtf8, textStarts[f], textStarts[f + 1]);
      texts[f] = s;
    }
    return s;
  }

  /** Number of facts carrying {@code term}. */
  int size(int term) {
    int v = postingSizes[term];
    return v < 0 ? 1 : v;
  }

  /** The {@code p}-th fact (ascending) carrying {@code term}. */
  int posting(int term, int p) {
    int v = postingSizes[term];
    return v < 0 ? -v - 1 : postings[term][p];
  }

  /** True when {@code fact} carries {@code term}. */
  boolean contains(int term, int fact) {
    int v = postingSizes[term];
    return v < 0 ? -v - 1 == fact : Arrays.binarySearch(postings[term], 0, v, fact) >= 0;
  }

  /** The term number for a stem hash, or -1 when the scope has never seen it. */
  int term(long key) {
    return termFor(key, false);
  }

  /** Number of facts (live or forgotten) carrying this term. */
  int documentFrequency(int term) {
    return term < 0 ? 0 : size(term);
  }

  private int termFor(long key, boolean create) {
    int mask = slotKeys.length - 1;
    int slot = (int) (key ^ (key >>> 29)) & mask;
    while (true) {
      long k = slotKeys[slot];
      if (k == key) {
        return slotTerms[slot];
      }
      if (k == 0) {
        if (!create) {
          return -1;
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    int term = termCount++;
    if (term == postings.length) {
      postings = Arrays.copyOf(postings, term * 2);
      postingSizes = Arrays.copyOf(postingSizes, term * 2);
    }
    slotKeys[slot] = key;
    slotTerms[slot] = term;
    if (termCount * 2 > slotKeys.length) {
      rehash();
    }
    return term;
  }

  private void rehash() {
    long[] oldKeys = slotKeys;
    int[] oldTerms = slotTerms;
    slotKeys = new long[oldKeys.length * 2];
    slotTerms = new int[oldKeys.length * 2];
    int mask = slotKeys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      long key = oldKeys[i];
      if (key != 0) {
        int slot = (int) (key ^ (key >>> 29)) & mask;
        while (slotKeys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slotKeys[slot] = key;
        slotTerms[slot] = oldTerms[i];
      }
    }
  }
}
