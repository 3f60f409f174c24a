/**
 * Text handling shared by every part of the engine: sentence splitting, tokens with their offsets,
 * a conservative stemmer, and the small English lexicon (function words, question words, synonyms,
 * common typos) that memory, knowledge and the dispatcher all read from one place.
 *
 * <p>Must not use {@code java.util.regex}, {@code String.format} or {@code String.split} with a
 * pattern: this package sits on every hot path and is compiled to WebAssembly.
 */
package dev.engram.text;
