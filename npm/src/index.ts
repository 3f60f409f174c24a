/**
 * engram: long-term memory for JavaScript. Observe plain-language facts in a scope, then get values back
 * for questions, recall the best facts, or follow multi-hop chains. The engine is one Java core compiled
 * to WebAssembly (wasm-gc) with TeaVM; every host (Node, browsers, Deno, Workers) runs the same module
 * and gets the same answers as the JVM.
 *
 * ```ts
 * import { Engram } from 'engram';
 * const memory = await Engram.forNode();
 * memory.observe('user:42', 'The deploy region is us-west-2.');
 * memory.get('user:42', "what's the deploy region?"); // 'us-west-2'
 * ```
 *
 * @module
 */
import { load } from './engram-runtime.js';
import {
  checkBatch,
  checkClock,
  checkCursor,
  checkId,
  checkK,
  checkKind,
  checkLine,
  checkQuestion,
  checkScope,
  checkShellScope,
  checkSubstring,
  checkText,
  checkVarName,
  checkVarValue,
  type Limits,
} from './checks.js';

import type { SnapshotStore } from './persist.js';
import { Knowledge } from './knowledge.js';
import { Brain } from './brain.js';

export type { Limits } from './checks.js';
export { fileStore, indexedDbStore, opfsStore, type SnapshotStore } from './persist.js';
export * from './knowledge.js';
export * from './brain.js';

/** What the dispatcher does with a turn (see {@link Engram.route}). */
export type RouteName = 'ANSWER' | 'STORE' | 'FETCH' | 'ESCALATE';

/** One routing decision (see {@link Engram.route}). */
export interface Decision {
  /**
   * ANSWER: memory holds it (`value` is the recalled value); STORE: a statement, now stored (`value` is
   * the text stored); FETCH: a live-world question for the web; ESCALATE: needs a larger model.
   */
  route: RouteName;
  /** ANSWER: the recalled value; STORE: the text stored (`null` if nothing could be stored); else `null`. */
  value: string | null;
  /** The facts the router read, best first. */
  facts: string[];
  /** Calibrated probability in 0..1 that `route` is right; fall back below a threshold of your choosing. */
  confidence: number;
}

/** The router's two files, as bytes: `router.bpe` (tokenizer) and `router.i8` (int8 weights). */
export interface RouterFiles {
  tokenizer: Uint8Array | ArrayBuffer;
  model: Uint8Array | ArrayBuffer;
}

/** What memory makes of a question (see {@link Engram.recallValue}). */
export interface Answer {
  /** The value that answers the question, or `null` when memory abstains. */
  value: string | null;
  /** The fact the value was taken from; `null` when nothing matched at all. */
  fact: string | null;
  /** Calibrated certainty in 0..1 that `value` answers the question. */
  confidence: number;
}

/** The result of a multi-hop walk (see {@link Engram.chain}). */
export interface ChainResult {
  /** The final value, or `null` when some hop found nothing. */
  value: string | null;
  /** The start followed by the value found at each hop that succeeded. */
  path: string[];
}

/** What a stored sentence is; every kind is recalled the same way, and {@link Engram.notes} lists by kind. */
export type NoteKind = 'fact' | 'preference' | 'event' | 'task' | 'person' | 'instruction';

/** One recalled fact with the evidence for it (see {@link Engram.recallScored}). */
export interface Recalled {
  /** The fact's number in its scope: stable, never reused; pass it to {@link Engram.forgetId}. */
  id: number;
  /** The fact as observed. */
  text: string;
  /** The note kind the fact was stored as ('fact' for {@link Engram.observe}). */
  kind: NoteKind;
  /** How much of the question the fact covers, 0..1 (for {@link Engram.assoc}: its activation). */
  score: number;
  /** The value the fact offers for the question, or `null`. */
  value: string | null;
  /** Which question words matched, and how: `phone~mobile` for a synonym, `kye->key` for a repaired typo. */
  why: string;
  /** Plastic strength: 1 for a fact never used; grows with each use and halves every half-life of disuse. */
  strength: number;
}

