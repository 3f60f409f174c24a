// engram.knowledge: learn topics from text, ask grounded questions, list topics and concepts, dream.
// One knowledge base per Engram (per wasm instance), not per scope: topics are not scoped, as on the
// server. Results have exactly the JSON shapes of the server's /v1/brain/learn|ask|topics|concepts and
// `engram dream --json` (server-jvm KnowledgeVerbs), so a page can use either source through one type.
import { FlatReader, elapsedMs, now, pick, rethrow, typeName } from './calls.js';

/** Source formats {@link Knowledge.learn} reads (`undefined`: detected from the text). */
export type SourceFormat = 'text' | 'plain' | 'txt' | 'md' | 'markdown' | 'vtt' | 'webvtt' | 'srt';

/** What one learn did (POST /v1/brain/learn's answer). */
export interface LearnReport {
  topic: string;
  /** Sentences read, after the format's markup, timing lines and filler were removed. */
  sentences: number;
  /** Extractor batches (about 1,200 characters each). */
  chunks: number;
  /** New subject|relation|object triples added to the graph. */
  triples: number;
  /** Concepts the graph did not hold before. */
  newConcepts: number;
  /** "X, also called Y" names learned as aliases. */
  aliases: number;
  /** Wall time of the call in ms (0.1 ms resolution). */
  ms: number;
}

/** A concept the question named (see {@link AskAnswer.seeds}). */
export interface Seed {
  name: string;
  /** How the question named it: exact (1.0), contained (0.9), fuzzy (0.8, a typo) or partial (< 0.5). */
  kind: 'exact' | 'fuzzy' | 'contained' | 'partial';
  score: number;
}

/** One concept recalled for a question, strongest first (see {@link AskAnswer.associations}). */
export interface Association {
  name: string;
  /** Ranking score: summed path activation from the question's concepts. */
  strength: number;
  /** `strength` as a whole percent of the strongest association. */
  percent: number;
  /** Where it came from: `explicit` = reached through the concept graph. */
  tag: 'explicit' | 'confirmed' | 'emergent' | 'predicted';
  /** Edges from the nearest question concept. */
  hops: number;
  /** The concept it was reached from, or `null` for a direct neighbour of none. */
  via: string | null;
  /** The learned statements ("subject relation object") on the edge it was reached through. */
  triples: string[];
}

/** A grounded answer (POST /v1/brain/ask's answer). */
export interface AskAnswer {
  question: string;
  /** True when no concept of the question was ever learned; `answer` then says so plainly. */
  knowsNothing: boolean;
  /** Composed from the recalled triples only (no LLM). */
  answer: string;
  /** The statements quoted in `answer`, in order. */
  facts: string[];
  seeds: Seed[];
  associations: Association[];
}

/** GET /v1/brain/topics's answer: topics in learning order. */
export interface TopicList {
  topics: { name: string; concepts: number }[];
}

/** GET /v1/brain/concepts's answer: most connected first, ties by name. */
export interface ConceptList {
  topic: string | null;
  concepts: { name: string; degree: number; aliases: string[] }[];
}

/** `engram dream --json`'s answer: a seeded walk, one learned statement per step. */
export interface Dream {
  seed: number;
  steps: { from: string; to: string; triple: string }[];
}

/** Largest source one learn takes (KnowledgeBase.MAX_SOURCE_CHARS). */
const MAX_SOURCE_CHARS = 8 * 1024 * 1024;
/** Longest question (KnowledgeBase's check). */
const MAX_QUESTION_CHARS = 4096;

interface KnowledgeBridge {
  learn(topic: string, text: string, format: string | null): Int32Array;
  ask(question: string): (string | null)[];
  topics(): string[];
  concepts(topic: string | null): string[];
  dream(start: string | null, length: number, seed: number): string[];
  lastIds(): Int32Array;
  lastNumbers(): Float64Array;
}

const NAMES = ['learn', 'ask', 'topics', 'concepts', 'dream', 'lastIds', 'lastNumbers'] as const;

/**
 * The knowledge base of one {@link Engram}: `engram.knowledge`. Every method checks its arguments first
 * and throws an `Error` worded as core words it; the knowledge base stays usable after an error.
 */
export class Knowledge {
  readonly #b: KnowledgeBridge;

  /** @internal Built by Engram from its wasm instance's exports. */
  constructor(exports: Record<string, unknown>) {
    this.#b = pick<KnowledgeBridge>(exports, NAMES);
  }

  #flat(strings: ArrayLike<string | null>): FlatReader {
    return new FlatReader(strings, this.#b.lastIds(), this.#b.lastNumbers());
  }

