import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engram } from '../dist/index.js';
import { replay, type GoldenFile } from './golden.js';

const goldenPath =
  process.env.ENGRAM_GOLDEN ?? fileURLToPath(new URL('../../tests/target/golden/memory.json', import.meta.url));

describe('golden vectors (JVM) replayed on the wasm build', () => {
  it('matches every result and error message exactly', async () => {
    let text: string;
    try {
      text = readFileSync(goldenPath, 'utf8');
    } catch {
      throw new Error(`no golden file at ${goldenPath}: run mvn -q -B -pl tests -am verify first`);
    }
    const golden = JSON.parse(text) as GoldenFile;
    expect(golden.steps.length).toBeGreaterThan(100);
    const problems = replay(await Engram.forNode(), golden);
    if (problems.length > 0) {
      console.error(`seed ${golden.seed}; rerun: mvn -q -B -pl tests -am verify -Dengram.seed=${golden.seed} && (cd npm && npx vitest run test/golden.test.ts)`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  for (const name of ['knowledge', 'brain']) {
    it(`replays ${name}.json (knowledge and the spiking brain, HTTP-shaped results) exactly`, async () => {
      const path = goldenPath.replace(/memory\.json$/, `${name}.json`);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        throw new Error(`no golden file at ${path}: run mvn -q -B -pl tests -am verify first`);
      }
      const golden = JSON.parse(text) as GoldenFile;
      expect(golden.steps.filter((s) => s.op.startsWith(`${name}.`)).length).toBeGreaterThan(20);
      expect(replay(await Engram.forNode(), golden)).toEqual([]);
    });
  }

  it('routes every turn of route.json exactly as the JVM dispatcher did (same router bytes)', async () => {
    const routePath = goldenPath.replace(/memory\.json$/, 'route.json');
    let text: string;
    try {
      text = readFileSync(routePath, 'utf8');
    } catch {
      throw new Error(`no golden file at ${routePath}: run mvn -q -B -pl tests -am verify first`);
    }
    const golden = JSON.parse(text) as GoldenFile;
    expect(golden.steps.filter((s) => s.op === 'route').length).toBeGreaterThan(10);
    const memory = await Engram.forNode();
    await memory.loadRouter();
    expect(replay(memory, golden)).toEqual([]);
  });
});