/** One page of results, best (or, for notes, newest) first. */
export interface RecallPage {
  items: Recalled[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  next: string | null;
}

/** Counts over the whole store or one scope (see {@link Engram.stats}). */
export interface Stats {
  /** Scopes holding at least one fact or variable. */
  scopes: number;
  /** Live facts. */
  facts: number;
  /** Facts forgotten but still numbered (their ids are never reused). */
  forgotten: number;
  /** Distinct cue stems indexed. */
  terms: number;
  /** Hebbian links between facts recalled together. */
  links: number;
  /** Variables set. */
  vars: number;
}

/** The functions the wasm bridge (dev.engram.wasm.Bridge) exports. */
interface Bridge {
  observe(scope: string, text: string): number;
  observeMany(scope: string, texts: string[]): number;
  get(scope: string, question: string): string | null;
  recall(scope: string, question: string, k: number): string[];
  recallValue(scope: string, question: string): (string | null)[];
  lastConfidence(): number;
  assess(scope: string, question: string): number;
  chain(scope: string, expression: string): (string | null)[];
  size(scope: string): number;
  dump(scope: string | null): Int8Array;
  load(snapshot: Int8Array): string[];
  limits(): Int32Array;
  recallScored(scope: string, question: string, k: number): (string | null)[];
  recallPage(scope: string, question: string, k: number, cursor: string | null): (string | null)[];
  assoc(scope: string, cue: string, k: number): (string | null)[];
  note(scope: string, kind: string | null, text: string): number;
  notes(scope: string, kind: string | null, k: number, cursor: string | null): (string | null)[];
  lastIds(): Int32Array;
  lastNumbers(): Float64Array;
  forget(scope: string, substring: string): number;
  forgetId(scope: string, id: number): boolean;
  setVar(scope: string, name: string, value: string): void;
  getVar(scope: string, name: string): string | null;
  deleteVar(scope: string, name: string): boolean;
  vars(scope: string): string[];
  scopes(): string[];
  stats(scope: string | null): Float64Array;
  shell(scope: string | null, line: string): string;
  setClock(ms: number): void;
  useWallClock(): void;
  loadRouter(tokenizer: Int8Array, model: Int8Array): void;
  useSemantic(wordTable: Int8Array): void;
  route(scope: string, message: string): (string | null)[];
}

const BRIDGE_FUNCTIONS = [
  'observe', 'observeMany', 'get', 'recall', 'recallValue', 'lastConfidence', 'assess', 'chain', 'size', 'dump', 'load', 'limits',
  'recallScored', 'recallPage', 'assoc', 'note', 'notes', 'lastIds', 'lastNumbers', 'forget', 'forgetId', 'setVar', 'getVar',
  'deleteVar', 'vars', 'scopes', 'stats', 'shell', 'setClock', 'useWallClock', 'loadRouter', 'route', 'useSemantic',
] as const;

function int8(bytes: Uint8Array | ArrayBuffer, what: string): Int8Array {
  if (bytes instanceof ArrayBuffer) return new Int8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new Error(`${what} must be a Uint8Array or an ArrayBuffer, got ${bytes === null ? 'null' : typeof bytes}`);
}

/** Reads one router file: from disk for a file: URL (Node, Deno), else with fetch (browsers, Workers). */
async function readRouterFile(where: URL): Promise<Uint8Array> {
  if (where.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    try {
      return (await readFile(where)) as Uint8Array;
    } catch (e) {
      throw new Error(`engram: cannot read ${String(where)}: ${(e as Error).message}`);
    }
  }
  const response = await fetch(where);
  if (!response.ok) {
    throw new Error(`engram: fetching ${String(where)} failed: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

const WASM_GC_HINT =
  'engram needs WebAssembly GC (Node >= 22, Deno >= 2, Chrome/Edge >= 119, Firefox >= 120, Safari >= 18.2)';

/**
 * Compiles with the JS string builtins where the host has them; the runtime polyfills them otherwise.
 * `file` names the module in the error (engram.wasm, or engram-onnx.wasm for engram/onnx), `instead` says
 * what to do where compiling at run time is forbidden.
 */
async function compile(
  bytes: BufferSource,
  file = 'engram.wasm',
  instead = 'import the module and use Engram.fromModule',
): Promise<WebAssembly.Module> {
  try {
    return await (WebAssembly.compile as (b: BufferSource, o: object) => Promise<WebAssembly.Module>)(bytes, {
      builtins: ['js-string'],
    });
  } catch (e) {
    throw new Error(
      `engram: compiling ${file} failed (${(e as Error).message}). ${WASM_GC_HINT}; ` +
        `where compiling at run time is forbidden (Cloudflare Workers), ${instead}`,
    );
  }
}

/**
 * Fetches and compiles a module (browsers, Workers), compiling while it streams when the server sends
 * `Content-Type: application/wasm`; other types are read whole, then compiled.
 */
async function fetchAndCompile(where: string | URL, file: string, instead?: string): Promise<WebAssembly.Module> {
  const response = await fetch(where);
  if (!response.ok) {
    throw new Error(`engram: fetching ${String(where)} failed: HTTP ${response.status}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('application/wasm') && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await (WebAssembly.compileStreaming as (r: Response, o: object) => Promise<WebAssembly.Module>)(
        response,
        { builtins: ['js-string'] },
      );
    } catch (e) {
      throw new Error(`engram: compiling ${String(where)} failed (${(e as Error).message}). ${WASM_GC_HINT}`);
    }
  }
  return compile(await response.arrayBuffer(), file, instead);
}

/**
 * forNode's compiled modules, by path: a module is immutable and instantiates any number of times, so a
 * second memory in the same process skips reading and compiling engram.wasm (each memory still gets its
 * own instance).
 */
const nodeModules = new Map<string, Promise<WebAssembly.Module>>();

async function readAndCompile(where: string | URL, file?: string, instead?: string): Promise<WebAssembly.Module> {
  // Imported here, not at the top, so the same index.js loads in a browser.
  const { readFile } = await import('node:fs/promises');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = (await readFile(where)) as Uint8Array<ArrayBuffer>;
  } catch (e) {
    throw new Error(`engram: cannot read ${String(where)}: ${(e as Error).message}`);
  }
  return compile(bytes, file, instead);
}

