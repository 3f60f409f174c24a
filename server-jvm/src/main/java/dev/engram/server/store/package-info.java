/**
 * Durable storage for the JVM server: what the CLI, MCP and HTTP servers acknowledged survives a restart.
 *
 * <p>Owns the {@link dev.engram.server.store.Store} interface (append durably, in groups; replay in order;
 * follow what other processes appended), {@link dev.engram.server.store.Stores} (which store a --db value
 * names), and three implementations: {@link dev.engram.server.store.SqliteStore} (the default: one SQLite
 * file, WAL, synchronous=FULL, a CRC per row), {@link dev.engram.server.store.PostgresStore} (scale-out,
 * LISTEN/NOTIFY) and {@link dev.engram.server.store.LogStore} (the first append-only log, kept so old data
 * directories migrate into SQLite once). docs/STORAGE.md describes them. This package knows nothing about
 * scoring or the engine: it stores {@link dev.engram.server.store.Operation}s (observations, shell command
 * lines, typed writes and snapshot imports) as bytes and hands them back; it must not import
 * {@code dev.engram.Engram}, Javalin or picocli.
 */
package dev.engram.server.store;
