// engram.brain: the scaled spiking brain (core's dev.engram.spiking.Brain: ten ALIF regions, concept
// assemblies, STDP, four neuromodulators) inside this Engram's wasm instance. Results have exactly the
// JSON shapes of the server's /v1/brain/status|step|imprint|recall (server-jvm BrainVerbs), so a page can
// use either source through one type; the same seed gives the same spikes as the JVM.
import { FlatReader, elapsedMs, floatValue, now, pick, rethrow, typeName } from './calls.js';
import type { SnapshotStore } from './persist.js';

/** One region: name, size and mean firing rate (Hz, rounded to 0.01). */
export interface BrainRegion {
  name: string;
  neurons: number;
  rateHz: number;
}

/** The four neuromodulator levels, each in 0..1. */
export interface Modulators {
  dopamine: number;
  acetylcholine: number;
  norepinephrine: number;
  serotonin: number;
}

/** GET /v1/brain/status's answer; region rates are means over the brain's whole life. */
export interface BrainStatus {
  scale: number;
  neurons: number;
  /** Random (procedural, hash-regenerated) synapses: neurons x synapses per neuron. */
  proceduralSynapses: number;
  /** Synapses created by imprinting (the sparse learned overlay). */
  learnedSynapses: number;
  /** Simulated time in ms. */
  timeMs: number;
  /** Concepts with an assembly. */
  concepts: number;
  /** Most concepts the association region has room for at this scale. */
  conceptCapacity: number;
  regions: BrainRegion[];
  modulators: Modulators;
}

/** POST /v1/brain/step's answer: rates over the steps just run. */
export interface StepReport {
  ms: number;
  /** Simulated time after the step, in ms. */
  timeMs: number;
  /** Wall time the step took, in ms (0.1 ms resolution). */
  wallMs: number;
  regions: BrainRegion[];
}

/** POST /v1/brain/imprint's answer. */
export interface ImprintReport {
  imprinted: true;
  concepts: number;
  learnedSynapses: number;
}

/** One recalled concept: evoked minus spontaneous assembly spikes, and the step of its first evoked spike. */
export interface RecallHit {
  concept: string;
  spikes: number;
  firstSpikeStep: number;
  spikesPerNeuron: number;
}

/** POST /v1/brain/recall's answer: best first. */
export interface RecallReport {
  concept: string;
  ranked: RecallHit[];
}

/** What one sleep did. */
export interface SleepReport {
  /** Imprinted sequences replayed. */
  replayed: number;
  /** Learned synapses STDP had driven below the pruning threshold, removed. */
  pruned: number;
  /** Learned synapses left. */
  remaining: number;
}

/**
 * A picture as RGBA bytes, row by row from the top left: exactly what a browser's `ImageData` is
 * (`ctx.getImageData(...)` can be passed as is), or any `{ width, height, data }` with `4 * width * height`
 * bytes in a `Uint8ClampedArray` or `Uint8Array`.
 */
export interface PixelsLike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Options of {@link Brain.watch} and {@link Brain.listen}. */
export interface PerceiveOptions {
  /** Bind what is perceived to this concept (created when new); left out, the brain only recognises. */
  label?: string;
  /** Most recognised concepts to list, 1..100 (default 5). */
  k?: number;
}

/** POST /v1/brain/watch|listen's answer: what the brain made of a picture or a sound. */
export interface PerceptReport {
  /** `visual` for a picture, `auditory` for a sound. */
  region: string;
  /** The concept it was bound to, or null when it was only recognised. */
  label: string | null;
  /** Cosine between the embedding and the vector rate-decoded from the region's spikes (4 decimals). */
  cosine: number;
  /** Embedding length (128 for the built-in encoders). */
  dimension: number;
  /** Excitatory cells per dimension. */
  groupSize: number;
  /** Clock steps of one pass (coding window plus read-out). */
  steps: number;
  /** Spikes the region's excitatory cells fired in the window. */
  sensorySpikes: number;
  /** Learned synapse writes of the binding (0 without a label). */
  boundSynapses: number;
  /** Concepts the percept drove beyond what a neutral code drives, best first (with a label: before binding). */
  ranked: RecallHit[];
}

