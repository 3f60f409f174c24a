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
 * scope     := name:string factCount:varint
 *              text:string{factCount} kind:u8{factCount} strength:f32{factCount} lastUsed:i64{factCount}
 *              forgottenWords:varint forgotten:i64{forgottenWords}
 *              termCount:varint term{termCount}
 *              linkedFacts:varint link{linkedFacts}
 *              varCount:varint (name:string value:string){varCount}
 * term      := key:i64 postingCount:varint delta:varint{postingCount}   (fact numbers, delta-coded ascending)
 * link      := fact:varint n:varint (to:varint weight:f32){n}
 * footer    := magic:"RGNE" crc:i32   (CRC-32 of every byte before the footer)
 * string    := byteLength:varint utf8-bytes
 * </pre>
 *
 * All fixed-width numbers are little-endian; varints are unsigned LEB128. Readers accept versions
 * {@link #MIN_VERSION}..{@link #VERSION} and refuse anything else with "too old" or "too new"; the
 * checksum is verified before a single field is decoded, so a damaged file never loads as garbage.
 */
public final class Snapshot {
  public static final String NAME = "engram.snapshot";
  public static final int VERSION = 1;
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
    for (int f = 0; f < n; f++) {
      out.string(s.texts()[f]);
    }
    for (int f = 0; f < n; f++) {
      out.u8(s.kinds()[f]);
    }
    for (int f = 0; f < n; f++) {
      out.f32(s.strength()[f]);
    }
    for (int f = 0; f < n; f++) {
      out.i64(s.lastUsed()[f]);
    }
    out.varint(s.forgotten().length);
    for (long w : s.forgotten()) {
      out.i64(w);
    }
    out.varint(s.termKeys().length);
    for (int t = 0; t < s.termKeys().length; t++) {
      out.i64(s.termKeys()[t]);
      int[] list = s.postings()[t];
      out.varint(list.length);
      int previous = 0;
      for (int fact : list) {
        out.varint(fact - previous);
        previous = fact;
      }
    }
    int linked = 0;
    for (int f = 0; f < n; f++) {
      if (s.linkTo()[f] != null) {
        linked++;
      }
    }
    out.varint(linked);
    for (int f = 0; f < n; f++) {
      int[] to = s.linkTo()[f];
      if (to != null) {
        out.varint(f);
        out.varint(to.length);
        for (int i = 0; i < to.length; i++) {
          out.varint(to[i]);
          out.f32(s.linkWeight()[f][i]);
        }
      }
    }
    out.varint(s.varNames().length);
    for (int i = 0; i < s.varNames().length; i++) {
      out.string(s.varNames()[i]);
      out.string(s.varValues()[i]);
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
      scopes.put(scope, readScope(in, body));
    }
    if (in.position() != body) {
      throw new SnapshotException("snapshot has " + (body - in.position()) + " unexpected bytes after its last scope");
    }
    return scopes;
  }

  private static ScopeImage readScope(ByteSource in, int limit) {
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
    int[][] postings = new int[terms][];
    for (int t = 0; t < terms; t++) {
      keys[t] = in.i64();
      int[] list = new int[in.count(n, "posting count")];
      int fact = 0;
      for (int p = 0; p < list.length; p++) {
        fact += in.varint();
        if (fact < 0 || fact >= n || (p > 0 && fact <= list[p - 1])) {
          throw new SnapshotException("posting out of order or range in term " + t);
        }
        list[p] = fact;
      }
      postings[t] = list;
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
    return new ScopeImage(n, texts, kinds, strength, lastUsed, forgotten, keys, postings, linkTo, linkWeight,
        names, values);
  }
}
