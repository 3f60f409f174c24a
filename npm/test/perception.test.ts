// engram.brain.watch and listen: the golden script the JVM writes (tests/.../PerceptionGoldenTest: pictures
// and sounds bound to labels, noisy variants recognised, refused inputs) replayed on the wasm build must give
// the JVM's answers exactly (same encodings, same spikes, same ranking); plus the argument checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engram } from '../dist/index.js';
import { fnv1a, type GoldenFile } from './golden.js';

const goldenPath = (process.env.ENGRAM_GOLDEN ?? fileURLToPath(new URL('../../tests/target/golden/memory.json', import.meta.url)))
  .replace(/memory\.json$/, 'perception.json');

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function arg(a: unknown): unknown {
  if (a === null || typeof a !== 'object') return a;
  const o = a as Record<string, unknown>;
  if (o.image) {
    const img = o.image as { width: number; height: number; base64: string };
    // As a browser hands it over: ImageData's Uint8ClampedArray.
    const data = bytes(img.base64);
    return { width: img.width, height: img.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
  }
  if (typeof o.float32 === 'string') {
    const b = bytes(o.float32);
    return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  }
  if (o.options) return o.options;
  throw new Error(`unknown argument form: ${JSON.stringify(a).slice(0, 80)}`);
}

describe('engram.brain.watch / listen', () => {
  it('replays perception.json exactly as the JVM ran it', async () => {
    let text: string;
    try {
      text = readFileSync(goldenPath, 'utf8');
    } catch {
      throw new Error(`no golden file at ${goldenPath}: run mvn -q -B -pl tests -am verify first`);
    }
    const golden = JSON.parse(text) as GoldenFile;
    expect(golden.steps.filter((s) => s.op === 'brain.watch' || s.op === 'brain.listen').length).toBeGreaterThan(10);
    const brain = (await Engram.forNode()).brain as unknown as Record<string, (...a: unknown[]) => unknown>;
    const problems: string[] = [];
    golden.steps.forEach((step, i) => {
      const name = step.op.slice('brain.'.length);
      let have: unknown;
      try {
        let result = brain[name](...step.args.map(arg));
        if (result instanceof Uint8Array) result = { bytes: result.length, fnv1a: fnv1a(result) };
        if (name === 'step') result = 'stepped';
        have = { result: result === undefined ? null : result };
      } catch (e) {
        have = { error: (e as Error).message };
      }
      const want = 'error' in step ? { error: step.error } : { result: step.result };
      if (JSON.stringify(want) !== JSON.stringify(have)) {
        problems.push(`step ${i} ${step.op}: want ${JSON.stringify(want).slice(0, 400)}, got ${JSON.stringify(have).slice(0, 400)}`);
      }
    });
    if (problems.length > 0) {
      console.error(`seed ${golden.seed}; rerun: mvn -q -B -pl tests -am test -Dtest=PerceptionGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dengram.seed=${golden.seed} && (cd npm && npx vitest run test/perception.test.ts)`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('rejects wrong argument types with a reason', async () => {
    const br = (await Engram.forNode()).brain as unknown as Record<string, (...a: unknown[]) => unknown>;
    br.reset(0.0005, 3);
    const img = { width: 2, height: 2, data: new Uint8ClampedArray(16) };
    expect(() => br.watch(null)).toThrow('image must be { width, height, data } (an ImageData), got null');
    expect(() => br.watch({ width: 2.5, height: 2, data: img.data })).toThrow('image width and height must be whole numbers');
    expect(() => br.watch({ width: 2, height: 2, data: [1, 2, 3] })).toThrow('image data must be a Uint8ClampedArray or Uint8Array of RGBA bytes, got array');
    expect(() => br.watch({ width: 2, height: 2, data: new Uint8ClampedArray(15) })).toThrow('a 2x2 RGBA image has 16 bytes, got 15');
    expect(() => br.watch(img, { label: 3 })).toThrow('label must be a string, got number');
    expect(() => br.watch(img, { k: 1.5 })).toThrow('k must be an integer, got 1.5');
    expect(() => br.watch(img, { colour: 'red' })).toThrow("unknown option 'colour'; use label or k");
    expect(() => br.watch(img, 'cat')).toThrow('options must be an object { label?, k? }, got string');
    expect(() => br.listen('noise', 16000)).toThrow('samples must be a Float32Array (or an array of numbers), got string');
    expect(() => br.listen(new Float32Array(10), 16000.5)).toThrow('sampleRate must be a whole number of Hz, got 16000.5');
    expect(() => br.listen(new Float32Array(10), 10)).toThrow('sample rate must be 1000..384000 Hz, got 10');
    expect(() => br.listen(new Float32Array(16000 * 61), 16000)).toThrow('the sound is 61.0 s long; the limit is 60 s');
    expect(() => br.watch({ width: 8193, height: 1, data: new Uint8Array(4 * 8193) })).toThrow('the image is 8193x1; the limit is 8192');
    // A plain array of samples is accepted; the brain (scale 0.0005: 80 excitatory cells a region) must fit the embedding.
    expect(() => br.listen([0.1, -0.2, 0.3], 16000)).toThrow('a 128-dimensional embedding needs at least 128 excitatory cells in region auditory, which has 80');
  });
});