/** The server's defaults (BrainHost): scale 0.01 (20,000 neurons) and its fixed seed. */
export const DEFAULT_BRAIN_SCALE = 0.01;
export const DEFAULT_BRAIN_SEED = 20_260_101;
const MAX_STEP_MS = 10_000;
const MAX_RECALL_K = 100;

interface BrainBridge {
  brainReset(scale: number, seed: number): void;
  brainStatus(): string[];
  brainStep(ms: number): string[];
  brainImprint(subject: string | null, relation: string | null, object: string | null): Int32Array;
  brainRecall(concept: string, k: number, steps: number): string[];
  brainSleep(): Int32Array;
  brainSave(): Int8Array;
  brainLoad(snapshot: Int8Array): void;
  brainSpikeTotals(): Float64Array;
  brainWatch(width: number, height: number, rgba: Int8Array, label: string | null, k: number): string[];
  brainListen(samples: Float32Array, sampleRate: number, label: string | null, k: number): string[];
  lastIds(): Int32Array;
  lastNumbers(): Float64Array;
}

const NAMES = [
  'brainReset', 'brainStatus', 'brainStep', 'brainImprint', 'brainRecall', 'brainSleep', 'brainSave', 'brainLoad',
  'brainSpikeTotals', 'brainWatch', 'brainListen', 'lastIds', 'lastNumbers',
] as const;

function checkStore(store: unknown): asserts store is SnapshotStore {
  const s = store as Partial<SnapshotStore> | null | undefined;
  if (s === null || typeof s !== 'object' || typeof s.read !== 'function' || typeof s.write !== 'function') {
    throw new Error('store must be a SnapshotStore ({ description, read(), write(bytes) }): use fileStore, indexedDbStore or opfsStore');
  }
}

function perceiveOptions(options: unknown): { label: string | null; k: number } {
  if (options === undefined) return { label: null, k: 5 };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`options must be an object { label?, k? }, got ${typeName(options)}`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'label' && key !== 'k') throw new Error(`unknown option '${key}'; use label or k`);
  }
  let label: string | null = null;
  if (o.label !== undefined && o.label !== null) {
    if (typeof o.label !== 'string') throw new Error(`label must be a string, got ${typeName(o.label)}`);
    label = o.label;
  }
  const k = o.k ?? 5;
  if (typeof k !== 'number' || !Number.isInteger(k)) {
    throw new Error(`k must be an integer, got ${typeof k === 'number' ? String(k) : typeName(k)}`);
  }
  return { label, k };
}

function conceptName(what: string, v: unknown): string | null {
  if (v === null || v === undefined) return null; // core: "concept name must not be null"
  if (typeof v !== 'string') throw new Error(`${what} must be a string, got ${typeName(v)}`);
  return v;
}

/**
 * The spiking brain of one {@link Engram}: `engram.brain`. Built on first use at scale 0.01 with the
 * server's seed (about 30 ms and a few MB); {@link Brain.reset} builds another. Single-threaded: a
 * step of N ms blocks the calling thread for its duration, so step a page's brain in small slices (or
 * in a Worker). Every method checks its arguments first and throws an `Error` worded as core words it.
 */
export class Brain {
  readonly #b: BrainBridge;

  /** @internal Built by Engram from its wasm instance's exports. */
  constructor(exports: Record<string, unknown>) {
    this.#b = pick<BrainBridge>(exports, NAMES);
  }

