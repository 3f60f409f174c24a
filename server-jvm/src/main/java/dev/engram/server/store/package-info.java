/**
 * Durable storage for the JVM server: what the CLI and HTTP server acknowledged survives a restart.
 *
 * <p>Owns the {@link dev.engram.server.store.Store} interface (append durably, replay in order, follow
 * records other processes appended) and its first implementation, {@link dev.engram.server.store.LogStore},
 * an append-only operation log with a versioned header and CRC32-framed records. The SQLite and
 * PostgreSQL stores of the next storage milestone plug in behind the same interface. This package knows
 * nothing about scoring or the engine: it stores {@link dev.engram.server.store.Operation}s (observations, shell
 * command lines, typed writes and snapshot imports) as bytes and hands them back; it must not import {@code dev.engram.Engram}, Javalin or picocli.
 */
package dev.engram.server.store;
