/**
 * The one versioned binary snapshot format shared by the wasm build and the JVM: the grammar lives in
 * {@link dev.engram.codec.Snapshot}'s class doc. The codec reads and writes bytes and never scores;
 * memory never reads bytes.
 */
package dev.engram.codec;
