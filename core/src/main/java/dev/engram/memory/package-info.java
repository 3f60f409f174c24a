/**
 * The associative fact memory: facts stored per scope, the cue index over their stems, scoring,
 * value extraction and abstention.
 *
 * <p>Owns no I/O (storage and snapshots live elsewhere and call in) and must stay plain Java that
 * TeaVM compiles: no threads, no regex, no reflection, no {@code String.format}.
 */
package dev.engram.memory;
