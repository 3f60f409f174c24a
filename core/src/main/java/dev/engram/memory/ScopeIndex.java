package dev.engram.memory;

import java.util.Arrays;

/**
 * One scope's facts and the cue index over them.
 *
 * <p>Layout: facts are numbered densely from 0 in the order they were observed, so a fact's number is
 * also its age rank (bigger is newer) and every posting list is sorted without sorting. Fact texts sit
 * in one {@code String[]}; a forgotten fact keeps its number and is marked in {@link #forgotten}.
 * No per-fact objects.
 *
 * <p>The vocabulary is one open-addressing table of {@code long} slots (linear probing, load at most
 * 0.85, grown by a quarter, so between 0.68 and 0.85 once large): the high 32 bits are the term's key
 * ({@link TermHash#key}, never 0; 0 marks an empty slot), the low 32 bits either {@code -fact - 1} for
 * a term only one fact carries (most identifiers and values: no array, no term number) or a term
 * number {@code t} whose ascending fact numbers are {@code postings[t][0 .. postingSizes[t])}. Why: a
 * lookup is one cache miss (key and value share the slot; at load 0.85 a miss scans about 23 slots,
 * three cache lines), and a term one fact carries costs one slot, 8 bytes, about 10 at load 0.85,
 * where the separate 64-bit key, term number and size arrays this replaces cost about 40 at 1,000,000
 * facts. Cost: keys are 32 bits, so at millions of terms a few pairs share a key; their facts then
 * share a posting list, which only adds candidates that the word-by-word reading ({@link FactMatch},
 * which compares 64-bit hashes of the words themselves) turns down.
 *
 * <p>Callers hold a term by handle ({@link #term}): a term number, or {@link #SINGLE} plus the fact
 * for a one-fact term; a handle is valid until the next {@link #add}.
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

  /** Handles at or above this name a one-fact term: the handle minus this is its fact. */
  static final int SINGLE = 1 << 30;

  private long[] slots = new long[64];
  /** Occupied slots: the number of distinct term keys. */
  private int keyCount;
  /** Terms with a posting array (carried by two or more facts). */
  private int listCount;
  int[][] postings = new int[16][];
  int[] postingSizes = new int[16];

  /** Adds a fact with the given distinct cue stems; returns its number. */
  int add(String text, String[] stems, int stemCount, NoteKind kind) {
    long[] hashes = new long[stemCount];
    for (int i = 0; i < stemCount; i++) {
      hashes[i] = TermHash.of(stems[i]);
    }
    return add(text, hashes, stemCount, kind);
  }

  /** Adds a fact with the given distinct cue keys ({@link TermHash#of} of each stem); returns its number. */
  int add(String text, long[] hashes, int count, NoteKind kind) {
    if (factCount == SINGLE - 1) {
      throw new IllegalArgumentException("a scope holds at most " + (SINGLE - 1) + " facts");
    }
    if (factCount == texts.length) {
      int cap = factCount + (factCount >> 2) + 16; // by a quarter: the slack is index memory per fact
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
    for (int i = 0; i < count; i++) {
      addPosting(TermHash.key(hashes[i]), fact);
    }
    return fact;
  }

  /** Appends {@code fact} (the newest so far) to the term with {@code key}, creating the term if new. */
  private void addPosting(int key, int fact) {
    int slot = find(key);
    long entry = slots[slot];
    if (entry == 0) {
      slots[slot] = pack(key, -fact - 1); // the first fact sits inline: no array for a term only one fact has
      keyCount++;
      if (keyCount * 20L > slots.length * 17L) {
        resize(slots.length + (slots.length >> 2));
      }
      return;
    }
    int value = (int) entry;
    if (value < 0) {
      int first = -value - 1;
      if (first == fact) {
        return; // two of this fact's stems share a 32-bit key
      }
      int t = newList();
      postings[t] = new int[] {first, fact, 0, 0};
      postingSizes[t] = 2;
      slots[slot] = pack(key, t);
      return;
    }
    int size = postingSizes[value];
    int[] list = postings[value];
    if (list[size - 1] == fact) {
      return;
    }
    if (size == list.length) {
      list = Arrays.copyOf(list, size + (size >> 1) + 2);
      postings[value] = list;
    }
    list[size] = fact;
    postingSizes[value] = size + 1;
  }

  private int newList() {
    int t = listCount++;
    if (t == postings.length) {
      postings = Arrays.copyOf(postings, t * 2);
      postingSizes = Arrays.copyOf(postingSizes, t * 2);
    }
    return t;
  }

  private static long pack(int key, int value) {
    return ((long) key << 32) | (value & 0xFFFFFFFFL);
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int find(int key) {
    long[] table = slots;
    int n = table.length;
    // Multiply-shift onto [0, n): the table may have any size, so it grows by a quarter, not doubling.
    int slot = (int) (home(key) * n >>> 32);
    while (true) {
      long entry = table[slot];
      if (entry == 0 || (int) (entry >>> 32) == key) {
        return slot;
      }
      slot = slot + 1 == n ? 0 : slot + 1;
    }
  }

  /**
   * A key scrambled to 32 unsigned bits (a bijection: the multiplier is odd), whose scaled value is the
   * key's first slot. Keys of similar words differ mostly in low bits; the multiply spreads them.
   */
  private static long home(int key) {
    return (key * 0x9E3779B9L) & 0xFFFFFFFFL;
  }

  private void resize(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    for (long entry : old) {
      if (entry != 0) {
        slots[find((int) (entry >>> 32))] = entry;
      }
    }
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

  /** Number of distinct term keys. */
  int termCount() {
    return keyCount;
  }

  /**
   * This scope as an image. Texts, per-term lists and plastic entries are copied or shared only where
   * they never change again (a loaded text blob; a text String), so the image stays valid after more
   * writes to this scope. Plastic entries are listed by ascending fact number, so equal scopes give
   * equal bytes whatever order their sparse map holds them in.
   */
  ScopeImage image() {
    // Terms in the order of their keys' home positions (see home()): the bytes then depend on what the
    // scope holds, not on how its table happens to be laid out (a loaded copy, with its own table size,
    // dumps the same bytes), and a load fills its table in two sweeps (the sort is signed: the upper
    // half of the home range comes first) instead of at random.
    long[] order = new long[keyCount];
    int k = 0;
    for (int slot = 0; slot < slots.length; slot++) {
      if (slots[slot] != 0) {
        order[k++] = (home((int) (slots[slot] >>> 32)) << 32) | slot;
      }
    }
    Arrays.sort(order);
    long[] keys = new long[keyCount];
    int[] sizes = new int[keyCount];
    int[][] lists = new int[keyCount][];
    for (int t = 0; t < keyCount; t++) {
      long entry = slots[(int) order[t]];
      keys[t] = entry >>> 32;
      int value = (int) entry;
      if (value < 0) {
        sizes[t] = value;
      } else {
        sizes[t] = postingSizes[value];
        lists[t] = Arrays.copyOf(postings[value], postingSizes[value]);
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
    index.slots = new long[Math.max(64, terms + (terms >> 1) + 1)];
    for (int t = 0; t < terms; t++) {
      // Keys of this version are 32 bits; older snapshots hold 64-bit hashes, folded alike.
      int key = TermHash.key(keys[t]);
      int size = image.postingSizes()[t];
      int slot = index.find(key);
      if (index.slots[slot] == 0) {
        index.keyCount++;
        if (size < 0) {
          index.slots[slot] = pack(key, size);
        } else {
          int list = index.newList();
          index.postings[list] = image.postings()[t];
          index.postingSizes[list] = size;
          index.slots[slot] = pack(key, list);
        }
      } else {
        index.merge(slot, key, image, t); // two 64-bit keys of an older snapshot fold to one
      }
    }
    for (int i = 0; i < image.varNames().length; i++) {
      index.vars.put(image.varNames()[i], image.varValues()[i]);
    }
    return index;
  }

  /** Adds the facts of the image's term {@code t} to the term in {@code slot}, keeping the list ascending. */
  private void merge(int slot, int key, ScopeImage image, int t) {
    int handle = handleOf(slots[slot]);
    int[] a = new int[size(handle)];
    for (int p = 0; p < a.length; p++) {
      a[p] = posting(handle, p);
    }
    int[] b = new int[image.postingCount(t)];
    for (int p = 0; p < b.length; p++) {
      b[p] = image.posting(t, p);
    }
    int[] both = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (n == 0 || both[n - 1] != next) {
        both[n++] = next;
      }
    }
    int value = (int) slots[slot];
    int list = value >= 0 ? value : newList();
    postings[list] = both;
    postingSizes[list] = n;
    slots[slot] = pack(key, list);
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

  /** Number of facts carrying the term with this handle. */
  int size(int term) {
    return term >= SINGLE ? 1 : postingSizes[term];
  }

  /** The {@code p}-th fact (ascending) carrying the term with this handle. */
  int posting(int term, int p) {
    return term >= SINGLE ? term - SINGLE : postings[term][p];
  }

  /** True when {@code fact} carries the term with this handle. */
  boolean contains(int term, int fact) {
    return term >= SINGLE ? term - SINGLE == fact : search(postings[term], postingSizes[term], fact);
  }

  /**
   * Membership in an ascending list. Fact numbers are ages, and a common word turns up at a steady rate,
   * so the list is close to linear in its index: a few interpolation steps land next to the fact, where a
   * binary search of a 50,000-long list touches 16 far-apart cache lines (most of them cold in a large
   * scope). After {@code 4} guesses it falls back to binary search, so an uneven list costs at most that.
   */
  private static boolean search(int[] list, int size, int fact) {
    int lo = 0;
    int hi = size - 1;
    for (int guess = 0; guess < 4 && lo <= hi; guess++) {
      int first = list[lo];
      int last = list[hi];
      if (fact < first || fact > last) {
        return false;
      }
      if (first == last) {
        return first == fact;
      }
      int at = lo + (int) ((long) (fact - first) * (hi - lo) / ((long) last - first));
      int v = list[at];
      if (v == fact) {
        return true;
      }
      if (v < fact) {
        lo = at + 1;
      } else {
        hi = at - 1;
      }
    }
    return lo <= hi && Arrays.binarySearch(list, lo, hi + 1, fact) >= 0;
  }

  /** The handle of the term with this {@link TermHash#of} hash, or -1 when the scope has never seen it. */
  int term(long hash) {
    long entry = slots[find(TermHash.key(hash))];
    return entry == 0 ? -1 : handleOf(entry);
  }

  private static int handleOf(long entry) {
    int value = (int) entry;
    return value < 0 ? SINGLE + (-value - 1) : value;
  }

  /** Number of facts (live or forgotten) carrying this term; 0 for -1 (unknown). */
  int documentFrequency(int term) {
    return term < 0 ? 0 : size(term);
  }
}
