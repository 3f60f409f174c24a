// Reads the golden vectors the JVM writes (tests/target/golden/memory.json, from GoldenVectorsTest) and
// replays them through the public API. Shared by the Node suite and the browser/Deno/workerd checks.
export interface GoldenStep {
  op: string;
  args: unknown[];
  result?: unknown;
  error?: string;
}

export interface GoldenFile {
  format: string;
  version: number;
  seed: number;
  steps: GoldenStep[];
}

/** Expands the compact forms the golden file uses for oversize inputs. */
export function expandArg(arg: unknown): unknown {
  if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) {
    const o = arg as { repeat?: string; fill?: string; count: number; base64?: string; options?: object };
    if (typeof o.repeat === 'string') return o.repeat.repeat(o.count);
    if (o.options !== null && typeof o.options === 'object') return o.options;
    if (typeof o.base64 === 'string') return Uint8Array.from(atob(o.base64), (c) => c.charCodeAt(0));
    if (typeof o.fill === 'string') return new Array<string>(o.count).fill(o.fill);
    throw new Error(`unknown argument form in golden file: ${JSON.stringify(arg)}`);
  }
  return arg;
}

/** FNV-1a (32-bit) of `bytes` as 8 hex digits: how the golden file names a snapshot's bytes. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Wall times differ by nature: checked to be a non-negative number, then left out of the comparison. */
function dropWallTime(result: unknown, field: string): unknown {
  if (result === null || typeof result !== 'object' || !(field in result)) return result;
  const { [field]: ms, ...rest } = result as Record<string, unknown>;
  if (typeof ms !== 'number' || !(ms >= 0)) throw new Error(`${field} must be a non-negative number, got ${String(ms)}`);
  return rest;
}

/**
 * The golden file's shape of a result: vars' Map as [name, value] pairs, a void result as null, a
 * snapshot as its length and digest, learn and step without their wall times.
 */
function toGolden(op: string, result: unknown): unknown {
  if (result instanceof Map) return Array.from(result);
  if (result instanceof Uint8Array) return { bytes: result.length, fnv1a: fnv1a(result) };
  if (op === 'knowledge.learn') return dropWallTime(result, 'ms');
  if (op === 'brain.step') return dropWallTime(result, 'wallMs');
  return result === undefined ? null : result;
}

type Api = Record<string, (...a: unknown[]) => unknown>;

/**
 * The function an op names: a method of the memory, or of one of its faces (`knowledge.ask`,
 * `brain.step`); `brain.reload` is save then load (the golden file checks the loaded brain goes on alike).
 */
function resolve(engram: Api, op: string): (...a: unknown[]) => unknown {
  if (op === 'brain.reload') {
    const brain = (engram as unknown as { brain: { save(): Uint8Array; load(b: Uint8Array): void } }).brain;
    return () => brain.load(brain.save());
  }
  const dot = op.indexOf('.');
  if (dot < 0) return engram[op].bind(engram);
  const face = (engram as unknown as Record<string, Api>)[op.slice(0, dot)];
  return face[op.slice(dot + 1)].bind(face);
}

/** Runs one step against `engram` and returns what it produced, in the golden file's shape. */
export function runStep(engram: Api, step: GoldenStep): GoldenStep {
  const args = step.args.map(expandArg);
  try {
    return { op: step.op, args: step.args, result: toGolden(step.op, resolve(engram, step.op)(...args)) };
  } catch (e) {
    return { op: step.op, args: step.args, error: (e as Error).message };
  }
}

/** Replays every step in order on one memory; returns one line per step that differs (empty: all equal). */
export function replay(engram: object, golden: GoldenFile): string[] {
  if (golden.format !== 'engram-golden' || golden.version !== 1) {
    throw new Error(`golden file is ${golden.format} v${golden.version}; this replayer reads engram-golden v1`);
  }
  const api = engram as Record<string, (...a: unknown[]) => unknown>;
  const problems: string[] = [];
  golden.steps.forEach((step, i) => {
    const got = runStep(api, step);
    const want = 'error' in step ? { error: step.error } : { result: step.result };
    const have = got.error !== undefined ? { error: got.error } : { result: got.result };
    // JSON text equality is exact for these shapes: strings, null, ints and doubles (which the JVM wrote
    // in their shortest round-trip form and JSON.stringify writes the same way).
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      const args = JSON.stringify(step.args);
      problems.push(`step ${i} ${step.op}(${args.length > 200 ? args.slice(0, 200) + '...' : args}): want ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
    }
  });
  return problems;
}
