/**
 * Meaning-level recall: the built-in text {@link dev.engram.semantic.Encoder} (int8 word vectors and
 * WordNet relations distilled at build time into {@code /dev/engram/semantic/words.bin} by
 * {@code scripts/distil-lexicon.mjs}), what a scope's own facts teach it (co-occurrence vectors for words
 * the table does not know), and the fact-embedding index memory searches when the lexical path finds
 * nothing confident (brute force for small scopes, random-hyperplane LSH for large ones). This package
 * owns word tables, encoders, fact vectors and their byte format, and judges with the table whether a
 * value is the kind of thing a question asks for ({@link dev.engram.semantic.ValueFit}); it never
 * scores answers or picks a fact's value (that stays in {@code dev.engram.memory}), and like all of core it uses no threads,
 * reflection, regex or dependencies, so it compiles to wasm. The word table is never built into the
 * wasm module: hosts pass its bytes to {@link dev.engram.semantic.WordTable#fromBytes}.
 */
package dev.engram.semantic;
