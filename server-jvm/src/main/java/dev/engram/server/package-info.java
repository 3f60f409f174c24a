/**
 * The {@code engram} executable: the command line ({@link dev.engram.server.Cli}), its line-oriented
 * {@code shell}, and {@link dev.engram.server.DurableEngram}, the single durable, thread-safe entry to the
 * engine that the CLI, the shell and the HTTP server share, and the knowledge verbs
 * ({@link dev.engram.server.KnowledgeVerbs}: learn, ask, topics, concepts, dream over the one
 * {@code dev.engram.knowledge.KnowledgeBase} of a data directory, whose learns are logged and replayed),
 * and {@code engram mcp} ({@link dev.engram.server.McpVerb}: the memory verbs as MCP tools over stdio, on
 * the official MCP Java SDK; standard output carries only the protocol there).
 *
 * <p>Owns argument parsing, exit codes (0 ok, 1 storage or system failure, 2 bad input, 3 memory holds
 * no answer) and the text and JSON output of each verb. It must not hold engine logic (that is
 * {@code dev.engram}, in core) nor byte formats (that is {@code dev.engram.server.store}).
 */
package dev.engram.server;
