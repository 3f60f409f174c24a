// Frame benchmark of the web lab's explorer with the scaled brain running in the tab (static build: the
// brain steps in a Web Worker through the npm package). Headless Chromium here has no GPU, so frames/s is
// SwiftShader's software drawing and says little about a laptop; what carries over is the main thread's
// work per frame (scene updates and WebGL calls, measured by the explorer itself) against the 16.7 ms
// that 60 frames/s allows, and whether the page ever blocks (long tasks over 50 ms).
//
// Run: cd web-lab && npm run build:static && node scripts/frame-bench.mjs [seconds=15] [--json]
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStatic } from './static-host.mjs';

const lab = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const seconds = Number(args.find((a) => !a.startsWith('--')) ?? 15);
if (!(seconds >= 1 && seconds <= 600)) {
  console.error('usage: node scripts/frame-bench.mjs [seconds 1..600] [--json]');
  process.exit(2);
}
const site = join(lab, 'site');
if (!existsSync(join(site, 'engram', 'engram.wasm'))) {
  console.error('site/ is not built: run npm run build:static first');
  process.exit(2);
}

const server = await startStatic(site, 0);
const port = server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 60_000 });
  if (await page.evaluate(() => document.body.dataset.brain) !== 'live') {
    throw new Error('this npm build runs no brain in the tab (document.body.dataset.brain is not "live")');
  }
  await page.locator('#brain').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.body.dataset.brainTime ?? 0) > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(2000); // past the first frames and the brain's first burst

  const read = () => page.evaluate(() => {
    const canvas = document.querySelector('canvas#brain');
    return {
      now: performance.now(),
      frames: Number(canvas?.dataset.frames ?? 0),
      brainMs: Number(document.body.dataset.brainTime ?? 0),
      workP50: Number(canvas?.dataset.frameWorkP50 ?? NaN),
      workP95: Number(canvas?.dataset.frameWorkP95 ?? NaN),
    };
  });
  const start = await read();
  await page.waitForTimeout(seconds * 1000);
  const end = await read();
  const longTasks = await page.evaluate((from) => window.__longTasks.filter((t) => t.at >= from), start.now);
  const wallS = (end.now - start.now) / 1000;
  const result = {
    seconds: Number(wallS.toFixed(1)),
    framesPerSecond: Number(((end.frames - start.frames) / wallS).toFixed(1)),
    frameWorkP50Ms: end.workP50,
    frameWorkP95Ms: end.workP95,
    brainMsPerSecond: Math.round((end.brainMs - start.brainMs) / wallS),
    longTasks: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks.map((t) => t.ms))),
    chromium: browser.version(),
  };
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`explorer with the in-tab brain, ${result.seconds} s in headless Chromium ${result.chromium} (SwiftShader, no GPU):`);
    console.log(`  ${result.framesPerSecond} frames/s drawn; main-thread work per frame p50 ${result.frameWorkP50Ms} ms, p95 ${result.frameWorkP95Ms} ms (60 frames/s allows 16.7)`);
    console.log(`  brain: ${result.brainMsPerSecond} ms of brain time per second in the Worker`);
    console.log(`  long tasks (> 50 ms) on the main thread: ${result.longTasks}, longest ${result.longestTaskMs} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
