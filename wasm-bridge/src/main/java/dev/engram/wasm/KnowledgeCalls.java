package dev.engram.wasm;

import dev.engram.knowledge.Association;
import dev.engram.knowledge.ConceptMatch;
import dev.engram.knowledge.DreamWalk;
import dev.engram.knowledge.GroundedAnswer;
import dev.engram.knowledge.KnowledgeBase;
import dev.engram.knowledge.KnowledgeGraph;
import dev.engram.knowledge.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge operations behind {@link Bridge}'s knowledge exports, over one {@link KnowledgeBase}. Each
 * result is what server-jvm's KnowledgeVerbs puts in its JSON (the HTTP {@code /v1/brain/learn|ask|topics|
 * concepts} and CLI {@code dream --json} shapes), computed the same way (percent, the concepts' order) so
 * the npm layer only renames fields; the streams' order is written at each method.
 */
final class KnowledgeCalls {
  private final KnowledgeBase kb = new KnowledgeBase();

  /** The names HTTP's {@code "format"} accepts (KnowledgeVerbs.format); null detects it from the text. */
  static SourceText.Format format(String name, String text) {
    if (name == null) {
      return SourceText.Format.detect(null, text);
    }
    return switch (name.trim().toLowerCase()) {
      case "text", "plain", "txt" -> SourceText.Format.PLAIN;
      case "md", "markdown" -> SourceText.Format.MARKDOWN;
      case "vtt", "webvtt" -> SourceText.Format.WEBVTT;
      case "srt" -> SourceText.Format.SRT;
      default -> throw new IllegalArgumentException("unknown format '" + name + "'; use text, md, vtt or srt");
    };
  }

  /** {@code [sentences, chunks, triples, newConcepts, aliases]}. */
  int[] learn(String topic, String text, String format) {
    KnowledgeBase.LearnReport r = kb.learn(topic, text, format(format, text));
    return new int[] {r.sentences(), r.chunks(), r.triples(), r.newConcepts(), r.aliases()};
  }

  /**
   * strings: answer, facts..., per seed (name, kind), per association (name, tag, via or null, triples...);
   * ints: knowsNothing (0/1), facts, seeds, associations, per association (percent, hops, triples);
   * doubles: per seed score, per association strength.
   */
  String[] ask(String question) {
    GroundedAnswer a = kb.ask(question);
    KnowledgeGraph graph = kb.graph();
    Flat f = new Flat();
    f.s(a.text());
    f.i(a.knowsNothing() ? 1 : 0).i(a.facts().size()).i(a.seeds().size()).i(a.associations().size());
    for (String fact : a.facts()) {
      f.s(fact);
    }
    for (ConceptMatch m : a.seeds()) {
      f.s(m.name()).s(m.kind().name().toLowerCase()).d(m.score());
    }
    double strongest = a.associations().isEmpty() ? 0 : a.associations().get(0).strength();
    for (Association s : a.associations()) {
      strongest = Math.max(strongest, s.strength());
    }
    for (Association s : a.associations()) {
      f.s(s.name()).s(s.tag().label()).s(s.via() >= 0 ? graph.name(s.via()) : null);
      f.i(s.percentOf(strongest)).i(s.hops()).i(s.triples().size()).d(s.strength());
      for (int t : s.triples()) {
        f.s(graph.tripleText(t));
      }
    }
    return f.finish();
  }

  /** strings: topic names in learning order; ints: concepts per topic. */
  String[] topics() {
    KnowledgeGraph graph = kb.graph();
    Flat f = new Flat();
    for (int t = 0; t < graph.topicCount(); t++) {
      f.s(graph.topicName(t)).i(graph.conceptsOfTopic(t).length);
    }
    return f.finish();
  }

  /**
   * Most connected first, ties by name (KnowledgeVerbs.concepts' order). strings: per concept (name,
   * aliases...); ints: per concept (degree, aliases).
   */
  String[] concepts(String topic) {
    KnowledgeGraph graph = kb.graph();
    int[] order = graph.conceptsByDegree(topic);
    Flat f = new Flat();
    for (int c : order) {
      List<String> aliases = graph.aliasesOf(c);
      f.s(graph.name(c)).i(graph.degree(c)).i(aliases.size());
      for (String alias : aliases) {
        f.s(alias);
      }
    }
    return f.finish();
  }

  /** {@code [from0, to0, triple0, from1, ...]}; the seed is a whole double (checked by the caller). */
  String[] dream(String start, int length, long seed) {
    List<DreamWalk.Step> steps = kb.dream(start, length, seed);
    String[] out = new String[3 * steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      DreamWalk.Step s = steps.get(i);
      out[3 * i] = s.fromName();
      out[3 * i + 1] = s.toName();
      out[3 * i + 2] = s.triple();
    }
    return out;
  }
}
