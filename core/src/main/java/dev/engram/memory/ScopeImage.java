package dev.engram.memory;

/**
 * One scope's whole state as plain arrays: what a snapshot writes and reads. The cue index is part of
 * it (term keys and posting lists), so loading a snapshot does not re-tokenize a single fact.
 *
 * <p>Array lengths: per-fact arrays have {@code factCount} entries; {@code termKeys} and
 * {@code postings} one per term; {@code linkTo}/{@code linkWeight} one per fact, null for unlinked facts.
 */
public record ScopeImage(
    int factCount,
    String[] texts,
    byte[] kinds,
    float[] strength,
    long[] lastUsed,
    long[] forgotten,
    long[] termKeys,
    int[][] postings,
    int[][] linkTo,
    float[][] linkWeight,
    String[] varNames,
    String[] varValues) {}
