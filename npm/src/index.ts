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
  checkK,
  checkQuestion,
  checkScope,
  checkText,
  type Limits,
} from './checks.js';

export type { Limits } from './checks.js';

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
}

const BRIDGE_FUNCTIONS = [
  'observe', 'observeMany', 'get', 'recall', 'recallValue', 'lastConfidence', 'assess', 'chain', 'size', 'dump', 'load', 'limits',
] as const;

const WASM_GC_HINT =
  'engram needs WebAssembly GC (Node >= 22, Deno >= 2, Chrome/Edge >= 119, Firefox >= 120, Safari >= 18.2)';

/** Compiles with the JS string builtins where the host has them; the runtime polyfills them otherwise. */
async function compile(bytes: BufferSource): Promise<WebAssembly.Module> {
  try {
    return await (WebAssembly.compile as (b: BufferSource, o: object) => Promise<WebAssembly.Module>)(bytes, {
      builtins: ['js-string'],
    });
  } catch (e) {
    throw new Error(
      `engram: compiling engram.wasm failed (${(e as Error).message}). ${WASM_GC_HINT}; ` +
        'where compiling at run time is forbidden (Cloudflare Workers), import the module and use Engram.fromModule',
    );
  }
}

/** Rethrows what a bridge call threw as a plain Error: core's message, or a trap marked as a bug. */
function rethrow(e: unknown): never {
  if (e instanceof WebAssembly.RuntimeError) {
    throw new Error(`engram: the wasm module trapped (${e.message}); this is a bug in engram, please report it`);
  }
  const message = e instanceof Error ? e.message : String(e);
  throw new Error(message || 'engram: internal error without a message');
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
  /** The input limits this module enforces (from core's Limits). */
  readonly limits: Readonly<Limits>;

  private constructor(bridge: Bridge) {
    this.#bridge = bridge;
    const l = bridge.limits();
    this.limits = Object.freeze({ scopeChars: l[0], textChars: l[1], batch: l[2], questionChars: l[3], k: l[4] });
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
    return new Engram(bridge as unknown as Bridge);
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
    // Imported here, not at the top, so the same index.js loads in a browser.
    const { readFile } = await import('node:fs/promises');
    const where = path ?? new URL('./engram.wasm', import.meta.url);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = (await readFile(where)) as Uint8Array<ArrayBuffer>;
    } catch (e) {
      throw new Error(`engram: cannot read ${String(where)}: ${(e as Error).message}`);
    }
    return Engram.fromBytes(bytes);
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
    const response = await fetch(where);
    if (!response.ok) {
      throw new Error(`engram: fetching ${String(where)} failed: HTTP ${response.status}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type.startsWith('application/wasm') && typeof WebAssembly.compileStreaming === 'function') {
      let module: WebAssembly.Module;
      try {
        module = await (WebAssembly.compileStreaming as (r: Response, o: object) => Promise<WebAssembly.Module>)(
          response,
          { builtins: ['js-string'] },
        );
      } catch (e) {
        throw new Error(`engram: compiling ${String(where)} failed (${(e as Error).message}). ${WASM_GC_HINT}`);
      }
      return Engram.fromModule(module);
    }
    return Engram.fromBytes(await response.arrayBuffer());
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
