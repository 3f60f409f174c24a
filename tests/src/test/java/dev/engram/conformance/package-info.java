/**
 * Conformance across runtimes: the JVM writes golden vectors (operation scripts with the core's exact
 * results and error messages) that the npm package replays against the wasm build in Node 22, and a
 * GraalVM Polyglot test runs the TeaVM JS build against the same scripts. Owns the scripts and the
 * JSON they are written as; must not depend on how core computes its answers (results are generated,
 * never hard-coded).
 */
package dev.engram.conformance;
