/**
 * Knowledge: learning topics from text and transcripts into subject|relation|object triples, a
 * concept graph over them, and recall that answers a question from what was learned.
 *
 * <p>This package owns the triple store and concept graph ({@link dev.engram.knowledge.KnowledgeGraph}:
 * concepts with aliases and fuzzy matching, per-topic provenance, edge weights that strengthen on
 * repetition), BFS chain recall ({@link dev.engram.knowledge.ChainRecall}), the merge of graph recall
 * with a spiking recall and the honest tags {@code [explicit] [confirmed] [emergent] [predicted]}
 * ({@link dev.engram.knowledge.RecallMerger} over the {@link dev.engram.knowledge.SpikingRecall}
 * interface, which the spiking package implements), the seeded dream walk, the built-in rule-based
 * extractor behind the {@link dev.engram.knowledge.TripleExtractor} interface (an LLM extractor plugs in
 * there, from server-jvm), the learning sources (plain text, Markdown, WebVTT, SRT) and grounded
 * answers composed from recalled triples with no LLM.
 *
 * <p>It must not use threads, reflection, {@code java.util.regex}, {@code String.split}, {@code
 * String.format} or any network or file I/O: TeaVM compiles it to WebAssembly, and hosts hand it
 * text, never paths. The spiking brain is reached only through {@link dev.engram.knowledge.SpikingRecall}
 * (this package never imports {@code dev.engram.spiking}); LLM extractors live in server-jvm.
 *
 * <p>Measured with the invented-topic corpus under the test resources:
 * {@code mvn -q -B -pl core -am test -Dtest=RecallEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}
 * prints graph-only recall@5 (the tuned set and two held-out sets; docs/KNOWLEDGE.md has the figures);
 * {@code java -cp core/target/classes:core/target/test-classes dev.engram.knowledge.LearnBenchmark}
 * times learning a 400-word transcript and answering.
 */
package dev.engram.knowledge;
