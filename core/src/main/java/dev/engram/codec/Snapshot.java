package dev.engram.codec;

import dev.engram.memory.ScopeImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot format: one or more scopes, cue index included, in one checksummed byte string.
 *
 * <pre>
 * snapshot  := header scopeCount:varint scope* footer
 * header    := magic:"ENGR" name:string("engram.snapshot") version:i32
 * scope     := name:string factCount:varint                                          (version 3)
 *              textBytes:varint textLength:varint{factCount} utf8:byte{textBytes}
 *              kind:u8{factCount}
 *              forgottenWords:varint forgotten:i64{forgottenWords}
 *              usedCount:varint used{usedCount}
 *              termCount:varint key:u32{termCount} postings{termCount}
 *              varCount:varint (name:string value:string){varCount}
 *              sectionCount:varint section{sectionCount}
 * used      := factDelta:varint strength:f32 lastUsed:i64 linkCount:varint (to:varint weight:f32){linkCount}
 *              (fact numbers ascending: the first absolute, then deltas)
 * postings  := count:varint fact:varint{count}   (ascending: the first absolute, then deltas)
 * section   := tag:string length:varint byte{length}
 * footer    := magic:"RGNE" crc:i32   (CRC-32 of every byte before the footer)
 * string    := byteLength:varint utf8-bytes
 * </pre>
 *
 * All fixed-width numbers are little-endian; varints are unsigned LEB128. Readers accept versions
 * {@link #MIN_VERSION}..{@link #VERSION} and refuse anything else with "too old" or "too new"; the
 * checksum is verified before a single field is decoded, so a damaged file never loads as garbage.
 *
 * <p>Versions 2 and 3 are laid out for loading, which must beat re-ingesting by 10x in the wasm build too:
 * all texts are one UTF-8 run (loaded as one array and decoded per fact only when read), the term keys
 * one fixed-width run, the plastic state sparse (most facts never have any), and a term one fact carries costs
 * no array on load. Sections are optional per-scope extras named by a tag (a reader keeps unknown
 * ones in {@link ScopeImage#sections()} and otherwise ignores them), so one can be added without a
 * version bump. Version 3 stores each term's 32-bit index key (version 2 stored a 64-bit hash, which a
 * reader folds to the same key; see {@code ScopeIndex}). Version 1 (texts, kinds, a dense f32 strength
 * and i64 last use per fact, forgotten bits, then per term key and delta list, links per linked fact,
 * variables) is still read.
 */
public final class Snapshot {
  public static final String NAME = "engram.snapshot";
  public static final int VERSION = 3;
  public static final int MIN_VERSION = 1;
  private static final byte[] MAGIC = {'E', 'N', 'G', 'R'};
  private static final byte[] FOOTER = {'R', 'G', 'N', 'E'};

  private Snapshot() {}

  /** Encodes the given scopes (name -> image), in the map's order. */
  public static byte[] write(Map<String, ScopeImage> scopes) {
    ByteSink out = new ByteSink();
    out.raw(MAGIC);
    out.string(NAME);
    out.i32(VERSION);
    out.varint(scopes.size());
    for (Map.Entry<String, ScopeImage> e : scopes.entrySet()) {
      out.string(e.getKey());
      writeScope(out, e.getValue());
    }
    int crc = Crc32.of(out.raw(), 0, out.size());
    out.raw(FOOTER);
    out.i32(crc);
    return out.bytes();
  }

  private static void writeScope(ByteSink out, ScopeImage s) {
    int n = s.factCount();
    out.varint(n);
    // Texts: lengths first, then the bytes, so a reader can take the whole run in one copy. A text the
    // image still holds as snapshot bytes is copied as is, never decoded and re-encoded.
    ByteSink lengths = new ByteSink();
    ByteSink utf8 = new ByteSink();
    String[] texts = s.texts();
    int[] starts = s.textStarts();
    int blobFacts = starts == null ? 0 : starts.length - 1;
    for (int f = 0; f < n; f++) {
      if (f < blobFacts && texts[f] == null) {
        int from = starts[f];
        int to = starts[f + 1];
        lengths.varint(to - from);
        utf8.raw(s.textUtf8(), from, to - from);
      } else {
        int before = utf8.size();
        utf8.utf8(texts[f]);
        lengths.varint(utf8.size() - before);
      }
    }
    out.varint(utf8.size());
    out.raw(lengths.raw(), 0, lengths.size());
    out.raw(utf8.raw(), 0, utf8.size());
    out.raw(s.kinds(), 0, n);
    int words = (n + 63) >> 6;
    out.varint(words);
    for (int i = 0; i < words; i++) {
      out.i64(i < s.forgotten().length ? s.forgotten()[i] : 0L);
    }
    int[] used = s.usedFacts();
    out.varint(used.length);
    int previous = 0;
    for (int i = 0; i < used.length; i++) {
      out.varint(used[i] - previous);
      previous = used[i];
      out.f32(s.strength()[i]);
      out.i64(s.lastUsed()[i]);
      int[] to = s.linkTo()[i];
      if (to == null) {
        out.varint(0);
      } else {
        out.varint(to.length);
        for (int j = 0; j < to.length; j++) {
          out.varint(to[j]);
          out.f32(s.linkWeight()[i][j]);
        }
      }
    }
    long[] keys = s.termKeys();
    out.varint(keys.length);
    for (long key : keys) {
      out.i32((int) key);
    }
    for (int t = 0; t < keys.length; t++) {
      int count = s.postingCount(t);
      out.varint(count);
      int prev = 0;
      for (int p = 0; p < count; p++) {
        int fact = s.posting(t, p);
        out.varint(fact - prev);
        prev = fact;
      }
    }
    out.varint(s.varNames().length);
    for (int i = 0; i < s.varNames().length; i++) {
      out.string(s.varNames()[i]);
      out.string(s.varValues()[i]);
    }
    Map<String, byte[]> sections = s.sections();
    out.varint(sections.size());
    for (Map.Entry<String, byte[]> e : sections.entrySet()) {
      out.string(e.getKey());
      out.varint(e.getValue().length);
      out.raw(e.getValue());
    }
  }

  /** Decodes a snapshot into its scopes, in file order. */
  public static Map<String, ScopeImage> read(byte[] bytes) {
    if (bytes == null || bytes.length < MAGIC.length + FOOTER.length + 4) {
      throw new SnapshotException("not an engram snapshot (too short)");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new SnapshotException("not an engram snapshot (bad magic)");
      }
    }
    int body = bytes.length - FOOTER.length - 4;
    ByteSource footer = new ByteSource(bytes, body, bytes.length);
    for (byte b : FOOTER) {
      if (footer.u8() != (b & 0xFF)) {
        throw new SnapshotException("snapshot is truncated or damaged (no footer)");
      }
    }
    int expected = footer.i32();
    if (Crc32.of(bytes, 0, body) != expected) {
      throw new SnapshotException("snapshot checksum failed: the file is damaged");
    }
    ByteSource in = new ByteSource(bytes, MAGIC.length, body);
    String name = in.string();
    if (!NAME.equals(name)) {
      throw new SnapshotException("not an engram snapshot (format '" + name + "')");
    }
    int version = in.i32();
    if (version > VERSION) {
      throw new SnapshotException("snapshot version " + version + " is too new: this engram reads versions "
          + MIN_VERSION + ".." + VERSION + "; upgrade engram to load it");
    }
    if (version < MIN_VERSION) {
      throw new SnapshotException("snapshot version " + version + " is too old: this engram reads versions "
          + MIN_VERSION + ".." + VERSION);
    }
    int scopeCount = in.count(body, "scope count");
    Map<String, ScopeImage> scopes = new LinkedHashMap<>();
    for (int i = 0; i < scopeCount; i++) {
      String scope = in.string();
      scopes.put(scope, version == 1 ? readScopeV1(in, body) : readScope(in, body, version));
    }
    if (in.position() != body) {
      throw new SnapshotException("snapshot has " + (body - in.position()) + " unexpected bytes after its last scope");
    }
    return scopes;
  }

  private static ScopeImage readScope(ByteSource in, int limit, int version) {
    int n = in.count(limit, "fact count");
    int textBytes = in.count(limit, "text bytes");
    int[] starts = in.lengthsToStarts(n, textBytes, "text");
    byte[] utf8 = in.bytes(textBytes);
    byte[] kinds = in.bytes(n);
    int kindCount = dev.engram.memory.NoteKind.values().length;
    for (int f = 0; f < n; f++) {
      if (kinds[f] < 0 || kinds[f] >= kindCount) {
        throw new SnapshotException("unknown note kind " + (kinds[f] & 0xFF));
      }
    }
    int words = (n + 63) >> 6;
    long[] forgotten = new long[in.count(words, "forgotten words")];
    in.longs(forgotten);
    if (forgotten.length < words) {
      forgotten = java.util.Arrays.copyOf(forgotten, words);
    }
    int usedCount = in.count(n, "used facts");
    int[] used = new int[usedCount];
    float[] strength = new float[usedCount];
    long[] lastUsed = new long[usedCount];
    int[][] linkTo = new int[usedCount][];
    float[][] linkWeight = new float[usedCount][];
    int fact = -1;
    for (int i = 0; i < usedCount; i++) {
      int delta = in.count(n, "used fact");
      fact = i == 0 ? delta : fact + delta;
      if (fact < 0 || fact >= n || (i > 0 && delta == 0)) {
        throw new SnapshotException("used fact out of order or range at " + i);
      }
      used[i] = fact;
      strength[i] = in.f32();
      lastUsed[i] = in.i64();
      int m = in.count(n, "link count");
      if (m > 0) {
        linkTo[i] = new int[m];
        linkWeight[i] = new float[m];
        for (int j = 0; j < m; j++) {
          linkTo[i][j] = in.count(n - 1, "link target");
          linkWeight[i][j] = in.f32();
        }
      }
    }
    int terms = in.count(limit, "term count");
    long[] keys = new long[terms];
    if (version == 2) {
      in.longs(keys);
    } else {
      in.ints(keys);
    }
    int[] sizes = new int[terms];
    int[][] postings = new int[terms][];
    for (int t = 0; t < terms; t++) {
      int count = in.count(n, "posting count");
      if (count == 1) {
        sizes[t] = -in.count(n - 1, "posting") - 1; // inline: no array for a term only one fact carries
      } else {
        if (count == 0) {
          throw new SnapshotException("term " + t + " has no facts");
        }
        int[] list = new int[count];
        in.postings(list, count, n, t);
        postings[t] = list;
        sizes[t] = count;
      }
    }
    int vars = in.count(limit, "variable count");
    String[] names = new String[vars];
    String[] values = new String[vars];
    for (int i = 0; i < vars; i++) {
      names[i] = in.string();
      values[i] = in.string();
    }
    int sectionCount = in.count(limit, "section count");
    Map<String, byte[]> sections = new LinkedHashMap<>();
    for (int i = 0; i < sectionCount; i++) {
      String tag = in.string();
      if (sections.containsKey(tag)) {
        throw new SnapshotException("section '" + tag + "' appears twice");
      }
      sections.put(tag, in.bytes(in.count(limit, "section length")));
    }
    return new ScopeImage(n, new String[n], utf8, starts, kinds, forgotten, used, strength, lastUsed, linkTo,
        linkWeight, keys, sizes, postings, names, values, sections);
  }

  /** Version 1: texts as strings, dense per-fact plastic state, interleaved term keys and lists. */
  private static ScopeImage readScopeV1(ByteSource in, int limit) {
    int n = in.count(limit, "fact count");
    String[] texts = new String[n];
    for (int f = 0; f < n; f++) {
      texts[f] = in.string();
    }
    byte[] kinds = new byte[n];
    for (int f = 0; f < n; f++) {
      int k = in.u8();
      if (k >= dev.engram.memory.NoteKind.values().length) {
        throw new SnapshotException("unknown note kind " + k);
      }
      kinds[f] = (byte) k;
    }
    float[] strength = new float[n];
    for (int f = 0; f < n; f++) {
      strength[f] = in.f32();
    }
    long[] lastUsed = new long[n];
    for (int f = 0; f < n; f++) {
      lastUsed[f] = in.i64();
    }
    long[] forgotten = new long[in.count((n + 63) >> 6, "forgotten words")];
    for (int i = 0; i < forgotten.length; i++) {
      forgotten[i] = in.i64();
    }
    if (forgotten.length < (n + 63) >> 6) {
      forgotten = java.util.Arrays.copyOf(forgotten, (n + 63) >> 6);
    }
    int terms = in.count(limit, "term count");
    long[] keys = new long[terms];
    int[] sizes = new int[terms];
    int[][] postings = new int[terms][];
    for (int t = 0; t < terms; t++) {
      keys[t] = in.i64();
      int count = in.count(n, "posting count");
      int[] list = new int[count];
      int fact = 0;
      for (int p = 0; p < list.length; p++) {
        fact += in.varint();
        if (fact < 0 || fact >= n || (p > 0 && fact <= list[p - 1])) {
          throw new SnapshotException("posting out of order or range in term " + t);
        }
        list[p] = fact;
      }
      if (count == 1) {
        sizes[t] = -list[0] - 1;
      } else {
        postings[t] = list;
        sizes[t] = count;
      }
    }
    int[][] linkTo = new int[n][];
    float[][] linkWeight = new float[n][];
    int linked = in.count(n, "linked facts");
    for (int i = 0; i < linked; i++) {
      int f = in.count(n - 1, "linked fact");
      int m = in.count(n, "link count");
      linkTo[f] = new int[m];
      linkWeight[f] = new float[m];
      for (int j = 0; j < m; j++) {
        linkTo[f][j] = in.count(n - 1, "link target");
        linkWeight[f][j] = in.f32();
      }
    }
    int vars = in.count(limit, "variable count");
    String[] names = new String[vars];
    String[] values = new String[vars];
    for (int i = 0; i < vars; i++) {
      names[i] = in.string();
      values[i] = in.string();
    }
    // Version 1 stored plastic state for every fact; keep the facts that have any (as memory does).
    int usedCount = 0;
    for (int f = 0; f < n; f++) {
      if (strength[f] != 0 || lastUsed[f] != 0 || linkTo[f] != null) {
        usedCount++;
      }
    }
    int[] used = new int[usedCount];
    float[] usedStrength = new float[usedCount];
    long[] usedLast = new long[usedCount];
    int[][] usedTo = new int[usedCount][];
    float[][] usedWeight = new float[usedCount][];
    int u = 0;
    for (int f = 0; f < n; f++) {
      if (strength[f] != 0 || lastUsed[f] != 0 || linkTo[f] != null) {
        used[u] = f;
        usedStrength[u] = strength[f];
        usedLast[u] = lastUsed[f];
        usedTo[u] = linkTo[f];
        usedWeight[u] = linkWeight[f];
        u++;
      }
    }
    return new ScopeImage(n, texts, null, null, kinds, forgotten, used, usedStrength, usedLast, usedTo, usedWeight,
        keys, sizes, postings, names, values, new LinkedHashMap<>());
  }
}
