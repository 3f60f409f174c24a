// Shared by the knowledge and brain faces (knowledge.ts, brain.ts): how a bridge call's failure reaches
// the caller (rethrow is index.ts's, repeated here so the memory's loader code stays untouched), and how a flattened result (dev.engram.wasm.Flat: strings returned, ints and doubles left
// for lastIds()/lastNumbers()) is read back in order.

/** Rethrows what a bridge call threw as a plain Error: core's message, or a trap marked as a bug. */
export function rethrow(e: unknown): never {
  if (e instanceof WebAssembly.RuntimeError) {
    throw new Error(`engram: the wasm module trapped (${e.message}); this is a bug in engram, please report it`);
  }
  const message = e instanceof Error ? e.message : String(e);
  throw new Error(message || 'engram: internal error without a message');
}

/** Picks `names` from the module's exports, failing clearly when the module is from another version. */
export function pick<T>(exports: Record<string, unknown>, names: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const fn = exports[name];
    if (typeof fn !== 'function') {
      throw new Error(`engram.wasm does not export '${name}': it does not match this version of the package`);
    }
    out[name] = fn;
  }
  return out as T;
}

/** Reads a flattened result: one cursor per stream, in the order the bridge wrote them. */
export class FlatReader {
  #s = 0;
  #i = 0;
  #d = 0;
  constructor(
    readonly strings: ArrayLike<string | null>,
    readonly ints: ArrayLike<number>,
    readonly doubles: ArrayLike<number>,
  ) {}
  s(): string {
    return this.strings[this.#s++] as string;
  }
  sOrNull(): string | null {
    return this.strings[this.#s++] ?? null;
  }
  i(): number {
    return this.ints[this.#i++];
  }
  d(): number {
    return this.doubles[this.#d++];
  }
}

/**
 * The number a JVM JSON writer prints for a Java `float` (its shortest decimal form), given the float
 * widened to a double: 0.2f arrives as 0.20000000298023224 and becomes 0.2, as the server's JSON has it.
 */
export function floatValue(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === x) return candidate;
  }
  return x;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Wall time in ms for the `ms`/`wallMs` fields, rounded to 0.1 ms as the server rounds them. */
export function elapsedMs(start: number): number {
  return Math.round((now() - start) * 10) / 10;
}

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
