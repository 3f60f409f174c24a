// Headless Chromium tests of the web lab, in both of its homes:
//   served:  `./engram serve` serves the page; memory, knowledge and the brain run on the server.
//   static:  site/ (npm run build:static) from a tiny Node static server; memory and the dispatcher run
//            in the tab, and the brain explorer shows that it needs the server.
// Each checks the page through labels and buttons as a person would, reads the explorer's pixels back,
// watches its frame counter advance, and fails on any console error. Screenshots go to test-artifacts/.
//
// Run (Node >= 22, /usr/bin/chromium): cd web-lab && npm ci && npm test   (npm test builds site/ first)
// Environment: ENGRAM_NPM_DIST=DIR serves another npm build at /engram/ (default: the checkout's npm/dist);
//              ENGRAM_START_TIMEOUT_S (default 600) bounds the first start, which may build the jar and npm package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStatic } from '../scripts/static-host.mjs';

const lab = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(lab, '..');
const artifacts = join(root, 'test-artifacts');
const startTimeoutMs = Number(process.env.ENGRAM_START_TIMEOUT_S ?? 600) * 1000;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startEngram(port, db) {
  const args = ['serve', '--port', String(port), '--db', db];
  if (process.env.ENGRAM_NPM_DIST) args.push('--npm-dist', process.env.ENGRAM_NPM_DIST);
  const child = spawn(join(root, 'engram'), args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (early) throw new Error(`engram serve exited (${early.code ?? early.signal}) before it answered:\n${log}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return { child, exited, log: () => log };
    } catch {
      // not listening yet
    }
  }
  child.kill('SIGKILL');
  throw new Error(`engram serve did not answer /healthz within ${startTimeoutMs / 1000} s:\n${log}`);
}

/** A stand-in chat model: OpenAI's /v1/chat/completions and Ollama's /api/chat, with CORS, recording requests. */
function startFakeModel(port) {
  const seen = [];
  const server = createHttpServer((request, response) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const json = JSON.parse(body);
      seen.push({ path: request.url, auth: request.headers.authorization ?? null, body: json });
      const content = `fake ${json.model} says the sea is wide`;
      const reply = request.url === '/api/chat'
        ? { model: json.model, message: { role: 'assistant', content }, done: true }
        : { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] };
      response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r({ server, seen })));
}

let browser;
/** `engram serve` starts (about 8 s: the JVM and a 20,000-neuron brain) while the static tests run. */
let engram;
before(async () => {
  engram = (async () => {
    const port = await freePort();
    const db = await mkdtemp(join(tmpdir(), 'engram-lab-'));
    return { port, db, server: await startEngram(port, db) };
  })();
  engram.catch(() => {}); // reported by the served test, which awaits it
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // WebGL through SwiftShader (software): headless Chromium here has no GPU.
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
});
after(async () => {
  await browser?.close();
  const started = await engram?.catch(() => null);
  if (started) {
    started.server.child.kill('SIGTERM');
    await started.server.exited;
    await rm(started.db, { recursive: true, force: true });
  }
});

/** A page that records every console error, page error, failed request and HTTP error status. */
async function watchedPage(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  const apiCalls = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v1/') || url.pathname === '/healthz') apiCalls.push(url.href);
  });
  return { page, context, problems, apiCalls };
}

async function waitReady(page, problems, log = () => '') {
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') {
    const shown = await page.locator('#error').textContent();
    assert.fail(`the page did not load engram: ${shown}\n${problems.join('\n')}\n${log()}`);
  }
}

/** Sends a chat message and returns the new turn once it has a route. */
async function chat(page, text) {
  const turns = page.locator('#turns > li');
  const before = await turns.count();
  const message = page.getByLabel('Message', { exact: false });
  await message.fill(text);
  await message.press('Enter');
  const turn = turns.nth(before);
  await turn.and(page.locator('[data-route]')).waitFor({ timeout: 15_000 });
  return turn;
}

/** The explorer draws: pixels differ from the clear colour, and the frame counter advances. */
async function checkExplorer(page) {
  await page.waitForFunction(() => document.body.dataset.explorer === 'running', null, { timeout: 20_000 });
  await page.locator('#brain').scrollIntoViewIfNeeded(); // nothing is drawn while the canvas is off screen
  const first = Number(await page.locator('#brain').getAttribute('data-frames'));
  await page.waitForTimeout(700);
  const second = Number(await page.locator('#brain').getAttribute('data-frames'));
  assert.ok(second > first, `the frame loop did not advance (${first} then ${second} frames)`);
  const lit = await page.evaluate(() => {
    const source = document.getElementById('brain');
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      // the clear colour is #0b1020; count pixels clearly brighter than it
      if (Math.abs(data[i] - 0x0b) + Math.abs(data[i + 1] - 0x10) + Math.abs(data[i + 2] - 0x20) > 60) count++;
    }
    return { count, total: data.length / 4 };
  });
  assert.ok(lit.count > 500, `the explorer canvas is blank: ${lit.count} of ${lit.total} pixels drawn`);
  return lit;
}

/** Learn a text, see new concepts in the graph, then ask and see the tagged answer card and the recall pulses. */
async function learnAndAsk(page) {
  const conceptsBefore = Number(await page.evaluate(() => document.body.dataset.concepts ?? 0));
  await page.getByLabel('Topic', { exact: true }).fill('astronomy');
  await page.getByRole('textbox', { name: /^Text/ }).fill(
    'The Sun is a star. Mars is a planet. Mars orbits the Sun. Jupiter is a planet. Jupiter orbits the Sun. '
      + 'Phobos is a moon. Phobos orbits Mars. A planet is a celestial body.');
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await page.locator('#learn-status', { hasText: 'Learned' }).waitFor({ timeout: 20_000 });
  await page.waitForFunction((n) => Number(document.body.dataset.concepts ?? 0) > n, conceptsBefore, { timeout: 20_000 });
  await page.locator('#topics li', { hasText: 'astronomy' }).waitFor();
  await page.getByLabel('Show the knowledge graph').check();
  await page.getByLabel('Ask the knowledge graph').fill('What does Phobos orbit?');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  const card = page.locator('#card');
  await card.waitFor();
  assert.match(await page.locator('#card-answer').innerText(), /Mars/);
  await page.locator('#card-tags .tag', { hasText: '[explicit]' }).first().waitFor();
  const pulses = Number(await page.evaluate(() => document.body.dataset.recallPulses));
  assert.ok(pulses > 0, 'the recall played no pulses through the graph');
}

/** The brain loop (a Worker in either back-end) advances brain time and fills the regions and modulators. */
async function checkBrainLoop(page) {
  await page.waitForFunction(() => Number(document.body.dataset.brainTime ?? 0) > 0, null, { timeout: 20_000 });
  assert.equal(await page.locator('#regions tr').count(), 10);
  await page.locator('#modulators meter').first().waitFor();
}

/** axe-core's WCAG 2.1 A and AA rules (labels, names, contrast, ...) over the whole page as it stands. */
async function checkAccessibility(page, what) {
  await page.addScriptTag({ path: join(lab, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility problems (${what}):\n${violations.join('\n')}`);
}

async function phoneCheck(page, name) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways on a 390 px wide phone screen (${overflow} px too wide)`);
  await page.screenshot({ path: join(artifacts, `web-lab-${name}-phone.png`), fullPage: true });
}

test('static build from a plain static host: memory and the dispatcher in the tab', { timeout: 240_000 }, async (t) => {
  const site = join(lab, 'site');
  await stat(join(site, 'engram', 'engram.wasm')).catch(() => assert.fail('site/ is not built: run npm run build:static'));
  const port = await freePort();
  const server = await startStatic(site, port);
  t.after(() => new Promise((r) => server.close(r)));
  const { page, context, problems, apiCalls } = await watchedPage({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());

  await page.goto(`http://127.0.0.1:${port}/`);
  await waitReady(page, problems);
  assert.equal(await page.evaluate(() => document.body.dataset.backend), 'tab');
  // An npm build with engram.knowledge and engram.brain runs them here too (the brain in the Worker);
  // one without them makes the explorer say they need the server, and its forms stay off.
  const brain = await page.evaluate(() => document.body.dataset.brain);
  t.diagnostic(`knowledge and brain in the tab: ${brain === 'live' ? 'present, exercised' : 'absent in this npm build, "needs the server" checked'}`);
  if (brain === 'live') {
    await checkBrainLoop(page);
    await learnAndAsk(page);
  } else {
    assert.equal(brain, 'needs-server');
    await page.locator('#brain-note', { hasText: /needs? the server/ }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Ask', exact: true }).isDisabled());
    assert.ok(await page.getByRole('button', { name: 'Learn', exact: true }).isDisabled());
  }

  const stored = await chat(page, 'The deploy region is us-west-2.');
  assert.equal(await stored.getAttribute('data-route'), 'STORE');
  const answered = await chat(page, 'What is the deploy region?');
  assert.equal(await answered.getAttribute('data-route'), 'ANSWER');
  assert.match(await answered.locator('.reply').innerText(), /us-west-2/);
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor();

  // Memory only: what memory cannot answer is routed, and the reply says where it would go.
  const poem = await chat(page, 'Write a poem about the sea.');
  assert.equal(await poem.getAttribute('data-route'), 'ESCALATE');
  assert.match(await poem.locator('.reply').innerText(), /would ESCALATE/);
  const weather = await chat(page, 'What is the weather in Paris today?');
  assert.equal(await weather.getAttribute('data-route'), 'FETCH');
  assert.match(await weather.locator('.reply').innerText(), /would FETCH/);

  // An OpenAI-compatible endpoint, then Ollama: the model gets the turns memory cannot answer, with the
  // recalled facts in its system prompt; what memory can answer never reaches it.
  const model = await startFakeModel(await freePort());
  t.after(() => new Promise((r) => model.server.close(r)));
  const modelUrl = `http://127.0.0.1:${model.server.address().port}`;
  await page.getByLabel('OpenAI-compatible endpoint').check();
  await page.getByLabel('Endpoint URL').fill(`${modelUrl}/v1`);
  await page.getByLabel('Model name').fill('tiny');
  await page.getByLabel('API key', { exact: false }).fill('sk-test');
  const escalated = await chat(page, 'Write a poem about the deploy region.');
  assert.match(await escalated.locator('.reply').innerText(), /fake tiny says the sea is wide/);
  assert.match(await escalated.locator('.meta').innerText(), /answered by 127\.0\.0\.1:\d+ tiny · route [\d.]+ ms · recall [\d.]+ ms · model [\d.]+ ms/);
  assert.equal(model.seen.at(-1).path, '/v1/chat/completions');
  assert.equal(model.seen.at(-1).auth, 'Bearer sk-test');
  assert.match(model.seen.at(-1).body.messages[0].content, /us-west-2/, 'the recalled facts must reach the model');
  const calls = model.seen.length;
  const fromMemory = await chat(page, 'What is the deploy region?');
  assert.match(await fromMemory.locator('.meta').innerText(), /answered by memory/);
  assert.equal(model.seen.length, calls, 'a turn memory answers must not call the model');
  await page.getByLabel('Ollama').check();
  await page.getByLabel('Endpoint URL').fill(modelUrl);
  await page.getByLabel('Model name').fill('llama3.2');
  const ollama = await chat(page, 'Write a poem about the sea.');
  assert.match(await ollama.locator('.reply').innerText(), /fake llama3\.2 says/);
  assert.equal(model.seen.at(-1).path, '/api/chat');
  await page.getByLabel('Memory only', { exact: false }).check();

  // Export engram's binary snapshot, forget the fact, import the snapshot: the fact is back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export snapshot' }).click()]);
  const file = join(artifacts, 'web-lab-static.snapshot');
  await download.saveAs(file);
  assert.ok((await stat(file)).size > 16, 'the exported snapshot is empty');
  await page.getByRole('button', { name: 'Forget “The deploy region is us-west-2.”' }).click();
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor({ state: 'detached' });
  await page.locator('#import').setInputFiles(file);
  await page.locator('#snapshot-status', { hasText: 'loaded the snapshot' }).waitFor();
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor();

  await checkExplorer(page);
  await checkAccessibility(page, 'static build, light scheme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkAccessibility(page, 'static build, dark scheme');
  await page.screenshot({ path: join(artifacts, 'web-lab-static-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(artifacts, 'web-lab-static-desktop.png'), fullPage: true });
  await phoneCheck(page, 'static');
  const ownOrigin = apiCalls.filter((url) => url.startsWith(`http://127.0.0.1:${port}/`));
  assert.deepEqual(ownOrigin, [], 'the static build must not call a server API');
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
});

test('WebLLM: with WebGPU present the model can be picked, and a failed load falls back to memory only', { timeout: 120_000 }, async (t) => {
  const site = join(lab, 'site');
  const port = await freePort();
  const server = await startStatic(site, port);
  t.after(() => new Promise((r) => server.close(r)));
  const { page, context, problems } = await watchedPage();
  t.after(() => context.close());
  // Headless Chromium has navigator.gpu but no adapter. Stand in for a GPU that is there when the page
  // looks (so WebLLM is offered) and gone when the model loads (so the loader's failure path runs).
  await page.addInitScript(() => {
    let calls = 0;
    Object.defineProperty(navigator, 'gpu', { value: { requestAdapter: async () => (calls++ === 0 ? {} : null) }, configurable: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await waitReady(page, problems);
  assert.equal(await page.evaluate(() => document.body.dataset.webgpu), 'true');
  assert.ok(await page.getByLabel('WebLLM in this tab').isEnabled());
  await page.getByLabel('WebLLM model', { exact: true }).selectOption('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  await page.getByRole('button', { name: 'Load model' }).click();
  await page.locator('#model-status', { hasText: 'Falling back to memory only' }).waitFor();
  assert.match(await page.locator('#model-status').innerText(), /no GPU adapter/);
  assert.ok(await page.getByLabel('Memory only', { exact: false }).isChecked());
  const turn = await chat(page, 'What is the deploy region?');
  assert.match(await turn.locator('.meta').innerText(), /answered by memory/);
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
});

test('served by engram serve: chat, memory panel, learn, ask, live brain', { timeout: startTimeoutMs + 120_000 }, async (t) => {
  const { port, server } = await engram;
  const { page, context, problems } = await watchedPage({ viewport: { width: 1400, height: 1000 } });
  t.after(() => context.close());

  const response = await page.goto(`http://127.0.0.1:${port}/`);
  assert.ok(response.ok(), `GET / answered ${response.status()}\n${server.log()}`);
  await waitReady(page, problems, server.log);
  assert.equal(await page.evaluate(() => document.body.dataset.backend), 'server');

  // WebGPU is absent in headless Chromium: WebLLM is offered but disabled, with the reason, and memory-only is on.
  assert.equal(await page.evaluate(() => document.body.dataset.webgpu), 'false');
  await assert.doesNotReject(page.getByText('WebGPU is not available in this browser').waitFor());
  assert.ok(await page.getByLabel('WebLLM in this tab').isDisabled());
  assert.ok(await page.getByLabel('Memory only', { exact: false }).isChecked());

  // Memory panel: observe through the form (keyboard path), see the fact with its strength.
  const fact = page.getByLabel('Fact', { exact: true });
  await fact.fill('The deploy region is us-west-2.');
  await fact.press('Control+Enter');
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor();
  assert.match(await page.locator('#facts li', { hasText: 'us-west-2' }).innerText(), /strength \d/);

  // Chat: a question memory holds is answered by the dispatcher, with route, facts and latencies.
  const answered = await chat(page, 'What is the deploy region?');
  assert.equal(await answered.getAttribute('data-route'), 'ANSWER');
  assert.match(await answered.locator('.reply').innerText(), /us-west-2/);
  assert.match(await answered.locator('.meta').innerText(), /route [\d.]+ ms · recall [\d.]+ ms · total [\d.]+ ms/);
  const stored = await chat(page, 'The cache is Redis.');
  assert.equal(await stored.getAttribute('data-route'), 'STORE');
  await page.locator('#facts li', { hasText: 'Redis' }).waitFor();
  const cache = await chat(page, 'What is the cache?');
  assert.match(await cache.locator('.reply').innerText(), /Redis/);

  // Variables and forget.
  await page.getByLabel('Variable name').fill('owner');
  await page.getByLabel('Variable value').fill('Kim');
  await page.getByRole('button', { name: 'Set variable' }).click();
  await page.locator('#vars tr', { hasText: 'Kim' }).waitFor();
  await page.getByRole('button', { name: 'Forget “The cache is Redis.”' }).click();
  await page.locator('#facts li', { hasText: 'Redis' }).waitFor({ state: 'detached' });

  // Export the lab's JSON export (the server has no snapshot endpoint), forget, import: the fact is back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export snapshot' }).click()]);
  const file = join(artifacts, 'web-lab-served-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.format, 'engram-lab-export');
  assert.deepEqual(exported.scopes.lab.vars, { owner: 'Kim' });
  assert.ok(exported.scopes.lab.notes.some((n) => n.text === 'The deploy region is us-west-2.'), JSON.stringify(exported));
  await page.getByRole('button', { name: 'Forget “The deploy region is us-west-2.”' }).click();
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor({ state: 'detached' });
  await page.locator('#import').setInputFiles(file);
  await page.locator('#snapshot-status', { hasText: 'imported 1 note and 1 variable into 1 scope' }).waitFor();
  await page.locator('#facts li', { hasText: 'us-west-2' }).waitFor();

  // The explorer renders and its frame loop runs; the brain loop (a Worker) advances brain time.
  await checkExplorer(page);
  await checkBrainLoop(page);

  await learnAndAsk(page);
  await page.waitForTimeout(600); // let the pulses travel before the screenshot
  await checkExplorer(page);

  await checkAccessibility(page, 'served, after a chat, learning and a question');
  await page.screenshot({ path: join(artifacts, 'web-lab-served-desktop.png'), fullPage: true });
  await page.locator('#brain').screenshot({ path: join(artifacts, 'web-lab-served-explorer.png') });
  await phoneCheck(page, 'served');
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
});
