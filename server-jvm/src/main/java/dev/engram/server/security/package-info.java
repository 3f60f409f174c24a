/**
 * Who may call the HTTP API: the master key (ENGRAM_KEY or {@code --key-file}) and per-scope tokens
 * ({@code --tokens FILE}), checked in constant time against SHA-256 hashes, plus {@code engram token}, which
 * mints a scope token and prints the line for the tokens file.
 *
 * <p>Owns reading and validating key and token files and deciding whether a presented bearer token grants
 * everything (master) or one scope. It keeps only hashes in memory after loading, and never puts a key, a
 * token or a hash into an exception message or a log line. It must not know about HTTP routing (the server
 * asks it {@link dev.engram.server.security.Credentials#check}) nor touch the store or the engine.
 */
package dev.engram.server.security;
