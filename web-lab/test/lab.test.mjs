// Headless Chromium test of the web-lab page as `./engram serve` serves it: the page loads the npm build
// in the tab, a fact is observed and asked for through the form, the answer shows, memory never calls
// the server, and no console error appears. Screenshots go to test-artifacts/ at the repository root.
//
// Run (Node >= 22, /usr/bin/chromium): cd web-lab && npm ci && npm test
// Environment: ENGRAM_NPM_DIST=DIR serves another npm build at /engram/ (default: the checkout's npm/dist);
//              ENGRAM_START_TIMEOUT_S (default 600) bounds the first start, which may build the jar and npm package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
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

test('web-lab: observe a fact and ask for it, in the tab, with no console error', { timeout: startTimeoutMs + 120_000 }, async (t) => {
  const port = await freePort();
  const db = await mkdtemp(join(tmpdir(), 'engram-lab-'));
  t.after(() => rm(db, { recursive: true, force: true }));
  const server = await startEngram(port, db);
  t.after(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-dev-shm-usage', '--no-first-run'],
  });
  t.after(() => browser.close());
  const page = await browser.newPage();

  const problems = [];
  const memoryCalls = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/')) memoryCalls.push(request.url());
  });

  const response = await page.goto(`http://127.0.0.1:${port}/`);
  if (!response.ok()) {
    const text = await page.locator('body').innerText();
    assert.fail(`GET / answered ${response.status()}: ${text}\nserver log:\n${server.log()}`);
  }
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') {
    const shown = await page.locator('#error').textContent();
    assert.fail(`the page did not load memory: ${shown}\n${problems.join('\n')}\nserver log:\n${server.log()}`);
  }

  // Everything through labels, the keyboard and the visible buttons, as a person would.
  const fact = page.getByLabel('Fact', { exact: true });
  await fact.fill('The deploy region is us-west-2.');
  await page.getByRole('button', { name: 'Observe', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Stored' }).waitFor();
  await fact.fill('The cache is Redis.');
  await fact.press('Control+Enter'); // the keyboard path stores too
  await page.locator('#taught li').nth(1).waitFor();

  const question = page.getByLabel('Question', { exact: true });
  await question.fill('What is the deploy region?');
  await question.press('Enter');
  const answer = page.locator('#answer');
  await answer.filter({ hasText: 'us-west-2' }).waitFor({ timeout: 10_000 });
  assert.equal((await answer.textContent()).trim(), 'us-west-2');

  await question.fill('What is the cache?');
  await question.press('Enter');
  await answer.filter({ hasText: 'Redis' }).waitFor({ timeout: 10_000 });

  await question.fill('What is the api key?');
  await question.press('Enter');
  await answer.filter({ hasText: 'no answer' }).waitFor({ timeout: 10_000 });

  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'web-lab-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways on a 390 px wide phone screen (${overflow} px too wide)`);
  await page.screenshot({ path: join(artifacts, 'web-lab-phone.png'), fullPage: true });

  assert.deepEqual(memoryCalls, [], 'memory must run in the tab, not through the server API');
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
});