  /**
   * Replaces the brain with a new one: Cortex's ten regions at `scale` (0 < scale <= 1; 0.01 = 20,000
   * neurons, 1.0 = 2 million) built from `seed`. The same scale and seed give the same brain everywhere.
   *
   * ```ts
   * engram.brain.reset(0.005, 42);
   * engram.brain.status().neurons; // 10000
   * ```
   */
  reset(scale: number = DEFAULT_BRAIN_SCALE, seed: number = DEFAULT_BRAIN_SEED): void {
    if (typeof scale !== 'number') throw new Error(`scale must be a number, got ${typeName(scale)}`);
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
      throw new Error(`seed must be a whole number within 2^53-1, got ${typeof seed === 'number' ? String(seed) : typeName(seed)}`);
    }
    try {
      this.#b.brainReset(scale, seed);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Scale, neurons, synapses, simulated time, concepts, each region's size and mean rate over the
   * brain's life, and the modulator levels.
   *
   * ```ts
   * engram.brain.status();
   * // { scale: 0.01, neurons: 20000, proceduralSynapses: ..., learnedSynapses: 0, timeMs: 0, concepts: 0,
   * //   conceptCapacity: ..., regions: [{ name: 'sensory', neurons: ..., rateHz: 0 }, ...],
   * //   modulators: { dopamine: ..., acetylcholine: ..., norepinephrine: ..., serotonin: ... } }
   * ```
   */
  status(): BrainStatus {
    try {
      const f = new FlatReader(this.#b.brainStatus(), this.#b.lastIds(), this.#b.lastNumbers());
      const neurons = f.i();
      const learnedSynapses = f.i();
      const concepts = f.i();
      const conceptCapacity = f.i();
      const scale = f.d();
      const proceduralSynapses = f.d();
      const timeMs = f.d();
      const regionCount = f.strings.length - 4;
      const regions: BrainRegion[] = [];
      for (let r = 0; r < regionCount; r++) regions.push({ name: f.s(), neurons: f.i(), rateHz: f.d() });
      const modulators = {} as Record<string, number>;
      for (let m = 0; m < 4; m++) modulators[f.s()] = floatValue(f.d());
      return {
        scale, neurons, proceduralSynapses, learnedSynapses, timeMs, concepts, conceptCapacity, regions,
        modulators: modulators as unknown as Modulators,
      };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Runs `ms` (1..10,000) milliseconds of brain time and reports each region's rate over them. At scale
   * 0.01 one ms costs well under a millisecond of wall time, so a page can step 1-10 ms per frame.
   *
   * ```ts
   * const r = engram.brain.step(100);
   * // { ms: 100, timeMs: 100, wallMs: 41.2, regions: [{ name: 'sensory', neurons: ..., rateHz: 4.12 }, ...] }
   * ```
   */
  step(ms = 100): StepReport {
    if (typeof ms !== 'number' || !Number.isInteger(ms)) {
      throw new Error(`ms must be a whole number, got ${typeof ms === 'number' ? String(ms) : typeName(ms)}`);
    }
    if (ms < 1 || ms > MAX_STEP_MS) throw new Error(`ms must be between 1 and ${MAX_STEP_MS} per call, got ${ms}`);
    const start = now();
    try {
      const strings = this.#b.brainStep(ms);
      const wallMs = elapsedMs(start);
      const f = new FlatReader(strings, this.#b.lastIds(), this.#b.lastNumbers());
      const timeMs = f.d();
      const regions: BrainRegion[] = [];
      for (let r = 0; r < strings.length; r++) regions.push({ name: f.s(), neurons: f.i(), rateHz: f.d() });
      return { ms, timeMs, wallMs, regions };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Imprints the statement subject -> relation -> object: each gets a concept assembly (when new), the
   * assemblies are linked by learned synapses and presented in order with dopamine, and STDP sets the
   * weights (about 60 ms of brain time). A full association region is an error that names the fix.
   *
   * ```ts
   * engram.brain.imprint('cat', 'is', 'animal'); // { imprinted: true, concepts: 3, learnedSynapses: 6000 }
   * ```
   */
  imprint(subject: string, relation: string, object: string): ImprintReport {
    const s = conceptName('subject', subject);
    const r = conceptName('relation', relation);
    const o = conceptName('object', object);
    try {
      const out = this.#b.brainImprint(s, r, o);
      return { imprinted: true, concepts: out[0], learnedSynapses: out[1] };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Spiking recall: injects current into `concept`'s assembly, runs a fixed budget with plasticity off,
   * runs the same steps again without the injection, and ranks the other concepts by how many more
   * spikes their assemblies fired (at most `k`, 1..100). `steps` (1..100,000) sets the budget of each
   * pass; left out, the brain's default (30 steps) is used, as the server's /v1/brain/recall does. The
   * brain is left exactly as it was.
   *
   * ```ts
   * engram.brain.recall('cat', 3);
   * engram.brain.recall('cat', 3, 60); // a longer budget reaches concepts two links away
   * // { concept: 'cat', ranked: [{ concept: 'is', spikes: 412, firstSpikeStep: 3, spikesPerNeuron: 20.6 }, ...] }
   * ```
   */
  recall(concept: string, k = 5, steps?: number): RecallReport {
    if (concept !== null && concept !== undefined && typeof concept !== 'string') {
      throw new Error(`concept must be a string, got ${typeName(concept)}`);
    }
    if (typeof k !== 'number' || !Number.isInteger(k)) {
      throw new Error(`k must be an integer, got ${typeof k === 'number' ? String(k) : typeName(k)}`);
    }
    if (k < 1 || k > MAX_RECALL_K) throw new Error(`k must be between 1 and ${MAX_RECALL_K}, got ${k}`);
    if (steps !== undefined && (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 100_000)) {
      throw new Error(`recall steps must be in [1, 100000], got ${typeof steps === 'number' ? String(steps) : typeName(steps)}`);
    }
    try {
      const strings = this.#b.brainRecall(concept ?? (null as unknown as string), k, steps ?? 0);
      const f = new FlatReader(strings, this.#b.lastIds(), this.#b.lastNumbers());
      const ranked: RecallHit[] = [];
      for (let i = 0; i < f.strings.length; i++) {
        ranked.push({ concept: f.s(), spikes: f.i(), firstSpikeStep: f.i(), spikesPerNeuron: f.d() });
      }
      return { concept, ranked };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Shows a picture to the visual region: the built-in colour/layout encoder turns it into 128 numbers,
   * they are latency-coded into the region's cells (larger values spike earlier and more often), the
   * brain runs 30 ms, and the region's spikes are rate-decoded back (`cosine` says how much survived).
   * Without a label the answer ranks the concepts the picture drives and the brain is left exactly as it
   * was; with `label`, the picture is bound to that concept (the brain learns). Same pixels and same
   * brain give the same answer here and on the server. The encoder sees colour, layout and texture, not
   * meaning: two red round things look alike to it.
   *
   * ```ts
   * const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
   * engram.brain.watch(img, { label: 'red ball' });
   * engram.brain.watch(otherImg); // { region: 'visual', ranked: [{ concept: 'red ball', spikes: 17, ... }], ... }
   * ```
   */
  watch(image: PixelsLike, options?: PerceiveOptions): PerceptReport {
    if (image === null || typeof image !== 'object') {
      throw new Error(`image must be { width, height, data } (an ImageData), got ${typeName(image)}`);
    }
    const { width, height, data } = image as Partial<PixelsLike>;
    if (typeof width !== 'number' || !Number.isInteger(width) || typeof height !== 'number' || !Number.isInteger(height)) {
      throw new Error('image width and height must be whole numbers');
    }
    if (!(data instanceof Uint8ClampedArray || data instanceof Uint8Array)) {
      throw new Error(`image data must be a Uint8ClampedArray or Uint8Array of RGBA bytes, got ${typeName(data)}`);
    }
    const { label, k } = perceiveOptions(options);
    const bytes = new Int8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      return this.#percept(this.#b.brainWatch(width, height, bytes, label, k));
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Plays a sound to the auditory region: mono samples in -1..1 at `sampleRate` Hz (an `AudioBuffer`'s
   * `getChannelData(0)` and `sampleRate` fit; at most 60 s). The built-in spectral encoder captures timbre,
   * pitch region and the loudness/brightness envelope, not words. Otherwise exactly as {@link Brain.watch}.
   *
   * ```ts
   * engram.brain.listen(buffer.getChannelData(0), buffer.sampleRate, { label: 'doorbell' });
   * engram.brain.listen(samples, 16000).ranked[0]?.concept; // 'doorbell'
   * ```
   */
  listen(samples: Float32Array | ArrayLike<number>, sampleRate: number, options?: PerceiveOptions): PerceptReport {
    let floats: Float32Array;
    if (samples instanceof Float32Array) {
      floats = samples;
    } else if (Array.isArray(samples) || ArrayBuffer.isView(samples)) {
      floats = Float32Array.from(samples as ArrayLike<number>);
    } else {
      throw new Error(`samples must be a Float32Array (or an array of numbers), got ${typeName(samples)}`);
    }
    if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate)) {
      throw new Error(`sampleRate must be a whole number of Hz, got ${typeof sampleRate === 'number' ? String(sampleRate) : typeName(sampleRate)}`);
    }
    const { label, k } = perceiveOptions(options);
    try {
      return this.#percept(this.#b.brainListen(floats, sampleRate, label, k));
    } catch (e) {
      rethrow(e);
    }
  }

  #percept(strings: string[]): PerceptReport {
    const f = new FlatReader(strings, this.#b.lastIds(), this.#b.lastNumbers());
    const region = f.s();
    const label = f.sOrNull();
    const dimension = f.i();
    const groupSize = f.i();
    const steps = f.i();
    const boundSynapses = f.i();
    const cosine = f.d();
    const sensorySpikes = f.d();
    const ranked: RecallHit[] = [];
    for (let i = 2; i < strings.length; i++) {
      ranked.push({ concept: f.s(), spikes: f.i(), firstSpikeStep: f.i(), spikesPerNeuron: f.d() });
    }
    return { region, label, cosine, dimension, groupSize, steps, sensorySpikes, boundSynapses, ranked };
  }

  /**
   * Sleep: replays every imprinted sequence (strengthening forward links), lets eligibility settle, then
   * prunes learned synapses that STDP drove below threshold.
   *
   * ```ts
   * engram.brain.sleep(); // { replayed: 1, pruned: 1800, remaining: 4200 }
   * ```
   */
  sleep(): SleepReport {
    try {
      const r = this.#b.brainSleep();
      return { replayed: r[0], pruned: r[1], remaining: r[2] };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The brain's whole state as a versioned, checksummed snapshot (the JVM's `brain.bin` format: the
   * same bytes as the server's for the same history). Random synapses are regenerated from the seed,
   * so a 0.01 brain is a few hundred KB.
   *
   * ```ts
   * await writeFile('brain.bin', engram.brain.save());
   * ```
   */
  save(): Uint8Array {
    try {
      const bytes = this.#b.brainSave();
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Replaces the brain with a snapshot (from {@link Brain.save} or the JVM's `engram brain save`); it
   * continues exactly where the saved one stopped. A corrupt, truncated or foreign snapshot is refused
   * with an Error that says so, and the brain is kept.
   *
   * ```ts
   * engram.brain.load(await readFile('brain.bin'));
   * ```
   */
  load(snapshot: Uint8Array | ArrayBuffer): void {
    let bytes: Int8Array;
    if (snapshot instanceof ArrayBuffer) {
      bytes = new Int8Array(snapshot);
    } else if (ArrayBuffer.isView(snapshot)) {
      bytes = new Int8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
    } else if (snapshot === null || snapshot === undefined) {
      throw new Error('snapshot is required');
    } else {
      throw new Error(`snapshot must be a Uint8Array or an ArrayBuffer, got ${typeName(snapshot)}`);
    }
    try {
      this.#b.brainLoad(bytes);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Writes {@link Brain.save}'s snapshot to `store` ({@link fileStore}, {@link indexedDbStore},
   * {@link opfsStore} or your own) and returns its size in bytes.
   *
   * ```ts
   * import { Engram, indexedDbStore } from 'engram';
   * await engram.brain.saveTo(indexedDbStore('my-app', 'brain'));
   * ```
   */
  async saveTo(store: SnapshotStore): Promise<number> {
    checkStore(store);
    const bytes = this.save();
    await store.write(bytes);
    return bytes.byteLength;
  }

  /**
   * Replaces the brain with the snapshot in `store`; `false` (the brain kept) when the store holds
   * nothing yet. A damaged or foreign snapshot throws, naming the store, and the brain is kept.
   *
   * ```ts
   * if (!(await engram.brain.loadFrom(fileStore('./brain.bin')))) engram.brain.reset(0.01, 1);
   * ```
   */
  async loadFrom(store: SnapshotStore): Promise<boolean> {
    checkStore(store);
    const bytes = await store.read();
    if (bytes === null) return false;
    try {
      this.load(bytes);
    } catch (e) {
      throw new Error(`engram: ${store.description} is not a usable brain snapshot: ${(e as Error).message}`);
    }
    return true;
  }

  /**
   * Spikes each region fired since the brain was built, in the order of `status().regions` (npm and
   * Java only: the server's JSON reports rates).
   *
   * ```ts
   * engram.brain.spikeTotals(); // [20412, 18730, ...]
   * ```
   */
  spikeTotals(): number[] {
    try {
      return Array.from(this.#b.brainSpikeTotals());
    } catch (e) {
      rethrow(e);
    }
  }
}