/** Rethrows what a bridge call threw as a plain Error: core's message, or a trap marked as a bug. */
function rethrow(e: unknown): never {
  if (e instanceof WebAssembly.RuntimeError) {
    throw new Error(`engram: the wasm module trapped (${e.message}); this is a bug in engram, please report it`);
  }
  const message = e instanceof Error ? e.message : String(e);
  throw new Error(message || 'engram: internal error without a message');
}

function checkStore(store: unknown): asserts store is SnapshotStore {
  const s = store as Partial<SnapshotStore> | null | undefined;
  if (s === null || typeof s !== 'object' || typeof s.read !== 'function' || typeof s.write !== 'function') {
    throw new Error('store must be a SnapshotStore ({ description, read(), write(bytes) }): use fileStore, indexedDbStore or opfsStore');
  }
}

function isBufferSource(v: unknown): v is BufferSource {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v);
}

/**
 * One memory: an in-memory store of named scopes, each a bag of plain-language facts. Each instance owns
 * its own wasm instance, so two `Engram`s never share facts. Create one with a loader:
 * {@link Engram.forNode}, {@link Engram.forBrowser}, {@link Engram.fromModule} or {@link Engram.fromBytes}.
 *
 * Every method checks its arguments and throws an `Error` with a message for the caller on bad input
 * (wrong type, empty scope, input over a limit); nothing is truncated silently, and the memory stays
 * usable after an error.
 */
export class Engram {
  readonly #bridge: Bridge;
  #routerLoaded = false;
  /** The input limits this module enforces (from core's Limits). */
  readonly limits: Readonly<Limits>;
  /** The knowledge base: learn topics, ask grounded questions, dream (see {@link Knowledge}). */
  readonly knowledge: Knowledge;
  /** The spiking brain, built on first use at scale 0.01 (see {@link Brain}). */
  readonly brain: Brain;

  private constructor(bridge: Bridge, exports: Record<string, unknown>) {
    this.#bridge = bridge;
    this.knowledge = new Knowledge(exports);
    this.brain = new Brain(exports);
    const l = bridge.limits();
    this.limits = Object.freeze({
      scopeChars: l[0], textChars: l[1], batch: l[2], questionChars: l[3], k: l[4], varNameChars: l[5], varValueChars: l[6],
    });
  }

  /**
   * @internal Starts another wasm module of this package (engram-onnx.wasm, for engram/onnx) with the same
   * patched TeaVM runtime, and returns its exports; not part of the API. `source` is a compiled module, its
   * bytes, or a URL (a string is resolved against this module's URL): a `file:` URL is read from disk (Node,
   * Deno), any other is fetched. Without one, `file` is read from beside this module.
   */
  static async companion(source: WebAssembly.Module | BufferSource | string | URL | undefined, file: string, instead: string): Promise<Record<string, unknown>> {
    let module: WebAssembly.Module;
    if (source instanceof WebAssembly.Module) {
      module = source;
    } else if (isBufferSource(source)) {
      module = await compile(source, file, instead);
    } else if (source === undefined || typeof source === 'string' || source instanceof URL) {
      let where: URL;
      try {
        where = new URL(source === undefined ? './' + file : String(source), import.meta.url);
      } catch (e) {
        // Cloudflare Workers: a module has no import.meta.url, so there is no "beside this module".
        const what = source === undefined ? `${file} beside this module` : String(source);
        throw new Error(`engram: cannot locate ${what} (${(e as Error).message}); ${instead}`);
      }
      module = where.protocol === 'file:' ? await readAndCompile(where, file, instead) : await fetchAndCompile(where, file, instead);
    } else {
      throw new Error(`${file} comes as a WebAssembly.Module, its bytes or a URL, got ${source === null ? 'null' : typeof source}`);
    }
    return (await load(module)).exports as Record<string, unknown>;
  }

