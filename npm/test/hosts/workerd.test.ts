// Cloudflare's workerd (the `workerd` npm package): a Worker that gets engram.wasm as a wasm module import,
// starts a memory with Engram.fromModule, and replays the golden vectors. workerd forbids compiling wasm
// from bytes and generating code from strings, which is what this checks the package copes with. It also
// loads engram/onnx's second module, engram-onnx.wasm, the one way Workers can: as an import passed in
// options.wasm (with a stand-in for onnxruntime, which is not what this test is about).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const workerd = process.env.ENGRAM_WORKERD ?? fileURLToPath(new URL('../../../.tools/hosts/node_modules/.bin/workerd', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const goldenPath =
  process.env.ENGRAM_GOLDEN ?? fileURLToPath(new URL('../../../tests/target/golden/memory.json', import.meta.url));

const WORKER = `
import wasm from 'engram.wasm';
import onnxWasm from 'engram-onnx.wasm';
import { OnnxEncoder } from 'onnx.js';
import golden from 'golden.json';
import goldenKnowledge from 'golden-knowledge.json';
import goldenBrain from 'golden-brain.json';
import { Engram } from 'index.js';
import { replay } from 'replay.js';

export default {
  async fetch() {
    const memory = await Engram.fromModule(wasm);
    const problems = replay(memory, golden);
    const faces = {
      knowledge: { steps: goldenKnowledge.steps.length, problems: replay(await Engram.fromModule(wasm), goldenKnowledge) },
      brain: { steps: goldenBrain.steps.length, problems: replay(await Engram.fromModule(wasm), goldenBrain) },
    };
    // Compiling from bytes is refused here; the error must say so and point at fromModule.
    const bytesError = await Engram.fromBytes(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => null,
      (e) => e.message,
    );
    class Tensor { constructor(type, data, dims) { Object.assign(this, { type, data, dims }); } }
    const ort = { Tensor, InferenceSession: { create: async () => ({ inputNames: ['pixel_values'], outputNames: ['out'], run: async () => ({}) }) } };
    const files = { description: 'kind = image\\nmodel = i.onnx\\ninput = pixel_values\\nimage.resize = 4\\nimage.crop = 4\\ndimension = 2\\n', model: new Uint8Array(1) };
    const encoder = await OnnxEncoder.load(memory, files, { ort, wasm: onnxWasm });
    const onnx = {
      tensor: encoder.imageTensor({ width: 1, height: 1, data: new Uint8Array(4) }).length,
      // No import.meta.url in a Worker: the default location must fail with a message that says what to do.
      defaultError: await OnnxEncoder.load(memory, files, { ort }).then(() => null, (e) => e.message),
    };
    return Response.json({ steps: golden.steps.length, problems, faces, bytesError, onnx });
  },
};
`;

function config(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "index.js", esModule = embed "index.js"),
    (name = "replay.js", esModule = embed "replay.js"),
    (name = "engram.wasm", wasm = embed "engram.wasm"),
    (name = "onnx.js", esModule = embed "onnx.js"),
    (name = "engram-onnx.wasm", wasm = embed "engram-onnx.wasm"),
    (name = "golden.json", json = embed "golden.json"),
    (name = "golden-knowledge.json", json = embed "golden-knowledge.json"),
    (name = "golden-brain.json", json = embed "golden-brain.json"),
  ],
  compatibilityDate = "2026-11-01",
);
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | undefined;
let dir: string | undefined;
afterAll(() => {
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('workerd (Cloudflare Workers runtime)', () => {
  it('replays the golden vectors through Engram.fromModule, exactly', async () => {
    if (!existsSync(workerd)) throw new Error(`no workerd at ${workerd}: run bash npm/scripts/host-tools.sh`);
    if (!existsSync(goldenPath)) throw new Error(`no golden file at ${goldenPath}: run mvn -q -B -pl tests -am verify first`);
    dir = mkdtempSync(join(tmpdir(), 'engram-workerd-'));
    for (const f of ['index.js', 'engram.wasm', 'onnx.js', 'engram-onnx.wasm']) copyFileSync(join(dist, f), join(dir, f));
    copyFileSync(goldenPath, join(dir, 'golden.json'));
    for (const n of ['knowledge', 'brain']) {
      copyFileSync(goldenPath.replace(/memory\.json$/, `${n}.json`), join(dir, `golden-${n}.json`));
    }
    const replayer = readFileSync(new URL('../golden.ts', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'replay.js'), transformSync(replayer, { loader: 'ts', format: 'esm' }).code);
    writeFileSync(join(dir, 'worker.js'), WORKER);
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), config(port));

    let log = '';
    child = spawn(workerd, ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    let response: Response | undefined;
    for (let i = 0; i < 100 && !response; i++) {
      if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}:\n${log}`);
      response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (!response) await new Promise((r) => setTimeout(r, 100));
    }
    if (!response) throw new Error(`workerd did not answer within 10 s:\n${log}`);
    const text = await response.text();
    expect(response.status, `${text}\n${log}`).toBe(200);
    type Replayed = { steps: number; problems: string[] };
    const out = JSON.parse(text) as Replayed & {
      faces: Record<string, Replayed>;
      bytesError: string | null;
      onnx: { tensor: number; defaultError: string | null };
    };
    expect(out.steps).toBeGreaterThan(100);
    expect(out.problems.slice(0, 20)).toEqual([]);
    for (const name of ['knowledge', 'brain']) {
      expect(out.faces[name].steps, name).toBeGreaterThan(20);
      expect(out.faces[name].problems.slice(0, 20), name).toEqual([]);
    }
    expect(out.bytesError).toMatch(/fromModule/);
    expect(out.onnx.tensor).toBe(3 * 4 * 4);
    expect(out.onnx.defaultError).toMatch(/cannot locate engram-onnx\.wasm beside this module .*pass it as options\.wasm/);
  });
});
