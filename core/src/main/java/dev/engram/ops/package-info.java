/**
 * The operation vocabulary as text: one command line in, one line out. The CLI's {@code shell}, the
 * npm package's {@code shell()} and any host that speaks lines go through {@link dev.engram.ops.Shell},
 * so a command means the same everywhere. Parses by hand (no regex).
 */
package dev.engram.ops;
