/**
 * LLM clients for knowledge: an extractor of subject|relation|object triples and an answer writer, used
 * when {@code ENGRAM_LLM_URL} and {@code ENGRAM_LLM_MODEL} are set, over the OpenAI-compatible
 * {@code /v1/chat/completions} or Ollama's {@code /api/chat}, with java.net.http only.
 *
 * <p>Owns the endpoint configuration ({@link dev.engram.server.llm.LlmConfig}), the HTTP client with its
 * timeouts and plain error messages ({@link dev.engram.server.llm.LlmClient}), the prompts and the parsing
 * of replies. It must not touch the knowledge graph (hosts hand it sentences and recalled associations
 * and take back triples and text), keep state between calls, or retry silently: an endpoint that is
 * down, slow or answering garbage is reported to the caller with the endpoint named.
 */
package dev.engram.server.llm;
