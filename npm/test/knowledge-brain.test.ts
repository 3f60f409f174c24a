// engram.knowledge and engram.brain beyond the golden vectors: the TS argument checks (which the golden
// file cannot reach, since the JVM has no such types), independence of instances, snapshots of the brain
// round-tripping and refused when damaged, and the float printing the status relies on.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engram, fileStore } from '../dist/index.js';
import { floatValue } from '../src/calls.js';

const TEXT = 'Velmora bells are cast from river glass. The bells ring at dusk.';

describe('engram.knowledge', () => {
  it('learns, answers and lists, one knowledge base per Engram', async () => {
    const a = await Engram.forNode();
    const b = await Engram.forNode();
    const report = a.knowledge.learn('Velmora', TEXT);
    expect(report).toMatchObject({ topic: 'Velmora', sentences: 2, chunks: 1 });
    expect(report.triples).toBeGreaterThan(0);
    expect(report.ms).toBeGreaterThanOrEqual(0);
    const answer = a.knowledge.ask('What are Velmora bells made of?');
    expect(answer.knowsNothing).toBe(false);
    expect(answer.associations.map((x) => x.name)).toContain('river glass');
    expect(answer.answer).toMatch(/river glass/);
    expect(b.knowledge.ask('What are Velmora bells made of?').knowsNothing).toBe(true);
    expect(b.knowledge.topics()).toEqual({ topics: [] });
    expect(a.knowledge.topics().topics.map((t) => t.name)).toEqual(['Velmora']);
  });

  it('rejects wrong argument types with the wording core uses', async () => {
    const k = (await Engram.forNode()).knowledge as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => k.learn(5, TEXT)).toThrow('topic must be a string, got number');
    expect(() => k.learn('t', null)).toThrow('source text must not be null');
    expect(() => k.learn('t', ['a'])).toThrow('source text must be a string, got array');
    expect(() => k.learn('t', 'x'.repeat(8 * 1024 * 1024 + 1))).toThrow(
      'source is 8388609 characters; the limit is 8388608 per call: split it',
    );
    expect(() => k.learn('t', TEXT, 3)).toThrow('"format" must be a string: text, md, vtt or srt');
    expect(() => k.learn(null, TEXT)).toThrow('topic must not be blank');
    expect(() => k.ask(undefined)).toThrow('question must not be blank');
    expect(() => k.ask({})).toThrow('question must be a string, got object');
    expect(() => k.concepts(7)).toThrow('topic must be a string, got number');
    expect(() => k.dream({ steps: 2.5 })).toThrow('dream length must be in 1..64, got 2.5');
    expect(() => k.dream({ seed: 2 ** 53 })).toThrow('seed must be a whole number within 2^53-1, got 9007199254740992');
    expect(() => k.dream({ from: 3 })).toThrow('from must be a string, got number');
    expect(() => k.dream(null)).toThrow('dream options must be an object { from?, steps?, seed? }, got null');
  });
});

describe('engram.brain', () => {
  it('is built on first use at the server defaults, and reset builds another', async () => {
    const e = await Engram.forNode();
    const s = e.brain.status();
    expect(s).toMatchObject({ scale: 0.01, neurons: 20000, timeMs: 0, concepts: 0 });
    expect(s.regions).toHaveLength(10);
    expect(Object.keys(s.modulators)).toEqual(['dopamine', 'acetylcholine', 'norepinephrine', 'serotonin']);
    e.brain.reset(0.002, 5);
    expect(e.brain.status()).toMatchObject({ scale: 0.002, neurons: 4000 });
  });

  it('saves, loads and goes on exactly as the saved brain would; refuses a damaged snapshot and keeps the brain', async () => {
    const a = await Engram.forNode();
    const b = await Engram.forNode();
    a.brain.reset(0.002, 9);
    a.brain.imprint('cat', 'is', 'animal');
    a.brain.step(20);
    const snapshot = a.brain.save();
    b.brain.load(snapshot.buffer.slice(snapshot.byteOffset, snapshot.byteOffset + snapshot.byteLength));
    const stepA = a.brain.step(30);
    const stepB = b.brain.step(30);
    expect(stepB.regions).toEqual(stepA.regions);
    expect(b.brain.spikeTotals()).toEqual(a.brain.spikeTotals());
    expect(b.brain.save()).toEqual(a.brain.save());
    const damaged = a.brain.save().slice();
    damaged[damaged.length >> 1] ^= 1;
    const before = b.brain.status();
    expect(() => b.brain.load(damaged)).toThrow('spiking brain snapshot checksum failed');
    expect(b.brain.status()).toEqual(before);
  });

  it('saves to and loads from a store: false when empty, the store named when damaged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engram-brain-'));
    try {
      const a = await Engram.forNode();
      const b = await Engram.forNode();
      a.brain.reset(0.002, 4);
      a.brain.imprint('sun', 'is', 'star');
      const store = fileStore(join(dir, 'brain.bin'));
      expect(await b.brain.loadFrom(store)).toBe(false);
      expect(await a.brain.saveTo(store)).toBe(a.brain.save().byteLength);
      expect(await b.brain.loadFrom(store)).toBe(true);
      expect(b.brain.status()).toEqual(a.brain.status());
      expect(readdirSync(dir)).toEqual(['brain.bin']);
      writeFileSync(join(dir, 'brain.bin'), 'not a brain snapshot at all');
      await expect(b.brain.loadFrom(store)).rejects.toThrow(/^engram: file .*brain\.bin is not a usable brain snapshot: .*bad magic/);
      await expect(b.brain.saveTo({} as never)).rejects.toThrow('store must be a SnapshotStore');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects wrong argument types with the wording core uses', async () => {
    const br = (await Engram.forNode()).brain as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => br.reset('0.01')).toThrow('scale must be a number, got string');
    expect(() => br.reset(0.01, 1.5)).toThrow('seed must be a whole number within 2^53-1, got 1.5');
    expect(() => br.step(2.5)).toThrow('ms must be a whole number, got 2.5');
    expect(() => br.step(0)).toThrow('ms must be between 1 and 10000 per call, got 0');
    expect(() => br.imprint('a', 3, 'b')).toThrow('relation must be a string, got number');
    expect(() => br.imprint(null, 'is', 'b')).toThrow('concept name must not be null');
    expect(() => br.recall('a', 1.5)).toThrow('k must be an integer, got 1.5');
    expect(() => br.recall('a', 101)).toThrow('k must be between 1 and 100, got 101');
    expect(() => br.recall(4)).toThrow('concept must be a string, got number');
    expect(() => br.recall('a', 5, 2.5)).toThrow('recall steps must be in [1, 100000], got 2.5');
    expect(() => br.recall('a', 5, '60')).toThrow('recall steps must be in [1, 100000], got string');
    expect(() => br.load(null)).toThrow('snapshot is required');
    expect(() => br.load('bytes')).toThrow('snapshot must be a Uint8Array or an ArrayBuffer, got string');
  });
});

describe('floatValue', () => {
  it("gives a float's shortest decimal form, as a JVM JSON writer prints it", () => {
    for (const [f, printed] of [[0.2, 0.2], [0.01, 0.01], [1 / 3, 0.33333334], [1e-7, 1e-7], [3.4028234663852886e38, 3.4028235e38]]) {
      expect(floatValue(Math.fround(f))).toBe(printed);
    }
    expect(floatValue(0)).toBe(0);
  });
});
