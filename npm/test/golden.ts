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
    const o = arg as { repeat?: string; fill?: string; count: number; base64?: string };
    if (typeof o.repeat === 'string') return o.repeat.repeat(o.count);
    if (typeof o.base64 === 'string') return Uint8Array.from(atob(o.base64), (c) => c.charCodeAt(0));
    if (typeof o.fill === 'string') return new Array<string>(o.count).fill(o.fill);
    throw new Error(`unknown argument form in golden file: ${JSON.stringify(arg)}`);
  }
  return arg;
}

/** The golden file's shape of a result: vars' Map as [name, value] pairs, a void result as null. */
function toGolden(result: unknown): unknown {
  if (result instanceof Map) return Array.from(result);
  return result === undefined ? null : result;
}

/** Runs one step against `engram` and returns what it produced, in the golden file's shape. */
export function runStep(engram: Record<string, (...a: unknown[]) => unknown>, step: GoldenStep): GoldenStep {
  const args = step.args.map(expandArg);
  try {
    return { op: step.op, args: step.args, result: toGolden(engram[step.op](...args)) };
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
