// A static server for the browser test, laid out as the JVM server lays it out: the package's dist/
// under /engram/ (the contract web-lab relies on), plus the test page, the replayer and the golden file.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.html': 'text/html',
};

export async function serve(goldenPath: string): Promise<{ server: Server; origin: string }> {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const replayer = transformSync(readFileSync(new URL('../golden.ts', import.meta.url), 'utf8'), {
    loader: 'ts',
    format: 'esm',
  }).code;
  const pages: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', '<!doctype html><link rel="icon" href="data:,"><title>engram golden</title>'],
    '/replay.js': ['text/javascript', replayer],
    '/golden.json': ['application/json', readFileSync(goldenPath)],
    '/golden-knowledge.json': ['application/json', readFileSync(goldenPath.replace(/memory\.json$/, 'knowledge.json'))],
    '/golden-brain.json': ['application/json', readFileSync(goldenPath.replace(/memory\.json$/, 'brain.json'))],
    '/worker.js': ['text/javascript', WORKER],
    '/persist-worker.js': ['text/javascript', PERSIST_WORKER],
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let body = pages[path];
    if (!body && path.startsWith('/engram/')) {
      const file = normalize(join(dist, path.slice('/engram/'.length)));
      if (file.startsWith(dist)) {
        try {
          body = [TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file)];
        } catch {
          // falls through to 404
        }
      }
    }
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': body[0] }).end(body[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** The same replay inside a module Web Worker: the Worker path must match the main thread call for call. */
const WORKER = `
import { Engram } from '/engram/index.js';
import { replay } from '/replay.js';
const golden = await (await fetch('/golden.json')).json();
const memory = await Engram.forBrowser();
const problems = replay(memory, golden);
const faces = {};
for (const name of ['knowledge', 'brain']) {
  const file = await (await fetch('/golden-' + name + '.json')).json();
  faces[name] = { steps: file.steps.length, problems: replay(await Engram.forBrowser(), file) };
}
postMessage({ steps: golden.steps.length, problems, faces });
`;

/** Saves and loads through both browser stores inside a module Web Worker (OPFS and IndexedDB exist there too). */
const PERSIST_WORKER = `
import { Engram, indexedDbStore, opfsStore } from '/engram/index.js';
const a = await Engram.forBrowser();
a.observe('w', 'The owner of Aurora is Kim Lee.');
const out = {};
for (const [name, store] of [['opfs', opfsStore('worker.engram')], ['idb', indexedDbStore('engram-worker', 'memory')]]) {
  await a.saveTo(store);
  const b = await Engram.forBrowser();
  await b.loadFrom(store);
  out[name] = b.get('w', 'who owns Aurora?');
}
postMessage(out);
`;