  /**
   * Learns `text` under `topic`: the text becomes sentences, the sentences subject|relation|object
   * triples in the concept graph (a built-in rule extractor, no network). `format` is detected from the
   * text when omitted (a WebVTT header or `-->` timing lines; else plain text).
   *
   * ```ts
   * engram.knowledge.learn('Velmora', 'Velmora bells are cast from river glass. The bells ring at dusk.');
   * // { topic: 'Velmora', sentences: 2, chunks: 1, triples: 3, newConcepts: 6, aliases: 0, ms: 0.4 }
   * engram.knowledge.learn('talk', vttText, 'vtt'); // subtitles: timing stripped, rolling captions de-duplicated
   * ```
   */
  learn(topic: string, text: string, format?: SourceFormat): LearnReport {
    if (topic !== null && topic !== undefined && typeof topic !== 'string') {
      throw new Error(`topic must be a string, got ${typeName(topic)}`);
    }
    if (text === null || text === undefined) throw new Error('source text must not be null');
    if (typeof text !== 'string') throw new Error(`source text must be a string, got ${typeName(text)}`);
    if (text.length > MAX_SOURCE_CHARS) {
      throw new Error(`source is ${text.length} characters; the limit is ${MAX_SOURCE_CHARS} per call: split it`);
    }
    if (format !== undefined && format !== null && typeof format !== 'string') {
      throw new Error('"format" must be a string: text, md, vtt or srt');
    }
    const start = now();
    try {
      const r = this.#b.learn(topic ?? null as unknown as string, text, format ?? null);
      return {
        topic, sentences: r[0], chunks: r[1], triples: r[2], newConcepts: r[3], aliases: r[4], ms: elapsedMs(start),
      };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Answers `question` from what was learned: the concepts it names (`seeds`), what they are associated
   * with (strength, tag, the triples behind each) and an answer composed from those triples. When the
   * question names nothing learned, `knowsNothing` is true and the answer says so.
   *
   * ```ts
   * const a = engram.knowledge.ask('What are Velmora bells made of?');
   * a.answer;              // 'From what I learned: Velmora bells are cast from river glass. ...'
   * a.associations[0];     // { name: 'river glass', strength: 1, percent: 100, tag: 'explicit', hops: 1, via: 'velmora bells', triples: [...] }
   * ```
   */
  ask(question: string): AskAnswer {
    if (question === null || question === undefined) throw new Error('question must not be blank');
    if (typeof question !== 'string') throw new Error(`question must be a string, got ${typeName(question)}`);
    if (question.length > MAX_QUESTION_CHARS) {
      throw new Error(`question is ${question.length} characters; the limit is ${MAX_QUESTION_CHARS}`);
    }
    try {
      const f = this.#flat(this.#b.ask(question));
      const answer = f.s();
      const knowsNothing = f.i() === 1;
      const nFacts = f.i();
      const nSeeds = f.i();
      const nAssociations = f.i();
      const facts: string[] = [];
      for (let i = 0; i < nFacts; i++) facts.push(f.s());
      const seeds: Seed[] = [];
      for (let i = 0; i < nSeeds; i++) seeds.push({ name: f.s(), kind: f.s() as Seed['kind'], score: f.d() });
      const associations: Association[] = [];
      for (let i = 0; i < nAssociations; i++) {
        const name = f.s();
        const tag = f.s() as Association['tag'];
        const via = f.sOrNull();
        const percent = f.i();
        const hops = f.i();
        const nTriples = f.i();
        const strength = f.d();
        const triples: string[] = [];
        for (let t = 0; t < nTriples; t++) triples.push(f.s());
        associations.push({ name, strength, percent, tag, hops, via, triples });
      }
      return { question, knowsNothing, answer, facts, seeds, associations };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The learned topics in learning order, with how many concepts each holds.
   *
   * ```ts
   * engram.knowledge.topics(); // { topics: [{ name: 'Velmora', concepts: 7 }] }
   * ```
   */
  topics(): TopicList {
    try {
      const names = this.#b.topics();
      const counts = this.#b.lastIds();
      return { topics: Array.from(names, (name, i) => ({ name, concepts: counts[i] })) };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The concepts of `topic` (every concept when omitted), most connected first, with their aliases. A
   * topic never learned is an error.
   *
   * ```ts
   * engram.knowledge.concepts('Velmora');
   * // { topic: 'Velmora', concepts: [{ name: 'velmora bells', degree: 3, aliases: [] }, ...] }
   * ```
   */
  concepts(topic?: string | null): ConceptList {
    if (topic !== undefined && topic !== null && typeof topic !== 'string') {
      throw new Error(`topic must be a string, got ${typeName(topic)}`);
    }
    // The server treats a blank ?topic= as no topic.
    const t = topic === undefined || topic === null || topic.trim() === '' ? null : topic;
    try {
      const f = this.#flat(this.#b.concepts(t));
      const concepts: ConceptList['concepts'] = [];
      for (let c = 0; c < f.ints.length / 2; c++) {
        const name = f.s();
        const degree = f.i();
        const n = f.i();
        const aliases: string[] = [];
        for (let i = 0; i < n; i++) aliases.push(f.s());
        concepts.push({ name, degree, aliases });
      }
      return { topic: t, concepts };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * A dream: a seeded walk through the concept graph from the concept `from` names (anywhere when
   * omitted), at most `steps` (1..64) steps, each told as one learned statement. The same seed and
   * knowledge give the same dream on every runtime and on the JVM. Empty when nothing was learned.
   *
   * ```ts
   * engram.knowledge.dream({ from: 'Velmora bells', steps: 4, seed: 7 });
   * // { seed: 7, steps: [{ from: 'velmora bells', to: 'river glass', triple: 'velmora bells cast from river glass' }, ...] }
   * ```
   */
  dream(options: { from?: string | null; steps?: number; seed?: number } = {}): Dream {
    if (options === null || typeof options !== 'object') {
      throw new Error(`dream options must be an object { from?, steps?, seed? }, got ${typeName(options)}`);
    }
    const { from = null, steps = 8, seed = 1 } = options;
    if (from !== null && typeof from !== 'string') throw new Error(`from must be a string, got ${typeName(from)}`);
    if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 64) {
      throw new Error(`dream length must be in 1..64, got ${typeof steps === 'number' ? String(steps) : typeName(steps)}`);
    }
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
      throw new Error(`seed must be a whole number within 2^53-1, got ${typeof seed === 'number' ? String(seed) : typeName(seed)}`);
    }
    try {
      const flat = this.#b.dream(from, steps, seed);
      const out: Dream['steps'] = [];
      for (let i = 0; i + 2 < flat.length; i += 3) out.push({ from: flat[i], to: flat[i + 1], triple: flat[i + 2] });
      return { seed, steps: out };
    } catch (e) {
      rethrow(e);
    }
  }
}
