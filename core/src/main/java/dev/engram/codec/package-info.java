/**
 * The one versioned binary snapshot format shared by the wasm build and the JVM: the grammar lives in
 * {@link dev.engram.codec.Snapshot}'s class doc. The codec reads and writes bytes and never scores;
 * memory never reads bytes. {@link dev.engram.codec.Resources} reads the binary files core ships on the class
 * path (the router's weights, the word table) for the JVM; the wasm build is handed those bytes instead.
 */
package dev.engram.codec;
