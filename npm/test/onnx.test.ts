// engram/onnx on Node through onnxruntime-web (its wasm backend): the tiny models the JVM tests build and
// the embeddings the JVM's ONNX Runtime computed (onnx/target/onnx-golden/, from GoldenVectorsTest). Token
// ids and input tensors come from core on both sides, so they must match exactly; embeddings come from two
// builds of ONNX Runtime (native vs wasm) and must match within 1e-4.
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engram } from '../dist/index.js';
import { OnnxEncoder, type OrtModule } from '../dist/onnx.js';

const TOLERANCE = 1e-4;
const dir = process.env.ENGRAM_ONNX_GOLDEN ?? fileURLToPath(new URL('../../onnx/target/onnx-golden/', import.meta.url));

interface Golden {
  format: string;
  version: number;
  text: { text: string; ids: number[]; embedding: number[] }[];
  image: { width: number; height: number; rgba: string; tensor: number[]; embedding: number[] }[];
  audio: { sampleRate: number; samples: string; features: number[]; embedding: number[] }[];
}

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

let golden: Golden;
let memory: Engram;
const opts = { ort: ort as unknown as OrtModule };

beforeAll(async () => {
  let text: string;
  try {
    text = readFileSync(join(dir, 'golden.json'), 'utf8');
  } catch {
    throw new Error(`no ONNX golden files at ${dir}: run mvn -q -B -pl onnx -am verify first`);
  }
  golden = JSON.parse(text) as Golden;
  expect(golden.format).toBe('engram-onnx-golden');
  ort.env.wasm.numThreads = 1; // the shared test machine has two cores
  memory = await Engram.forNode();
});

