/**
 * The memory evaluation suite of issue 4: hand-written question/answer cases (data in the test resource
 * folder {@code memory-suite/}, format in its README.md) asked through the public {@link dev.engram.Engram}
 * API only, scored per category with one exact-after-normalizing matching rule, reported as Markdown in
 * {@code tests/target/memory-suite-report.md}, and failing below {@link dev.engram.suite.SuiteThresholds}.
 * It must not reach into engine internals ({@code dev.engram.memory}) or be tuned to a particular engine:
 * it measures the principle, and held-out questions are checked the same way.
 */
package dev.engram.suite;
