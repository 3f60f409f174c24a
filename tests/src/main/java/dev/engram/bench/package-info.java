/**
 * Benchmarks that compare engram with its peers side by side in one run (Apache Lucene, a brute-force
 * scan). They print one JSON object per line and are run by {@code ./engram bench NAME}, never by the
 * test command. Lucene is a dependency of this module only, never of core.
 */
package dev.engram.bench;