describe('ONNX encoders through onnxruntime-web match the JVM', () => {
  it('text: same token ids, embeddings within 1e-4', async () => {
    const enc = await OnnxEncoder.fromFile(memory, join(dir, 'text.model'), opts);
    expect(enc.kind).toBe('text');
    expect(enc.dimension).toBe(16);
    for (const g of golden.text) {
      expect(Array.from(enc.tokens(g.text).ids), g.text).toEqual(g.ids);
      const v = await enc.encodeText(g.text);
      expect(maxDiff(v, g.embedding), g.text).toBeLessThan(TOLERANCE);
    }
    await enc.close();
  });

  it('image: same input tensor, embeddings within 1e-4', async () => {
    const enc = await OnnxEncoder.fromFile(memory, join(dir, 'image.model'), opts);
    expect(enc.dimension).toBe(12);
    for (const g of golden.image) {
      const image = { width: g.width, height: g.height, data: bytes(g.rgba) };
      expect(maxDiff(enc.imageTensor(image), g.tensor.map(Math.fround))).toBe(0);
      expect(maxDiff(await enc.encodeImage(image), g.embedding)).toBeLessThan(TOLERANCE);
    }
    await enc.close();
  });

  it('audio: same log-mel features, embeddings within 1e-4', async () => {
    const enc = await OnnxEncoder.fromFile(memory, join(dir, 'audio.model'), opts);
    expect(enc.dimension).toBe(10);
    for (const g of golden.audio) {
      const b = bytes(g.samples);
      const clip = { samples: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), sampleRate: g.sampleRate };
      expect(maxDiff(enc.audioFeatures(clip), g.features.map(Math.fround))).toBe(0);
      expect(maxDiff(await enc.encodeAudio(clip), g.embedding)).toBeLessThan(TOLERANCE);
    }
    await enc.close();
  });

  it('loads from bytes held in memory, as a browser would, importing onnxruntime-web itself', async () => {
    const enc = await OnnxEncoder.load(memory, {
      description: readFileSync(join(dir, 'text.model'), 'utf8'),
      model: readFileSync(join(dir, 'text.onnx')),
      vocab: readFileSync(join(dir, 'vocab.txt'), 'utf8'),
    }); // no options.ort: the optional peer is imported on first use
    expect(maxDiff(await enc.encodeText(golden.text[0].text), golden.text[0].embedding)).toBeLessThan(TOLERANCE);
    await expect(enc.encodeImage({ width: 1, height: 1, data: new Uint8Array(4) })).rejects.toThrow(/is described as a text model, not an image model/);
    await enc.close();
  });

  it('takes engram-onnx.wasm as a module, bytes or a path, and says when it cannot load it', async () => {
    const wasm = fileURLToPath(new URL('../dist/engram-onnx.wasm', import.meta.url));
    const bytes = readFileSync(wasm);
    const module = await (WebAssembly.compile as (b: BufferSource, o: object) => Promise<WebAssembly.Module>)(bytes, { builtins: ['js-string'] });
    for (const source of [module, bytes, wasm]) {
      const enc = await OnnxEncoder.fromFile(memory, join(dir, 'text.model'), { ...opts, wasm: source });
      expect(Array.from(enc.tokens(golden.text[0].text).ids)).toEqual(golden.text[0].ids);
      await enc.close();
    }
    await expect(OnnxEncoder.fromFile(memory, join(dir, 'text.model'), { ...opts, wasm: '/absent/engram-onnx.wasm' })).rejects.toThrow(/cannot read .*absent\/engram-onnx\.wasm/);
    await expect(OnnxEncoder.fromFile(memory, join(dir, 'text.model'), { ...opts, wasm: new Uint8Array(8) })).rejects.toThrow(/compiling engram-onnx\.wasm failed/);
  });

  it('says what is wrong with a model or its description', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'engram-onnx-'));
    try {
      for (const f of ['text.onnx', 'image.onnx', 'audio.onnx', 'vocab.txt']) copyFileSync(join(dir, f), join(tmp, f));
      const image = readFileSync(join(dir, 'image.model'), 'utf8');
      const text = readFileSync(join(dir, 'text.model'), 'utf8');
      const cases: [string, string, RegExp][] = [
        ['absent.model', image.replace('image.onnx', 'absent.onnx'), /model file .*absent\.onnx does not exist/],
        ['garbage.model', image.replace('image.onnx', 'vocab.txt'), /is not an ONNX model onnxruntime can load/],
        ['name.model', image.replace('input = pixel_values', 'input = pixels'), /has no input 'pixels'; its inputs are \[pixel_values\]/],
        ['shape.model', image.replace('image.crop = 8', 'image.crop = 6'), /has shape \[1, 3, 8, 8\], engram feeds \[1, 3, 6, 6\]/],
        ['types.model', text + 'text.token_type_ids = none\n', /needs input 'token_type_ids', which the model description does not feed/],
        ['int32.model', text + 'text.ids = int32\n', /takes int64, engram feeds int32 \(set text.ids = int64\)/],
        ['dim.model', image + 'dimension = 384\n', /has 12 values per vector, the description says dimension = 384/],
        ['typo.model', 'kind = text\nmodle = text.onnx\n', /line 2: unknown key 'modle'/],
      ];
      for (const [name, description, message] of cases) {
        writeFileSync(join(tmp, name), description);
        await expect(OnnxEncoder.fromFile(memory, join(tmp, name), opts), name).rejects.toThrow(message);
      }
      await expect(OnnxEncoder.fromFile(memory, join(tmp, 'none.model'), opts)).rejects.toThrow(/model description .*none\.model does not exist/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

// onnxruntime-node is not a dependency: its install script fetches CUDA binaries from api.nuget.org, which
// this project's machines cannot reach. Its CPU build ships in the npm package, so it works when installed
// with `ONNXRUNTIME_NODE_INSTALL=skip npm i --no-save onnxruntime-node`; this check runs where it is.
let ortNode: OrtModule | null = null;
try {
  ortNode = (await import(/* @vite-ignore */ ['onnxruntime', 'node'].join('-'))) as unknown as OrtModule;
} catch {
  ortNode = null;
}

describe.skipIf(ortNode === null)('ONNX encoders through onnxruntime-node match the JVM', () => {
  it('text, image and audio embeddings within 1e-4', async () => {
    const options = { ort: ortNode! };
    const text = await OnnxEncoder.fromFile(memory, join(dir, 'text.model'), options);
    for (const g of golden.text) expect(maxDiff(await text.encodeText(g.text), g.embedding)).toBeLessThan(TOLERANCE);
    const image = await OnnxEncoder.fromFile(memory, join(dir, 'image.model'), options);
    for (const g of golden.image) {
      expect(maxDiff(await image.encodeImage({ width: g.width, height: g.height, data: bytes(g.rgba) }), g.embedding)).toBeLessThan(TOLERANCE);
    }
    const audio = await OnnxEncoder.fromFile(memory, join(dir, 'audio.model'), options);
    for (const g of golden.audio) {
      const b = bytes(g.samples);
      const clip = { samples: new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4), sampleRate: g.sampleRate };
      expect(maxDiff(await audio.encodeAudio(clip), g.embedding)).toBeLessThan(TOLERANCE);
    }
  });
});