  /** Rebuilds a page the bridge flattened: `[next, text, kind, value, why, ...]`, ids and doubles aside. */
  #page(flat: (string | null)[]): RecallPage {
    const ids = this.#bridge.lastIds();
    const numbers = this.#bridge.lastNumbers();
    const items: Recalled[] = [];
    for (let i = 0; i < ids.length; i++) {
      items.push({
        id: ids[i],
        text: flat[1 + 4 * i] as string,
        kind: flat[2 + 4 * i] as NoteKind,
        score: numbers[2 * i],
        value: flat[3 + 4 * i] ?? null,
        why: flat[4 + 4 * i] as string,
        strength: numbers[2 * i + 1],
      });
    }
    return { items, next: flat[0] ?? null };
  }

  /**
   * Starts a memory from a compiled module: the loader for Cloudflare Workers and other hosts that forbid
   * compiling wasm at run time, where the module arrives as an import.
   *
   * ```ts
   * import wasm from 'engram/engram.wasm'; // a WebAssembly.Module in workerd and most bundlers
   * const memory = await Engram.fromModule(wasm);
   * ```
   */
  static async fromModule(module: WebAssembly.Module): Promise<Engram> {
    if (!(module instanceof WebAssembly.Module)) {
      throw new Error(`fromModule needs a WebAssembly.Module, got ${module === null ? 'null' : typeof module}`);
    }
    const teavm = await load(module);
    const exports = teavm.exports as Record<string, unknown>;
    const bridge = {} as Record<string, unknown>;
    for (const name of BRIDGE_FUNCTIONS) {
      const fn = exports[name];
      if (typeof fn !== 'function') {
        throw new Error(`engram.wasm does not export '${name}': it does not match this version of the package`);
      }
      bridge[name] = fn;
    }
    return new Engram(bridge as unknown as Bridge, exports);
  }

  /**
   * Starts a memory from the bytes of engram.wasm (an `ArrayBuffer` or a typed array), for hosts where you
   * fetch or read the file yourself.
   *
   * ```ts
   * const bytes = await fetch('/static/engram.wasm').then((r) => r.arrayBuffer());
   * const memory = await Engram.fromBytes(bytes);
   * ```
   */
  static async fromBytes(bytes: BufferSource): Promise<Engram> {
    if (!isBufferSource(bytes)) {
      throw new Error(`fromBytes needs an ArrayBuffer or a typed array, got ${bytes === null ? 'null' : typeof bytes}`);
    }
    return Engram.fromModule(await compile(bytes));
  }

  /**
   * Starts a memory in Node (22 or newer) or Deno, reading engram.wasm from disk: by default the copy
   * installed beside this module.
   *
   * ```ts
   * import { Engram } from 'engram';
   * const memory = await Engram.forNode();
   * ```
   */
  static async forNode(path?: string | URL): Promise<Engram> {
    const where = path ?? new URL('./engram.wasm', import.meta.url);
    const key = String(where);
    let module = nodeModules.get(key);
    if (module === undefined) {
      module = readAndCompile(where);
      nodeModules.set(key, module);
      // A failed read or compile is not kept: the next call tries again.
      module.catch(() => nodeModules.delete(key));
    }
    return Engram.fromModule(await module);
  }

  /**
   * Starts a memory in a browser (main thread or Worker), fetching engram.wasm: by default from beside
   * this module (`new URL('./engram.wasm', import.meta.url)`). The download is compiled while it streams
   * when the server sends `Content-Type: application/wasm`.
   *
   * ```ts
   * import { Engram } from '/engram/index.js';
   * const memory = await Engram.forBrowser(); // fetches /engram/engram.wasm
   * ```
   */
  static async forBrowser(url?: string | URL): Promise<Engram> {
    const where = url ?? new URL('./engram.wasm', import.meta.url);
    return Engram.fromModule(await fetchAndCompile(where, 'engram.wasm'));
  }

  /**
   * Stores the facts in `text`: it is split into sentences, and each statement becomes one fact
   * (questions are not stored). Returns the number of facts stored.
   *
   * ```ts
   * memory.observe('user:42', 'The deploy region is us-west-2. Who owns it?'); // 1
   * ```
   */
  observe(scope: string, text: string): number {
    checkScope(this.limits, scope);
    checkText(this.limits, text);
    try {
      return this.#bridge.observe(scope, text);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * {@link Engram.observe} for each text, in order, in one call; returns the total number of facts stored.
   *
   * ```ts
   * memory.observeMany('user:42', ['The owner of Aurora is Kim.', 'The manager of Kim is Ana.']); // 2
   * ```
   */
  observeMany(scope: string, texts: string[]): number {
    checkScope(this.limits, scope);
    checkBatch(this.limits, texts);
    try {
      return this.#bridge.observeMany(scope, texts);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The value that answers `question` in `scope`, or `null` when memory does not hold it.
   *
   * ```ts
   * memory.get('user:42', "what's the deploy region?"); // 'us-west-2'
   * memory.get('user:42', 'what is the api key?');      // null
   * ```
   */
  get(scope: string, question: string): string | null {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    try {
      return this.#bridge.get(scope, question);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The texts of the (at most `k`, 1..1000) facts that best match `question`, best first.
   *
   * ```ts
   * memory.recall('user:42', 'deploy region', 3); // ['The deploy region is us-west-2.']
   * ```
   */
  recall(scope: string, question: string, k = 5): string[] {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    checkK(this.limits, k);
    try {
      return Array.from(this.#bridge.recall(scope, question, k));
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Like {@link Engram.get}, with the fact the value came from and a calibrated confidence; `value` is
   * `null` when memory abstains.
   *
   * ```ts
   * memory.recallValue('user:42', 'deploy region?');
   * // { value: 'us-west-2', fact: 'The deploy region is us-west-2.', confidence: 0.93 }
   * ```
   */
  recallValue(scope: string, question: string): Answer {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    try {
      const [value, fact] = this.#bridge.recallValue(scope, question);
      return { value: value ?? null, fact: fact ?? null, confidence: this.#bridge.lastConfidence() };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * How much of `question` memory holds, in 0..1: 0 when none of its content is known, 1 when a fact
   * covers all of it. Use it to decide whether to look elsewhere.
   *
   * ```ts
   * if (memory.assess('user:42', 'what is the api key?') < 0.5) { ... ask a tool or a person ... }
   * ```
   */
  assess(scope: string, question: string): number {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    try {
      return this.#bridge.assess(scope, question);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Multi-hop recall: `'Aurora -> owner -> manager'` asks for Aurora's owner, then that person's manager.
   * `value` is `null` when a hop finds nothing, and `path` then ends at the last value found.
   *
   * ```ts
   * memory.chain('user:42', 'Aurora -> owner -> manager');
   * // { value: 'Ana', path: ['Aurora', 'Kim', 'Ana'] }
   * ```
   */
  chain(scope: string, expression: string): ChainResult {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, expression);
    try {
      const flat = this.#bridge.chain(scope, expression);
      return { value: flat[0] ?? null, path: Array.from(flat.slice(1), (s) => s as string) };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * A snapshot of `scope` (every scope when omitted) in engram's versioned, checksummed format: the
   * facts with their index, so {@link Engram.load} does not re-index. The same bytes load on the JVM.
   *
   * ```ts
   * await writeFile('memory.engram', memory.dump());                      // Node
   * await idbPut('engram', memory.dump('user:42'));                       // browser, any store of bytes
   * ```
   */
  dump(scope?: string): Uint8Array {
    if (scope !== undefined) checkScope(this.limits, scope);
    try {
      const bytes = this.#bridge.dump(scope ?? null);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Restores the scopes a snapshot holds (each replaces a scope of the same name) and returns their
   * names. A corrupt, truncated or foreign file is rejected with an Error that says so
   * (`checksum failed`, `too short`, `bad magic`, a version that is too old or too new).
   *
   * ```ts
   * const memory = await Engram.forNode();
   * memory.load(await readFile('memory.engram')); // ['user:42', ...]
   * ```
   */
  load(snapshot: Uint8Array | ArrayBuffer): string[] {
    let bytes: Int8Array;
    if (snapshot instanceof ArrayBuffer) {
      bytes = new Int8Array(snapshot);
    } else if (ArrayBuffer.isView(snapshot)) {
      bytes = new Int8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
    } else if (snapshot === null || snapshot === undefined) {
      throw new Error('snapshot is required');
    } else {
      throw new Error(`snapshot must be a Uint8Array or an ArrayBuffer, got ${Array.isArray(snapshot) ? 'array' : typeof snapshot}`);
    }
    try {
      return Array.from(this.#bridge.load(bytes));
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Writes a snapshot of `scope` (every scope when omitted) to `store` and returns its size in bytes.
   * The stores replace the previous snapshot whole: {@link fileStore} through a temporary file and a
   * rename, {@link indexedDbStore} in one transaction, {@link opfsStore} through a writable stream.
   *
   * ```ts
   * import { Engram, fileStore } from 'engram';
   * const memory = await Engram.forNode();
   * memory.observe('user:42', 'The deploy region is us-west-2.');
   * await memory.saveTo(fileStore('./memory.engram')); // 1234 (bytes)
   * ```
   */
  async saveTo(store: SnapshotStore, scope?: string): Promise<number> {
    checkStore(store);
    const bytes = this.dump(scope);
    await store.write(bytes);
    return bytes.byteLength;
  }

  /**
   * Loads the snapshot `store` holds (see {@link Engram.load}: each scope in it replaces a scope of the
   * same name, nothing is re-indexed) and returns the scope names, or `null` when the store holds no
   * snapshot yet (a first run). A corrupt, truncated or foreign snapshot throws core's message
   * (`checksum failed`, `bad magic`, a version too old or too new) prefixed with where it was read,
   * and leaves this memory as it was.
   *
   * ```ts
   * import { Engram, fileStore } from 'engram';
   * const memory = await Engram.forNode();
   * const scopes = await memory.loadFrom(fileStore('./memory.engram'));
   * if (scopes === null) console.log('first run: nothing saved yet');
   * ```
   */
  async loadFrom(store: SnapshotStore): Promise<string[] | null> {
    checkStore(store);
    const bytes = await store.read();
    if (bytes === null) return null;
    try {
      return this.load(bytes);
    } catch (e) {
      throw new Error(`engram: ${store.description} is not a usable snapshot: ${(e as Error).message}`);
    }
  }

  /**
   * The (at most `k`, 1..1000) facts that best match `question`, best first, each with its id, score,
   * the value it offers, the words that matched and its plastic strength. Recalling a fact strengthens it.
   *
   * ```ts
   * memory.recallScored('user:42', 'deploy region', 3);
   * // [{ id: 0, text: 'The deploy region is us-west-2.', kind: 'fact', score: 1, value: 'us-west-2',
   * //    why: 'deploy region', strength: 1 }]
   * ```
   */
  recallScored(scope: string, question: string, k = 5): Recalled[] {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    checkK(this.limits, k);
    try {
      return this.#page(this.#bridge.recallScored(scope, question, k)).items;
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * One page of {@link Engram.recallScored}: pass `null` (or nothing) as `cursor` for the first page, then
   * each page's `next` until it is `null`. A cursor belongs to the same scope and question; a forged one
   * is an error (`invalid cursor '...'`), not a wrong page.
   *
   * ```ts
   * let page = memory.recallPage('user:42', 'owner', 10);
   * while (page.next !== null) page = memory.recallPage('user:42', 'owner', 10, page.next);
   * ```
   */
  recallPage(scope: string, question: string, k = 5, cursor?: string | null): RecallPage {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, question);
    checkK(this.limits, k);
    const c = checkCursor(cursor);
    try {
      return this.#page(this.#bridge.recallPage(scope, question, k, c));
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Associative recall: facts matching `cue` light up and pass activation to facts sharing their rarer
   * cues and to facts recalled together with them (Hebbian links); ranked by activation (`score`).
   *
   * ```ts
   * memory.assoc('user:42', 'Aurora', 5).map((r) => r.text);
   * // ['The owner of Aurora is Kim Lee.', 'The manager of Kim Lee is Ana Ruiz.']
   * ```
   */
  assoc(scope: string, cue: string, k = 5): Recalled[] {
    checkScope(this.limits, scope);
    checkQuestion(this.limits, cue);
    checkK(this.limits, k);
    try {
      return this.#page(this.#bridge.assoc(scope, cue, k)).items;
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Stores a typed note (each statement of `text`, as {@link Engram.observe} does); it is recalled like
   * any fact and listed by kind with {@link Engram.notes}. Returns the number stored. Core matches the
   * kind case-insensitively and rejects an unknown one, naming the valid kinds.
   *
   * ```ts
   * memory.note('user:42', 'preference', 'I prefer tea over coffee.'); // 1
   * ```
   */
  note(scope: string, kind: NoteKind, text: string): number {
    checkScope(this.limits, scope);
    const kd = checkKind(kind);
    checkText(this.limits, text);
    try {
      return this.#bridge.note(scope, kd, text);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Notes of `kind` (every kind when `null` or omitted), newest first, `k` (1..1000) per page; pass the
   * page's `next` as `cursor` for the following page.
   *
   * ```ts
   * memory.notes('user:42', 'task', 20).items.map((n) => n.text); // ['Book the venue.', ...]
   * ```
   */
  notes(scope: string, kind?: NoteKind | null, k = 20, cursor?: string | null): RecallPage {
    checkScope(this.limits, scope);
    const kd = checkKind(kind);
    checkK(this.limits, k);
    const c = checkCursor(cursor);
    try {
      return this.#page(this.#bridge.notes(scope, kd, k, c));
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Forgets the facts whose text contains `substring` (case-insensitive); `''` forgets the whole scope,
   * variables included. Returns how many facts were forgotten. Ids of forgotten facts are never reused.
   *
   * ```ts
   * memory.forget('user:42', 'deploy region'); // 1
   * memory.forget('user:42', '');              // every fact left in the scope
   * ```
   */
  forget(scope: string, substring: string): number {
    checkScope(this.limits, scope);
    checkSubstring(this.limits, substring);
    try {
      return this.#bridge.forget(scope, substring);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Forgets one fact by its id (a {@link Recalled.id}); `false` when there is no such live fact.
   *
   * ```ts
   * const [top] = memory.recallScored('user:42', 'deploy region', 1);
   * memory.forgetId('user:42', top.id); // true
   * ```
   */
  forgetId(scope: string, id: number): boolean {
    checkScope(this.limits, scope);
    checkId(id);
    try {
      return this.#bridge.forgetId(scope, id);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Sets a variable: an exact name/value pair kept beside the facts (never recalled by cue).
   *
   * ```ts
   * memory.setVar('user:42', 'theme', 'dark');
   * ```
   */
  setVar(scope: string, name: string, value: string): void {
    checkScope(this.limits, scope);
    checkVarName(this.limits, name);
    checkVarValue(this.limits, value);
    try {
      this.#bridge.setVar(scope, name, value);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * A variable's value, or `null` when it is not set.
   *
   * ```ts
   * memory.getVar('user:42', 'theme'); // 'dark'
   * ```
   */
  getVar(scope: string, name: string): string | null {
    checkScope(this.limits, scope);
    checkVarName(this.limits, name);
    try {
      return this.#bridge.getVar(scope, name) ?? null;
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Deletes a variable; `false` when it was not set.
   *
   * ```ts
   * memory.deleteVar('user:42', 'theme'); // true
   * ```
   */
  deleteVar(scope: string, name: string): boolean {
    checkScope(this.limits, scope);
    checkVarName(this.limits, name);
    try {
      return this.#bridge.deleteVar(scope, name);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Every variable of `scope`, in a `Map` sorted by name as core sorts (UTF-16 code units: `'10'` before
   * `'9'`; a plain object would reorder names that look like numbers).
   *
   * ```ts
   * memory.vars('user:42'); // Map { 'lang' => 'en', 'theme' => 'dark' }
   * ```
   */
  vars(scope: string): Map<string, string> {
    checkScope(this.limits, scope);
    try {
      const flat = this.#bridge.vars(scope);
      const out = new Map<string, string>();
      for (let i = 0; i + 1 < flat.length; i += 2) out.set(flat[i], flat[i + 1]);
      return out;
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * The names of the scopes holding anything (facts or variables), sorted.
   *
   * ```ts
   * memory.scopes(); // ['team:core', 'user:42']
   * ```
   */
  scopes(): string[] {
    try {
      return Array.from(this.#bridge.scopes());
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Counts for one scope, or for the whole store when `scope` is omitted.
   *
   * ```ts
   * memory.stats('user:42'); // { scopes: 1, facts: 3, forgotten: 0, terms: 9, links: 0, vars: 1 }
   * memory.stats().scopes;   // every scope
   * ```
   */
  stats(scope?: string | null): Stats {
    if (scope !== undefined && scope !== null) checkScope(this.limits, scope);
    try {
      const n = this.#bridge.stats(scope ?? null);
      return { scopes: n[0], facts: n[1], forgotten: n[2], terms: n[3], links: n[4], vars: n[5] };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Runs one line of engram's shell vocabulary (the same as `engram shell` on the CLI) and returns one
   * line: `observe TEXT`, `get QUESTION`, `recall QUESTION -k N`, `chain A -> rel -> rel`, `assoc CUE`,
   * `note KIND TEXT`, `notes [KIND]`, `forget [SUBSTRING|#ID]`, `var set|get|del NAME [VALUE]`, `vars`,
   * `stats`, `scopes`, `help`. A question is answered, any other line is observed. Errors come back as
   * an `error: ...` line, not as an exception (only a line that is not a string throws).
   *
   * ```ts
   * memory.shell('user:42', 'The deploy region is us-west-2.'); // 'stored 1'
   * memory.shell('user:42', "what's the deploy region?");       // 'us-west-2'
   * memory.shell('user:42', 'recall deploy -k 0');              // 'error: k must be between 1 and 1000, got 0'
   * ```
   */
  shell(scope: string, line: string): string {
    const s = checkShellScope(scope);
    checkLine(line);
    try {
      return this.#bridge.shell(s, line);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Pins this memory's clock to `ms` (milliseconds since the epoch, a whole number) or, with `null`,
   * returns it to the wall clock (the default). Plastic strength decays with the time since a fact was
   * last used, so `strength`, and the ranking it feeds, depend on when calls run; a pinned clock makes
   * them reproducible (tests, replays) and lets a host run memory on its own time.
   *
   * ```ts
   * memory.setClock(Date.UTC(2026, 0, 1)); // strength now decays only when you move the clock
   * memory.setClock(null);                 // back to Date.now()
   * ```
   */
  setClock(ms: number | null): void {
    try {
      if (ms === null) {
        this.#bridge.useWallClock();
        return;
      }
      checkClock(ms);
      this.#bridge.setClock(ms);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Loads the dispatcher's router, once, before {@link Engram.route}. The weights (about 150 KB) are not
   * inside engram.wasm, so a memory that never routes never downloads them. With no argument the files
   * `router.bpe` and `router.i8` are read from beside this module (from disk in Node and Deno, with
   * `fetch` in browsers); pass a directory URL to read them from elsewhere, or their bytes. The files are
   * checked (magic, version, checksum) and a damaged one is refused with an Error that says so.
   *
   * ```ts
   * const memory = await Engram.forNode();
   * await memory.loadRouter();                                   // dist/router.bpe + dist/router.i8
   * await memory.loadRouter(new URL('https://cdn.example/engram/')); // or from a directory URL
   * await memory.loadRouter({ tokenizer: bpeBytes, model: i8Bytes }); // or from bytes you hold
   * ```
   */
  async loadRouter(source?: string | URL | RouterFiles): Promise<void> {
    let tokenizer: Uint8Array | ArrayBuffer;
    let model: Uint8Array | ArrayBuffer;
    if (source !== undefined && source !== null && typeof source === 'object' && !(source instanceof URL)) {
      ({ tokenizer, model } = source);
      if (tokenizer === undefined || model === undefined) {
        throw new Error('loadRouter needs { tokenizer, model }: the bytes of router.bpe and router.i8');
      }
    } else {
      let base: URL;
      if (source === undefined || source === null) {
        base = new URL('./', import.meta.url);
      } else if (typeof source === 'string' || source instanceof URL) {
        base = new URL(String(source).endsWith('/') ? String(source) : String(source) + '/', import.meta.url);
      } else {
        throw new Error(`loadRouter takes a directory URL or { tokenizer, model }, got ${typeof source}`);
      }
      [tokenizer, model] = await Promise.all([
        readRouterFile(new URL('router.bpe', base)),
        readRouterFile(new URL('router.i8', base)),
      ]);
    }
    const t = int8(tokenizer, 'tokenizer');
    const m = int8(model, 'model');
    try {
      this.#bridge.loadRouter(t, m);
    } catch (e) {
      rethrow(e);
    }
    this.#routerLoaded = true;
  }

  /**
   * Turns on semantic recall (off by default): when no fact answers a question word for word, memory
   * also lets a question word stand for a fact word that means the same ("physician" for "doctor"),
   * and still abstains where it would have. Its word table (`words.bin`, about 3 MB: 25,000 int8 word
   * vectors and WordNet relations) is not inside engram.wasm; with no argument it is read from beside
   * this module (disk in Node and Deno, `fetch` in browsers); pass a file URL or the bytes instead.
   * See docs/ENCODERS.md in the repository for what it answers and costs.
   *
   * ```ts
   * await memory.useSemantic();                   // dist/words.bin
   * await memory.useSemantic(wordsBinBytes);      // or bytes you hold
   * ```
   */
  async useSemantic(source?: string | URL | Uint8Array | ArrayBuffer): Promise<void> {
    let bytes: Uint8Array | ArrayBuffer;
    if (source === undefined || source === null) {
      bytes = await readRouterFile(new URL('words.bin', import.meta.url));
    } else if (typeof source === 'string' || source instanceof URL) {
      bytes = await readRouterFile(new URL(String(source), import.meta.url));
    } else {
      bytes = source;
    }
    const table = int8(bytes, 'the word table');
    try {
      this.#bridge.useSemantic(table);
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Routes one turn: recalls what memory holds about `message` and lets the router decide. ANSWER serves
   * the recalled value (never one the model made up; when memory cannot ground it the turn is ESCALATE),
   * STORE stores the message, FETCH and ESCALATE leave the turn to the web or a larger model. Needs
   * {@link Engram.loadRouter} first.
   *
   * ```ts
   * await memory.loadRouter();
   * memory.route('user:42', 'My dog is called Rex.');   // { route: 'STORE', value: 'My dog is called Rex.', ... }
   * memory.route('user:42', 'what is the dog called?'); // { route: 'ANSWER', value: 'Rex', facts: [...], confidence: 0.97 }
   * memory.route('user:42', 'is it raining right now?'); // { route: 'FETCH', value: null, ... }
   * ```
   */
  route(scope: string, message: string): Decision {
    if (!this.#routerLoaded) {
      throw new Error('engram: the router is not loaded; call `await memory.loadRouter()` once before route()');
    }
    checkQuestion(this.limits, message);
    checkScope(this.limits, scope);
    try {
      const flat = this.#bridge.route(scope, message);
      return {
        route: flat[0] as RouteName,
        value: flat[1] ?? null,
        facts: flat.slice(2) as string[],
        confidence: this.#bridge.lastConfidence(),
      };
    } catch (e) {
      rethrow(e);
    }
  }

  /**
   * Number of facts held in `scope` (0 for a scope never written).
   *
   * ```ts
   * memory.size('user:42'); // 3
   * ```
   */
  size(scope: string): number {
    checkScope(this.limits, scope);
    try {
      return this.#bridge.size(scope);
    } catch (e) {
      rethrow(e);
    }
  }
}
