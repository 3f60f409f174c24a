package dev.engram.memory;

/**
 * One scope's whole state as plain arrays: what a snapshot writes and reads. The cue index is part of
 * it (term keys and posting lists), so loading a snapshot does not re-tokenize a single fact.
 *
 * <p>Layout, chosen so a snapshot loads as a few bulk array reads and no per-fact object:
 * <ul>
 *   <li>texts: fact {@code f}'s text is {@code texts[f]} when that is not null, else the UTF-8 bytes
 *       {@code textUtf8[textStarts[f] .. textStarts[f + 1])}. A loaded scope keeps its texts as that one
 *       byte array and decodes a text the first time it is read ({@code textStarts} then has one entry
 *       per loaded fact, plus one); a scope built by observing has every text as a {@code String} and
 *       {@code textUtf8}/{@code textStarts} null.</li>
 *   <li>{@code kinds}: one {@link NoteKind} ordinal per fact; {@code forgotten}: one bit per fact.</li>
 *   <li>plastic state, sparse (most facts are never used): {@code usedFacts} ascending, and per entry
 *       its {@code strength}, {@code lastUsed}, and links ({@code linkTo}/{@code linkWeight}, null when
 *       it has none).</li>
 *   <li>index: per term its {@code termKeys} entry (the 32-bit index key, zero-extended; an image read
 *       from an older snapshot may hold 64-bit hashes, which {@code ScopeIndex} folds to the same keys)
 *       and {@code postingSizes} entry: a count of
 *       facts when positive, with the ascending fact numbers in {@code postings[t][0 .. count)}; or
 *       {@code -fact - 1} for a term only one fact carries, with {@code postings[t]} null.</li>
 *   <li>{@code sections}: optional named extras (tag to bytes), in order; a reader keeps the ones it
 *       does not know here rather than failing, so a section can be added without a format version.</li>
 * </ul>
 * Ownership: the arrays pass to whoever restores the image; {@link Memory#image} hands out copies of
 * everything a later write could change, so an image may be restored once into any memory.
 */
public record ScopeImage(
    int factCount,
    String[] texts,
    byte[] textUtf8,
    int[] textStarts,
    byte[] kinds,
    long[] forgotten,
    int[] usedFacts,
    float[] strength,
    long[] lastUsed,
    int[][] linkTo,
    float[][] linkWeight,
    long[] termKeys,
    int[] postingSizes,
    int[][] postings,
    String[] varNames,
    String[] varValues,
    java.util.Map<String, byte[]> sections) {

  /** Fact {@code f}'s text, decoded from {@link #textUtf8} when the image holds it as bytes. */
  public String text(int f) {
    String s = texts[f];
    return s != null ? s : decode(textUtf8, textStarts[f], textStarts[f + 1]);
  }

  /** Number of facts carrying term {@code t}. */
  public int postingCount(int t) {
    int v = postingSizes[t];
    return v < 0 ? 1 : v;
  }

  /** The {@code p}-th fact (ascending) carrying term {@code t}. */
  public int posting(int t, int p) {
    int v = postingSizes[t];
    return v < 0 ? -v - 1 : postings[t][p];
  }

  /**
   * UTF-8 to a String. ASCII (the common case) is widened by hand, which skips the charset decoder and
   * the buffers it allocates per call in the wasm build.
   */
  static String decode(byte[] utf8, int from, int to) {
    for (int i = from; i < to; i++) {
      if (utf8[i] < 0) {
        return new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = (char) utf8[i];
    }
    return new String(chars);
  }
}
