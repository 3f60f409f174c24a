/**
 * Benchmarks that measure the shipped server code itself (run as {@code ./engram bench writes}): durable write
 * throughput through {@link dev.engram.server.DurableEngram} and its real store, group commit included. Owns
 * no behaviour the server depends on; it may use anything in the server module, but no test-only or
 * comparison libraries (those live in the tests module's benchmarks).
 */
package dev.engram.server.bench;
