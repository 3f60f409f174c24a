// Cold start in headless Chromium: time from import() of the package to the first answer, measured in
// the page, each run in a fresh browser context (its own HTTP and code caches) of one browser.
//   node scripts/coldstart-browser.mjs [runs=9]     (needs dist/ and /usr/bin/chromium, or CHROMIUM=path)
// dist/ is served with Content-Type application/wasm, so forBrowser compiles while the bytes stream.
// Prints one JSON line: every run, the median, and the median of each phase (import of index.js,
// forBrowser = fetch + compile + instantiate, first observe + get), and, side by side in the same fresh
// context just before, the time to import an empty module: the browser's own share of any import.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`coldstart-browser: no Chromium at ${CHROMIUM} (source scripts/tools.sh && ensure_chromium)`);
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 9);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`coldstart-browser: runs must be a positive whole number, got ${process.argv[2]}`);
  process.exit(1);
}
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><link rel="icon" href="data:,"><title>cold</title>');
    return;
  }
  if (path === '/empty.js') {
    // The baseline: what importing any module costs in a fresh context, engram or not.
    res.writeHead(200, { 'content-type': 'text/javascript' }).end('export const ready = true;');
    return;
  }
  const file = normalize(join(dist, path.slice(1)));
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
});
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + '/');
    // Page code as a string, so nothing rewrites its import().
    const baseline = await page.evaluate(`(async () => {
      const t0 = performance.now();
      await import('/empty.js');
      return performance.now() - t0;
    })()`);
    results.push(await page.evaluate(`(async () => {
      const t0 = performance.now();
      const { Engram } = await import('/index.js');
      const t1 = performance.now();
      const memory = await Engram.forBrowser();
      const t2 = performance.now();
      memory.observe('user:42', 'The deploy region is us-west-2.');
      const answer = memory.get('user:42', "what's the deploy region?");
      const t3 = performance.now();
      if (answer !== 'us-west-2') throw new Error('wrong answer ' + answer);
      return [t3 - t0, t1 - t0, t2 - t1, t3 - t2];
    })()`).then((r) => [...r, baseline]));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const round = (x) => Math.round(x * 10) / 10;
const median = (xs) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
console.log(JSON.stringify({
  bench: 'coldstart-chromium',
  chromium: browser.version(),
  runsMs: results.map((r) => round(r[0])),
  medianMs: median(results.map((r) => r[0])),
  emptyModuleImportMedianMs: median(results.map((r) => r[4])),
  phasesMedianMs: {
    import: median(results.map((r) => r[1])),
    forBrowser: median(results.map((r) => r[2])),
    firstAnswer: median(results.map((r) => r[3])),
  },
}));
