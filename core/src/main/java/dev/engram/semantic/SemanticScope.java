package dev.engram.semantic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The semantic state of one memory scope: its encoder (the shared word table plus what this scope's
 * facts taught, {@link Cooccurrence}) and its fact encodings ({@link FactVectors}). Memory feeds it
 * every fact in order and asks it for the facts nearest a question.
 *
 * <p>Saved with the snapshot as one opaque section per scope (the codec does not read it):
 * <pre>
 * section  := magic:"ENGS" name:string("engram.semantic") version:i32 dim:varint
 *             factCount:varint (scale:f32 component:i8{dim}){factCount}
 *             wordCount:varint (stem:string seen:f32 component:i8{dim} scale:f32){wordCount}
 *             footer
 * footer   := magic:"SGNE" crc:i32   (CRC-32 of every byte before the footer)
 * </pre>
 * Learned word vectors are stored as their mean direction (int8) with the number of facts they came
 * from, so learning goes on after a reload with the right weight. A section written against a table of
 * another dimension is refused.
 */
public final class SemanticScope {
  public static final String NAME = "engram.semantic";
  public static final int VERSION = 1;
  public static final int MIN_VERSION = 1;

  private final WordTable table;
  private final Cooccurrence learned;
  private final WordEncoder encoder;
  private final FactVectors facts;

  public SemanticScope(WordTable table) {
    this.table = table;
    this.learned = new Cooccurrence(table.dimension());
    this.encoder = new WordEncoder(table, learned);
    this.facts = new FactVectors(table.dimension());
  }

  public WordTable table() {
    return table;
  }

  public WordEncoder encoder() {
    return encoder;
  }

  public FactVectors facts() {
    return facts;
  }

  public Cooccurrence learned() {
    return learned;
  }

  /** Learns from and encodes the next fact; its number must be {@link #size()} before the call. */
  public void add(String fact) {
    encoder.learn(fact);
    facts.add(encoder.encode(fact));
  }

  public int size() {
    return facts.size();
  }

  public byte[] toBytes() {
    Out out = new Out();
    out.raw(new byte[] {'E', 'N', 'G', 'S'});
    out.string(NAME);
    out.i32(VERSION);
    int dim = table.dimension();
    out.varint(dim);
    out.varint(facts.size());
    byte[] row = new byte[dim];
    for (int f = 0; f < facts.size(); f++) {
      out.i32(Float.floatToIntBits(facts.scale(f)));
      facts.row(f, row);
      out.raw(row);
    }
    // Sorted, so the same scope always writes the same bytes on every runtime.
    String[] words = learned.sums.keySet().toArray(new String[0]);
    java.util.Arrays.sort(words);
    out.varint(words.length);
    for (String w : words) {
      float[] sum = learned.sums.get(w);
      out.string(w);
      out.i32(Float.floatToIntBits(sum[dim]));
      float max = 0;
      for (int d = 0; d < dim; d++) {
        max = Math.max(max, Math.abs(sum[d]));
      }
      float scale = max == 0 ? 0 : max / 127f;
      for (int d = 0; d < dim; d++) {
        row[d] = scale == 0 ? 0 : (byte) Math.round(sum[d] / scale);
      }
      out.raw(row);
      out.i32(Float.floatToIntBits(scale));
    }
    int crc = dev.engram.codec.Crc32.of(out.buf.toByteArray(), 0, out.buf.size());
    out.raw(new byte[] {'S', 'G', 'N', 'E'});
    out.i32(crc);
    return out.buf.toByteArray();
  }

  /**
   * Reads a section written by {@link #toBytes}; {@code factCount} is the scope's fact count, which the
   * section must match. Bad input is an IllegalArgumentException naming what is wrong.
   */
  public static SemanticScope fromBytes(WordTable table, byte[] bytes, int factCount) {
    if (bytes == null || bytes.length < 16 || bytes[0] != 'E' || bytes[1] != 'N' || bytes[2] != 'G' || bytes[3] != 'S') {
      throw new IllegalArgumentException("not an engram semantic section (bad magic)");
    }
    int body = bytes.length - 8;
    if (bytes[body] != 'S' || bytes[body + 1] != 'G' || bytes[body + 2] != 'N' || bytes[body + 3] != 'E') {
      throw new IllegalArgumentException("semantic section is truncated or damaged (no footer)");
    }
    In tail = new In(bytes, body + 4, bytes.length);
    if (dev.engram.codec.Crc32.of(bytes, 0, body) != tail.i32()) {
      throw new IllegalArgumentException("semantic section checksum failed: the data is damaged");
    }
    In in = new In(bytes, 4, body);
    String name = in.string();
    if (!NAME.equals(name)) {
      throw new IllegalArgumentException("not an engram semantic section (format '" + name + "')");
    }
    int version = in.i32();
    if (version > VERSION) {
      throw new IllegalArgumentException("semantic section version " + version + " is too new: this engram reads "
          + MIN_VERSION + ".." + VERSION);
    }
    if (version < MIN_VERSION) {
      throw new IllegalArgumentException("semantic section version " + version + " is too old: this engram reads "
          + MIN_VERSION + ".." + VERSION);
    }
    int dim = in.varint();
    if (dim != table.dimension()) {
      throw new IllegalArgumentException("semantic section has " + dim + "-d vectors, the word table "
          + table.dimension() + "-d");
    }
    int n = in.varint();
    if (n != factCount) {
      throw new IllegalArgumentException("semantic section holds " + n + " facts, the scope " + factCount);
    }
    SemanticScope s = new SemanticScope(table);
    for (int f = 0; f < n; f++) {
      float scale = Float.intBitsToFloat(in.i32());
      s.facts.addRow(in.bytes(dim), scale);
    }
    int words = in.varint();
    for (int i = 0; i < words; i++) {
      String w = in.string();
      float seen = Float.intBitsToFloat(in.i32());
      byte[] row = in.bytes(dim);
      float scale = Float.intBitsToFloat(in.i32());
      // Back to a sum: direction times a length that grows with how often the word was seen.
      float[] sum = new float[dim + 1];
      for (int d = 0; d < dim; d++) {
        sum[d] = row[d] * scale;
      }
      sum[dim] = seen;
      s.learned.sums.put(w, sum);
    }
    if (in.pos != body) {
      throw new IllegalArgumentException("semantic section has " + (body - in.pos) + " unexpected bytes");
    }
    return s;
  }

  private static final class Out {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    void raw(byte[] b) {
      buf.write(b, 0, b.length);
    }

    void i32(int v) {
      for (int i = 0; i < 4; i++) {
        buf.write(v >>> (8 * i));
      }
    }

    void varint(int v) {
      while ((v & ~0x7F) != 0) {
        buf.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf.write(v);
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      raw(b);
    }
  }

  private static final class In {
    final byte[] b;
    int pos;
    final int end;

    In(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    private void need(int n) {
      if (n < 0 || pos + n > end) {
        throw new IllegalArgumentException("semantic section is truncated at byte " + pos);
      }
    }

    int i32() {
      need(4);
      int v = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
      pos += 4;
      return v;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        need(1);
        int x = b[pos++] & 0xFF;
        v |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          if (v < 0) {
            break;
          }
          return v;
        }
      }
      throw new IllegalArgumentException("semantic section: bad varint at byte " + pos);
    }

    byte[] bytes(int n) {
      need(n);
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    String string() {
      int n = varint();
      need(n);
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
