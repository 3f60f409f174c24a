package dev.engram.neuron;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level BPE: any string encodes (its UTF-8 bytes are the base alphabet), and {@link #decode}
 * of {@link #encode} gives the string back exactly.
 *
 * <p>Ids: 0..255 are the bytes, 256..259 the specials ({@link #BOS}, {@link #FACT}, {@link #MSG},
 * {@link #CLS}; they never come out of {@code encode}, so no text can forge them), and each merge
 * {@code r} makes id {@code 260 + r} from its two parts. Text is first cut into chunks (an optional
 * leading space plus a run of letters, of digits or of punctuation; runs of white space apart), and
 * merges never cross a chunk, like GPT-2's pre-tokenizer but without regex.
 *
 * <p>Merges are applied lowest rank first. The pair table is open addressing over {@code long} keys
 * ({@code left << 32 | right}) at load factor at most 1/2: one probe on average, no boxing on the encode
 * path. Encoding a chunk of n bytes costs O(n^2) probes in the worst case; chunks are words.
 *
 * <p>File format ({@code engram-bpe}, little-endian): magic {@code "EGBP"}, name, version, then
 * {@code i32 specials} (must be 4), {@code i32 merges}, then {@code merges} pairs of {@code i32 left,
 * i32 right} in rank order; CRC-32 last. The vocabulary is fully determined by the merges.
 */
public final class BpeTokenizer {
  public static final int MAGIC = 0x50424745; // "EGBP" little-endian
  public static final String FORMAT = "engram-bpe";
  public static final int VERSION = 1;

  public static final int BOS = 256;
  public static final int FACT = 257;
  public static final int MSG = 258;
  public static final int CLS = 259;
  public static final int SPECIALS = 4;
  public static final int FIRST_MERGE = 256 + SPECIALS;

  private static final String[] SPECIAL_NAMES = {"<bos>", "<fact>", "<msg>", "<cls>"};

  private final int[] left;
  private final int[] right;
  private final byte[][] tokenBytes;
  private final long[] pairKeys;
  private final int[] pairRank;
  private final int mask;

  public BpeTokenizer(int[] left, int[] right) {
    if (left == null || right == null || left.length != right.length) {
      throw new IllegalArgumentException("merges need equal-length left and right arrays");
    }
    int n = left.length;
    this.left = left.clone();
    this.right = right.clone();
    tokenBytes = new byte[FIRST_MERGE + n][];
    for (int b = 0; b < 256; b++) {
      tokenBytes[b] = new byte[] {(byte) b};
    }
    for (int s = 0; s < SPECIALS; s++) {
      tokenBytes[256 + s] = new byte[0];
    }
    int cap = 16;
    while (cap < 2 * n + 2) {
      cap <<= 1;
    }
    pairKeys = new long[cap];
    pairRank = new int[cap];
    mask = cap - 1;
    java.util.Arrays.fill(pairRank, -1);
    for (int r = 0; r < n; r++) {
      int a = left[r];
      int b = right[r];
      int id = FIRST_MERGE + r;
      if (!isText(a, id) || !isText(b, id)) {
        throw new IllegalArgumentException("merge " + r + " (" + a + ", " + b + ") uses an id that is not an earlier text token");
      }
      byte[] ab = new byte[tokenBytes[a].length + tokenBytes[b].length];
      System.arraycopy(tokenBytes[a], 0, ab, 0, tokenBytes[a].length);
      System.arraycopy(tokenBytes[b], 0, ab, tokenBytes[a].length, tokenBytes[b].length);
      tokenBytes[id] = ab;
      long key = pairKey(a, b);
      int slot = slot(key);
      if (pairRank[slot] >= 0) {
        throw new IllegalArgumentException("merge " + r + " repeats the pair (" + a + ", " + b + ")");
      }
      pairKeys[slot] = key;
      pairRank[slot] = r;
    }
  }

  private static boolean isText(int t, int below) {
    return t >= 0 && t < below && (t < 256 || t >= FIRST_MERGE);
  }

  private static long pairKey(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h >>> 40) & mask;
    while (pairRank[i] >= 0 && pairKeys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private int rank(int a, int b) {
    return pairRank[slot(pairKey(a, b))];
  }

  public int vocabSize() {
    return tokenBytes.length;
  }

  public int merges() {
    return left.length;
  }

  /** Byte class used for chunking: 0 letter (or any non-ASCII byte), 1 digit, 2 white space, 3 other. */
  public static int byteClass(int b) {
    if (b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '\'') {
      return 0;
    }
    if (b >= '0' && b <= '9') {
      return 1;
    }
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
      return 2;
    }
    return 3;
  }

  /**
   * End (exclusive) of the chunk that starts at {@code i}. Shared with the merge trainer so both
   * cut text identically.
   */
  public static int chunkEnd(byte[] b, int i, int n) {
    if (b[i] == ' ' && i + 1 < n && byteClass(b[i + 1] & 0xFF) != 2) {
      i++;
    }
    int c = byteClass(b[i] & 0xFF);
    i++;
    while (i < n && byteClass(b[i] & 0xFF) == c) {
      if (c == 2 && b[i] == ' ' && i + 1 < n && byteClass(b[i + 1] & 0xFF) != 2) {
        break;
      }
      i++;
    }
    return i;
  }

  /** Token ids of {@code text}; never contains a special id. */
  public int[] encode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text is required");
    }
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    int[] out = new int[b.length];
    int count = 0;
    int[] work = new int[64];
    int i = 0;
    while (i < b.length) {
      int end = chunkEnd(b, i, b.length);
      int len = end - i;
      if (work.length < len) {
        work = new int[len];
      }
      for (int k = 0; k < len; k++) {
        work[k] = b[i + k] & 0xFF;
      }
      len = mergeChunk(work, len);
      System.arraycopy(work, 0, out, count, len);
      count += len;
      i = end;
    }
    int[] ids = new int[count];
    System.arraycopy(out, 0, ids, 0, count);
    return ids;
  }

  private int mergeChunk(int[] ids, int len) {
    while (len > 1) {
      int best = Integer.MAX_VALUE;
      for (int k = 0; k + 1 < len; k++) {
        int r = rank(ids[k], ids[k + 1]);
        if (r >= 0 && r < best) {
          best = r;
        }
      }
      if (best == Integer.MAX_VALUE) {
        break;
      }
      int a = left[best];
      int bb = right[best];
      int w = 0;
      for (int k = 0; k < len; k++) {
        if (k + 1 < len && ids[k] == a && ids[k + 1] == bb) {
          ids[w++] = FIRST_MERGE + best;
          k++;
        } else {
          ids[w++] = ids[k];
        }
      }
      len = w;
    }
    return len;
  }

  /** The text of {@code ids}; specials come out as {@code <bos> <fact> <msg> <cls>}. */
  public String decode(int[] ids) {
    int n = 0;
    for (int id : ids) {
      checkId(id);
      n += id >= 256 && id < FIRST_MERGE ? SPECIAL_NAMES[id - 256].length() : tokenBytes[id].length;
    }
    byte[] b = new byte[n];
    int p = 0;
    for (int id : ids) {
      byte[] t =
          id >= 256 && id < FIRST_MERGE
              ? SPECIAL_NAMES[id - 256].getBytes(StandardCharsets.UTF_8)
              : tokenBytes[id];
      System.arraycopy(t, 0, b, p, t.length);
      p += t.length;
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private void checkId(int id) {
    if (id < 0 || id >= tokenBytes.length) {
      throw new IllegalArgumentException("token id " + id + " is outside the vocabulary 0.." + (tokenBytes.length - 1));
    }
  }

  public byte[] toBytes() {
    BinaryWriter w = new BinaryWriter();
    w.header(MAGIC, FORMAT, VERSION);
    w.i32(SPECIALS);
    w.i32(left.length);
    for (int r = 0; r < left.length; r++) {
      w.i32(left[r]);
      w.i32(right[r]);
    }
    return w.finish();
  }

  public static BpeTokenizer fromBytes(byte[] bytes) {
    BinaryReader r = new BinaryReader(bytes, MAGIC, FORMAT, 1, VERSION);
    int specials = r.i32();
    if (specials != SPECIALS) {
      throw new IllegalArgumentException("tokenizer has " + specials + " specials; this reader knows " + SPECIALS);
    }
    int n = r.i32();
    if (n < 0 || n > 1 << 20) {
      throw new IllegalArgumentException("tokenizer merge count " + n + " is out of range");
    }
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.i32();
      b[i] = r.i32();
    }
    r.expectEnd();
    return new BpeTokenizer(a, b);
  }
}
