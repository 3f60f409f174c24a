// Deno (the binary from the `deno` npm package): the golden vectors replayed through Engram.forNode(),
// which reads engram.wasm with node:fs under Deno's Node compatibility.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const deno = process.env.ENGRAM_DENO ?? fileURLToPath(new URL('../../../.tools/hosts/node_modules/.bin/deno', import.meta.url));
const goldenPath =
  process.env.ENGRAM_GOLDEN ?? fileURLToPath(new URL('../../../tests/target/golden/memory.json', import.meta.url));

describe('Deno', () => {
  it('replays the golden vectors exactly', () => {
    if (!existsSync(deno)) throw new Error(`no deno at ${deno}: run bash npm/scripts/host-tools.sh`);
    if (!existsSync(goldenPath)) throw new Error(`no golden file at ${goldenPath}: run mvn -q -B -pl tests -am verify first`);
    const script = fileURLToPath(new URL('./deno-replay.ts', import.meta.url));
    const faces = ['knowledge', 'brain'].map((n) => goldenPath.replace(/memory\.json$/, `${n}.json`));
    const stdout = execFileSync(deno, ['run', '--quiet', '--no-prompt', '--allow-read', '--allow-env', script, goldenPath, ...faces], {
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    type Replayed = { steps: number; problems: string[] };
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Replayed & { coldMs: number; files: Replayed[] };
    console.log(`deno: import to first answer ${out.coldMs.toFixed(1)} ms, ${out.steps} steps`);
    expect(out.steps).toBeGreaterThan(100);
    expect(out.problems.slice(0, 20)).toEqual([]);
    // knowledge.json and brain.json
    expect(out.files.length).toBe(3);
    for (const f of out.files.slice(1)) {
      expect(f.steps).toBeGreaterThan(20);
      expect(f.problems.slice(0, 20)).toEqual([]);
    }
  });

  it('saves and loads through fileStore, with null for a missing file and core message for a corrupt one', () => {
    if (!existsSync(deno)) throw new Error(`no deno at ${deno}: run bash npm/scripts/host-tools.sh`);
    const script = fileURLToPath(new URL('./deno-persist.ts', import.meta.url));
    const stdout = execFileSync(deno, ['run', '--quiet', '--no-prompt', '--allow-read', '--allow-write', '--allow-env', script], {
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(out.saved).toBeGreaterThan(0);
    expect(out.scopes).toEqual(['user:42']);
    expect(out.owner).toBe('Kim Lee');
    expect(out.missing).toBeNull();
    expect(out.corrupt).toMatch(/^engram: file .*m\.engram is not a usable snapshot: .*checksum/);
    expect(out.files).toEqual(['m.engram']);
  });
});
