package dev.engram.semantic;

import dev.engram.text.Stemmer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * The distilled lexicon: the most frequent English words with an int8 word vector each and their
 * WordNet relations, read from the bytes {@code scripts/distil-lexicon.mjs} writes.
 *
 * <pre>
 * table    := magic:"ENGL" name:string("engram.wordtable") version:i32
 *             wordCount:varint dim:varint word:string{wordCount}
 *             (scale:f32 component:i8{dim}){wordCount}
 *             (flags:u8 n:varint (kind:u8 targetDelta:varint){n}){wordCount}
 *             footer
 * footer   := magic:"LGNE" crc:i32   (CRC-32 of every byte before the footer)
 * string   := byteLength:varint utf8-bytes
 * </pre>
 *
 * Words are lower-case letters only, most frequent first, so a word's id is its frequency rank (the
 * encoder's IDF prior). Each vector was unit length before quantization; component = round(x / scale).
 * Relation targets are word ids, ascending, delta-coded; kinds are {@link #SYNONYM}, {@link #HYPERNYM},
 * {@link #DERIVATION} and {@link #SIMILAR}; flags bit 0 says WordNet has the word at all (a word can
 * have no relation left when its relatives are multi-word or rare); the reader adds the reverse of each hypernym as
 * {@link #HYPONYM} and the reverse of the symmetric kinds, so relations can be walked from either side.
 *
 * <p>Layout in memory: one {@code byte[]} of {@code wordCount * dim} components (row per word) and one
 * {@code float[]} of scales: 2.5 MB for 25,000 words, scanned linearly by {@link #neighbours} (about
 * 2.5 M multiply-adds, memoized per word). Relations are CSR arrays (start offsets, targets, kinds).
 * Words are looked up by their {@link Stemmer#stem} (the form memory indexes) and by surface form;
 * when several surface forms share a stem, the most frequent one's vector stands for it.
 */
public final class WordTable {
  public static final String NAME = "engram.wordtable";
  public static final int VERSION = 1;
  public static final int MIN_VERSION = 1;
  /** Where the shipped table lives on the class path (not inside the wasm module). */
  public static final String RESOURCE = "/dev/engram/semantic/words.bin";

  public static final int SYNONYM = 1;
  public static final int HYPERNYM = 2;
  public static final int DERIVATION = 3;
  public static final int SIMILAR = 4;
  /** Reverse of a hypernym: "truck" from "vehicle". Added by the reader. */
  public static final int HYPONYM = 5;

  private final String[] words;
  private final String[] stems;
  private final int dim;
  private final byte[] vectors;
  private final float[] scales;
  private final int[] relStart;
  private final int[] relTo;
  private final byte[] relKind;
  private final boolean[] inWordNet;
  private final HashMap<String, Integer> byStem = new HashMap<>();
  private final HashMap<String, Integer> bySurface = new HashMap<>();
  private final HashMap<Integer, Neighbours> neighbourCache = new HashMap<>();
  private static final int NEIGHBOUR_CACHE = 4096;
  private static WordTable shipped;

  /** The nearest words of one word, best first. */
  public record Neighbours(int[] ids, float[] cosines) {}

  private WordTable(String[] words, int dim, byte[] vectors, float[] scales, int[][] rel, byte[][] kinds,
      boolean[] inWordNet) {
    this.words = words;
    this.inWordNet = inWordNet;
    this.dim = dim;
    this.vectors = vectors;
    this.scales = scales;
    int n = words.length;
    stems = new String[n];
    for (int i = 0; i < n; i++) {
      stems[i] = Stemmer.stem(words[i]);
      bySurface.putIfAbsent(words[i], i);
      byStem.putIfAbsent(stems[i], i);
    }
    // A word that is its own stem stands for it ("fix", not the more frequent "fixed", whose sense differs).
    for (int i = n - 1; i >= 0; i--) {
      if (stems[i].equals(words[i])) {
        byStem.put(stems[i], i);
      }
    }
    // Both directions of every relation, deduplicated per word (a word may reach another twice).
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      for (int to : rel[i]) {
        count[i]++;
        count[to]++;
      }
    }
    relStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      relStart[i + 1] = relStart[i] + count[i];
    }
    int[] fill = java.util.Arrays.copyOf(relStart, n);
    int[] to = new int[relStart[n]];
    byte[] kind = new byte[relStart[n]];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < rel[i].length; r++) {
        int j = rel[i][r];
        int k = kinds[i][r];
        to[fill[i]] = j;
        kind[fill[i]++] = (byte) k;
        to[fill[j]] = i;
        kind[fill[j]++] = (byte) (k == HYPERNYM ? HYPONYM : k);
      }
    }
    relTo = to;
    relKind = kind;
  }

  /** The table shipped in core's resources, read once from the class path (JVM hosts). */
  public static WordTable shipped() {
    if (shipped == null) {
      shipped = fromBytes(resource());
    }
    return shipped;
  }

  private static byte[] resource() {
    return dev.engram.codec.Resources.read(WordTable.class, RESOURCE);
  }


  /** Parses a table; a wrong magic, name, version, length or checksum is an IllegalArgumentException. */
  public static WordTable fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 16) {
      throw new IllegalArgumentException("not an engram word table (too short)");
    }
    if (bytes[0] != 'E' || bytes[1] != 'N' || bytes[2] != 'G' || bytes[3] != 'L') {
      throw new IllegalArgumentException("not an engram word table (bad magic)");
    }
    int body = bytes.length - 8;
    if (bytes[body] != 'L' || bytes[body + 1] != 'G' || bytes[body + 2] != 'N' || bytes[body + 3] != 'E') {
      throw new IllegalArgumentException("word table is truncated or damaged (no footer)");
    }
    Reader in = new Reader(bytes, body + 4, bytes.length);
    int expected = in.i32();
    if (dev.engram.codec.Crc32.of(bytes, 0, body) != expected) {
      throw new IllegalArgumentException("word table checksum failed: the file is damaged");
    }
    in = new Reader(bytes, 4, body);
    String name = in.string();
    if (!NAME.equals(name)) {
      throw new IllegalArgumentException("not an engram word table (format '" + name + "')");
    }
    int version = in.i32();
    if (version > VERSION) {
      throw new IllegalArgumentException("word table version " + version + " is too new: this engram reads "
          + MIN_VERSION + ".." + VERSION);
    }
    if (version < MIN_VERSION) {
      throw new IllegalArgumentException("word table version " + version + " is too old: this engram reads "
          + MIN_VERSION + ".." + VERSION);
    }
    int n = in.count(body, "word count");
    int dim = in.count(4096, "dimension");
    if (dim == 0) {
      throw new IllegalArgumentException("word table has dimension 0");
    }
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = in.string();
    }
    float[] scales = new float[n];
    byte[] vectors = new byte[n * dim];
    for (int i = 0; i < n; i++) {
      scales[i] = in.f32();
      in.bytes(vectors, i * dim, dim);
    }
    int[][] rel = new int[n][];
    byte[][] kinds = new byte[n][];
    boolean[] known = new boolean[n];
    for (int i = 0; i < n; i++) {
      int flags = in.u8();
      if ((flags & ~1) != 0) {
        throw new IllegalArgumentException("word table: unknown flags " + flags + " at word " + i);
      }
      known[i] = flags == 1;
      int m = in.count(n, "relation count");
      rel[i] = new int[m];
      kinds[i] = new byte[m];
      int target = 0;
      for (int r = 0; r < m; r++) {
        int k = in.u8();
        if (k < SYNONYM || k > SIMILAR) {
          throw new IllegalArgumentException("word table: unknown relation kind " + k + " at word " + i);
        }
        target += in.varint();
        if (target >= n) {
          throw new IllegalArgumentException("word table: relation target out of range at word " + i);
        }
        kinds[i][r] = (byte) k;
        rel[i][r] = target;
      }
    }
    if (in.pos != body) {
      throw new IllegalArgumentException("word table has " + (body - in.pos) + " unexpected bytes");
    }
    return new WordTable(words, dim, vectors, scales, rel, kinds, known);
  }

  public int size() {
    return words.length;
  }

  public int dimension() {
    return dim;
  }

  /** The word with id {@code id} (its frequency rank). */
  public String word(int id) {
    return words[id];
  }

  /** The {@link Stemmer#stem} of word {@code id}: the key memory indexes it under. */
  public String stem(int id) {
    return stems[id];
  }

  /** The id of a stem (or, failing that, a surface word), or -1 when the table does not know it. */
  public int id(String stemOrWord) {
    Integer i = byStem.get(stemOrWord);
    if (i == null) {
      i = bySurface.get(stemOrWord);
    }
    return i == null ? -1 : i;
  }

  /** The id of an exact surface word, or -1. */
  public int wordId(String word) {
    Integer i = bySurface.get(word);
    return i == null ? -1 : i;
  }

  /** Adds {@code weight} times word {@code id}'s unit vector to {@code acc}. */
  public void addTo(float[] acc, int id, float weight) {
    float s = scales[id] * weight;
    int base = id * dim;
    for (int d = 0; d < dim; d++) {
      acc[d] += s * vectors[base + d];
    }
  }

  /** Cosine of two words (their stored vectors are unit length up to quantization). */
  public float cosine(int a, int b) {
    int ba = a * dim;
    int bb = b * dim;
    int dot = 0;
    for (int d = 0; d < dim; d++) {
      dot += vectors[ba + d] * vectors[bb + d];
    }
    return dot * scales[a] * scales[b];
  }

  /**
   * The (at most {@code k}) words nearest to word {@code id} by cosine, best first, excluding itself and
   * its other surface forms. A linear scan of the table, memoized (the cache is cleared when full).
   */
  public Neighbours neighbours(int id, int k) {
    Neighbours cached = neighbourCache.get(id);
    if (cached != null && cached.ids.length >= Math.min(k, words.length - 1)) {
      return cached;
    }
    int[] best = new int[k];
    float[] sims = new float[k];
    int kept = 0;
    int base = id * dim;
    for (int j = 0; j < words.length; j++) {
      if (j == id || stems[j].equals(stems[id])) {
        continue;
      }
      int jb = j * dim;
      int dot = 0;
      for (int d = 0; d < dim; d++) {
        dot += vectors[base + d] * vectors[jb + d];
      }
      float c = dot * scales[id] * scales[j];
      if (kept < k || c > sims[kept - 1]) {
        int pos = kept < k ? kept++ : kept - 1;
        while (pos > 0 && sims[pos - 1] < c) {
          sims[pos] = sims[pos - 1];
          best[pos] = best[pos - 1];
          pos--;
        }
        sims[pos] = c;
        best[pos] = j;
      }
    }
    Neighbours out = new Neighbours(java.util.Arrays.copyOf(best, kept), java.util.Arrays.copyOf(sims, kept));
    if (neighbourCache.size() >= NEIGHBOUR_CACHE) {
      neighbourCache.clear();
    }
    neighbourCache.put(id, out);
    return out;
  }

  /** True when WordNet has word {@code id} (whether or not a relation of it was kept). */
  public boolean inWordNet(int id) {
    return inWordNet[id];
  }

  /**
   * True when WordNet links {@code a} to {@code b} directly, or in two steps other than up to a shared
   * parent and down again: "kitty" and "cat" are linked, "cat" and "dog" or "father" and "mother" (two
   * kinds of one thing) are not, though their vectors are close. Such siblings are contrasts, and a
   * question about one must not be answered by a fact about the other.
   */
  public boolean linked(int a, int b) {
    for (int r = relStart[a]; r < relStart[a + 1]; r++) {
      int mid = relTo[r];
      if (mid == b) {
        return true;
      }
      boolean up = relKind[r] == HYPERNYM;
      for (int r2 = relStart[mid]; r2 < relStart[mid + 1]; r2++) {
        if (relTo[r2] == b && !(up && relKind[r2] == HYPONYM)) {
          return true;
        }
      }
    }
    return false;
  }

  /** How many hypernym steps {@link #hasAncestor} climbs. */
  static final int ANCESTOR_DEPTH = 6;

  /**
   * True when {@code ancestor} is a WordNet hypernym of word {@code id}, directly or up to
   * {@link #ANCESTOR_DEPTH} steps: "pharmacist" is a kind of "person", "shed" of "building". Climbs the
   * table's kept hypernym links (only the most used sense of each word, and only table words).
   */
  public boolean hasAncestor(int id, int ancestor) {
    int[] frontier = {id};
    int size = 1;
    for (int depth = 0; depth < ANCESTOR_DEPTH && size > 0; depth++) {
      int[] next = new int[16];
      int n = 0;
      for (int f = 0; f < size; f++) {
        int w = frontier[f];
        for (int r = relStart[w]; r < relStart[w + 1]; r++) {
          if (relKind[r] != HYPERNYM) {
            continue;
          }
          if (relTo[r] == ancestor) {
            return true;
          }
          if (n == next.length) {
            next = java.util.Arrays.copyOf(next, n * 2);
          }
          next[n++] = relTo[r];
        }
      }
      frontier = next;
      size = Math.min(n, 64); // a wide fan-out means a vague word; its first parents say enough
    }
    return false;
  }

  /** First index into {@link #relationTarget}/{@link #relationKind} of word {@code id}'s relations. */
  public int relationStart(int id) {
    return relStart[id];
  }

  /** One past the last relation of word {@code id}. */
  public int relationEnd(int id) {
    return relStart[id + 1];
  }

  public int relationTarget(int r) {
    return relTo[r];
  }

  public int relationKind(int r) {
    return relKind[r];
  }

  /** Little-endian reader over one byte range; every length is checked against what is left. */
  private static final class Reader {
    final byte[] b;
    int pos;
    final int end;

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    private void need(int n) {
      if (n < 0 || pos + n > end) {
        throw new IllegalArgumentException("word table is truncated at byte " + pos);
      }
    }

    int u8() {
      need(1);
      return b[pos++] & 0xFF;
    }

    int i32() {
      need(4);
      int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
      pos += 4;
      return v;
    }

    float f32() {
      return Float.intBitsToFloat(i32());
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int x = u8();
        v |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("word table: varint too long at byte " + pos);
    }

    int count(int max, String what) {
      int v = varint();
      if (v < 0 || v > max) {
        throw new IllegalArgumentException("word table: " + what + " " + v + " out of range");
      }
      return v;
    }

    void bytes(byte[] into, int at, int n) {
      need(n);
      System.arraycopy(b, pos, into, at, n);
      pos += n;
    }

    String string() {
      int n = count(end - pos, "string length");
      need(n);
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
