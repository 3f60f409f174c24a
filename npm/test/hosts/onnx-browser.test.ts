// engram/onnx in headless Chromium: onnxruntime-web's wasm build (served from node_modules, as a page
// would load it without a bundler and pass it as options.ort) runs the tiny models the JVM tests wrote
// (onnx/target/onnx-golden/), fed by core's tokenizer and pre-processing from engram-onnx.wasm (fetched
// from beside onnx.js, once, when the first encoder loads). Ids and input tensors must match the JVM's
// exactly, embeddings within 1e-4. Any console error fails the test.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ROOTS: Record<string, string> = {
  '/engram/': fileURLToPath(new URL('../../dist/', import.meta.url)),
  '/ort/': fileURLToPath(new URL('../../node_modules/onnxruntime-web/dist/', import.meta.url)),
  '/golden/': process.env.ENGRAM_ONNX_GOLDEN ?? fileURLToPath(new URL('../../../onnx/target/onnx-golden/', import.meta.url)),
};
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

let browser: Browser;
let server: Server;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: source scripts/tools.sh && ensure_chromium`);
  if (!existsSync(join(ROOTS['/golden/'], 'golden.json'))) throw new Error(`no ONNX golden files in ${ROOTS['/golden/']}: run mvn -q -B -pl onnx -am verify first`);
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requested.push(path);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><link rel="icon" href="data:,"><title>engram onnx</title>');
      return;
    }
    for (const [prefix, root] of Object.entries(ROOTS)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(root, path.slice(prefix.length)));
      if (file.startsWith(root) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('engram/onnx in headless Chromium', () => {
  it('matches the JVM: ids and tensors exactly, embeddings within 1e-4', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin + '/');
    // Page code goes in as a string: Vitest would rewrite a dynamic import() inside a function.
    const out = (await page.evaluate(`(async () => {
      const ort = await import('/ort/ort.wasm.min.mjs');
      ort.env.wasm.wasmPaths = '/ort/';
      ort.env.wasm.numThreads = 1;
      const { Engram } = await import('/engram/index.js');
      const { OnnxEncoder } = await import('/engram/onnx.js');
      const memory = await Engram.forBrowser();
      const golden = await (await fetch('/golden/golden.json')).json();
      const text = async (f) => (await fetch('/golden/' + f)).text();
      const bytes = async (f) => new Uint8Array(await (await fetch('/golden/' + f)).arrayBuffer());
      const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const diff = (a, b) => { let d = 0; for (let i = 0; i < b.length; i++) d = Math.max(d, Math.abs(a[i] - b[i])); return a.length === b.length ? d : Infinity; };
      const same = (a, b) => a.length === b.length && Array.from(a).every((x, i) => x === Math.fround(b[i]));
      const load = async (kind, vocab) => OnnxEncoder.load(memory,
        { description: await text(kind + '.model'), model: await bytes(kind + '.onnx'), vocab: vocab ? await text('vocab.txt') : undefined }, { ort });
      const out = { text: 0, image: 0, audio: 0, idsSame: true, tensorsSame: true, count: 0 };
      const t = await load('text', true);
      for (const g of golden.text) {
        out.idsSame &&= same(t.tokens(g.text).ids, g.ids);
        out.text = Math.max(out.text, diff(await t.encodeText(g.text), g.embedding));
        out.count++;
      }
      const im = await load('image');
      for (const g of golden.image) {
        const image = { width: g.width, height: g.height, data: b64(g.rgba) };
        out.tensorsSame &&= same(im.imageTensor(image), g.tensor);
        out.image = Math.max(out.image, diff(await im.encodeImage(image), g.embedding));
        out.count++;
      }
      const au = await load('audio');
      for (const g of golden.audio) {
        const b = b64(g.samples);
        const clip = { samples: new Float32Array(b.buffer, 0, b.length / 4), sampleRate: g.sampleRate };
        out.tensorsSame &&= same(au.audioFeatures(clip), g.features);
        out.audio = Math.max(out.audio, diff(await au.encodeAudio(clip), g.embedding));
        out.count++;
      }
      return out;
    })()`)) as { text: number; image: number; audio: number; idsSame: boolean; tensorsSame: boolean; count: number };
    console.log(`chromium onnx: ${out.count} inputs; largest |browser - jvm| text ${out.text}, image ${out.image}, audio ${out.audio}`);
    expect(out.count).toBe(12);
    expect(out.idsSame).toBe(true);
    expect(out.tensorsSame).toBe(true);
    expect(out.text).toBeLessThan(1e-4);
    expect(out.image).toBeLessThan(1e-4);
    expect(out.audio).toBeLessThan(1e-4);
    expect(errors).toEqual([]);
    expect(requested.filter((p) => p === '/engram/engram-onnx.wasm')).toHaveLength(1); // one module for three encoders
    await page.close();
  });
});
