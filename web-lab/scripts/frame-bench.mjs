// Frame benchmark of the web lab's explorer with the scaled brain running in the tab (static build: the
// brain steps in a Web Worker through the npm package). Headless Chromium here draws WebGL in software
// (SwiftShader, named in the output when it is), so frames/s says little about a laptop; what carries over
// is the page's main-thread work against the 16.7 ms a frame gets at 60 frames/s, and whether the page
// ever blocks (long tasks over 50 ms).
//
// Each round loads the page afresh and measures two windows of `seconds` each:
//   brain: the whole brain in view, the brain stepping in the Worker;
//   graph: a text is learned, the knowledge graph shown, and a question asked every 2.5 s (pulses).
// Measured from outside the page's code, so any build can be compared with any other:
//   frame script: the time of each requestAnimationFrame callback (scene updates, labels, three.js render
//                 calls), p50/p95/p99/max over every frame of every round;
//   main thread:  busy ms per second and per frame (CDP Performance metrics: all tasks, with script,
//                 style and layout), which adds the style, layout and paint the frame's DOM writes cause;
//   long tasks:   PerformanceObserver 'longtask' entries over 50 ms inside the windows; and, from a Chromium
//                 trace of each window, every main-thread task over 50 ms split into its CPU time, its
//                 time blocked on the GPU process (a synchronous WebGL query such as a shader's link
//                 status, a full command buffer, a new context) and the rest (the thread descheduled by
//                 a loaded machine). --no-trace skips the trace;
//   load:         the machine's 1-minute load average before and after each window.
//
// Run:      cd web-lab && npm run build:static && npm run bench:frames -- [seconds=10] [--rounds=3] [--json]
// Compare:  --compare=OTHER_SITE_DIR alternates rounds between site/ and another static build (ABBA order),
//           so both are measured in the same minutes on a machine whose load moves.
// Text:     the graph window learns 46 built-in sentences (29 concepts); --large learns 292 generated ones
//           (about 280 concepts), --text=FILE a file of yours.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStatic } from './static-host.mjs';

const lab = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const json = args.includes('--json');
const trace = !args.includes('--no-trace');
const seconds = Number(args.find((a) => !a.startsWith('--')) ?? 10);
const rounds = Number(option('rounds', 3));
const sites = [resolve(option('site', join(lab, 'site')))];
if (option('compare', null)) sites.push(resolve(option('compare')));
if (!(seconds >= 2 && seconds <= 300) || !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20)) {
  console.error('usage: node scripts/frame-bench.mjs [seconds 2..300] [--rounds=1..20] [--site=DIR] [--compare=DIR] [--large | --text=FILE] [--json]');
  process.exit(2);
}
for (const site of sites) {
  if (!existsSync(join(site, 'engram', 'engram.wasm'))) {
    console.error(`${site} is not a static build: run npm run build:static first`);
    process.exit(2);
  }
}

/** A text whose sentences the knowledge graph turns into a few dozen concepts in two topics' worth of links. */
const TEXT = [
  'The Sun is a star. Mercury is a planet. Venus is a planet. Earth is a planet. Mars is a planet.',
  'Jupiter is a planet. Saturn is a planet. Uranus is a planet. Neptune is a planet. Pluto is a dwarf planet.',
  'Mercury orbits the Sun. Venus orbits the Sun. Earth orbits the Sun. Mars orbits the Sun. Jupiter orbits the Sun.',
  'Saturn orbits the Sun. Uranus orbits the Sun. Neptune orbits the Sun. Pluto orbits the Sun.',
  'The Moon is a moon. The Moon orbits Earth. Phobos is a moon. Phobos orbits Mars. Deimos is a moon. Deimos orbits Mars.',
  'Io is a moon. Io orbits Jupiter. Europa is a moon. Europa orbits Jupiter. Ganymede is a moon. Ganymede orbits Jupiter.',
  'Titan is a moon. Titan orbits Saturn. Triton is a moon. Triton orbits Neptune. Charon is a moon. Charon orbits Pluto.',
  'A planet is a celestial body. A moon is a celestial body. A star is a celestial body. A comet is a celestial body.',
  'Halley is a comet. Halley orbits the Sun. The Sun is in the Milky Way. The Milky Way is a galaxy. Andromeda is a galaxy.',
].join(' ');
/**
 * --large: 292 sentences about 12 stars, 120 planets and 160 moons with made-up names (the same every
 * run), about 280 concepts: a graph the size a long subtitle file gives.
 */
function largeText() {
  const syllables = ['ka', 'lo', 'mi', 'ra', 'te', 'vu', 'zen', 'dor', 'pha', 'quo', 'sil', 'bre', 'nox', 'tal', 'gri', 'mer'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
  const name = () => {
    const word = [0, 1, 2].map(() => syllables[next() % syllables.length]).join('');
    return word[0].toUpperCase() + word.slice(1);
  };
  const stars = Array.from({ length: 12 }, name);
  const planets = Array.from({ length: 120 }, name);
  const moons = Array.from({ length: 160 }, name);
  return [
    ...stars.map((s) => `${s} is a star.`),
    ...planets.map((p, i) => `${p} is a planet. ${p} orbits ${stars[i % stars.length]}.`),
    ...moons.map((m, i) => `${m} is a moon. ${m} orbits ${planets[i % planets.length]}.`),
  ].join(' ');
}
const text = option('text', null) ? readFileSync(option('text'), 'utf8') : args.includes('--large') ? largeText() : TEXT;
const QUESTIONS = ['What does Phobos orbit?', 'What is Titan?', 'What does Europa orbit?', 'What is the Milky Way?'];

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const servers = await Promise.all(sites.map((site) => startStatic(site, 0)));

async function measureRound(siteIndex) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    // Every requestAnimationFrame callback is timed, whatever the page's code measures of itself.
    const raf = window.requestAnimationFrame.bind(window);
    window.__frameScript = [];
    window.requestAnimationFrame = (callback) => raf((time) => {
      const start = performance.now();
      try {
        callback(time);
      } finally {
        window.__frameScript.push(performance.now() - start);
      }
    });
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const categories = ['disabled-by-default-devtools.timeline', 'gpu'];
  if (trace) await browser.startTracing(page, { categories });
  await page.goto(`http://127.0.0.1:${servers[siteIndex].address().port}/`);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 120_000 });
  if (await page.evaluate(() => document.body.dataset.brain) !== 'live') {
    throw new Error(`${sites[siteIndex]}: this npm build runs no brain in the tab (document.body.dataset.brain is not "live")`);
  }
  await page.locator('#brain').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.body.dataset.brainTime ?? 0) > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(2000); // past the first frames and the brain's first burst

  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const window_ = async (name, during) => {
    const load = loadavg()[0];
    if (trace) await browser.startTracing(page, { categories });
    const m0 = await metrics();
    const p0 = await page.evaluate(() => ({ now: performance.now(), frames: window.__frameScript.length, brainMs: Number(document.body.dataset.brainTime ?? 0) }));
    await during();
    const p1 = await page.evaluate(({ frames, t0 }) => ({
      now: performance.now(),
      frameScript: window.__frameScript.slice(frames),
      brainMs: Number(document.body.dataset.brainTime ?? 0),
      concepts: Number(document.body.dataset.concepts ?? 0),
      longTasks: window.__longTasks.filter((t) => t.at >= t0),
    }), { frames: p0.frames, t0: p0.now });
    const m1 = await metrics();
    const cpu = trace ? mainThreadTasks(await browser.stopTracing()) : null;
    const wallS = (p1.now - p0.now) / 1000;
    const frames = p1.frameScript.length;
    const busy = (key) => (m1[key] - m0[key]) * 1000;
    return {
      site: siteIndex, scene: name, load: [round1(load), round1(loadavg()[0])], seconds: round1(wallS), frames,
      framesPerSecond: round1(frames / wallS), frameScript: p1.frameScript,
      busyMsPerSecond: round1(busy('TaskDuration') / wallS), busyMsPerFrame: round2(busy('TaskDuration') / Math.max(1, frames)),
      scriptMsPerFrame: round2(busy('ScriptDuration') / Math.max(1, frames)),
      styleLayoutMsPerFrame: round2((busy('RecalcStyleDuration') + busy('LayoutDuration')) / Math.max(1, frames)),
      longTasks: p1.longTasks.map((t) => Math.round(t.ms)),
      tracedLongTasks: cpu ? cpu.filter((t) => t.wallMs > 50) : null,
      longestTaskCpuMs: cpu ? round1(Math.max(0, ...cpu.map((t) => t.cpuMs))) : null,
      brainMsPerSecond: Math.round((p1.brainMs - p0.brainMs) / wallS), concepts: p1.concepts,
    };
  };
  // Long tasks from the page's start to here: loading, WebGL set-up, the first frames.
  const startup = await page.evaluate(() => window.__longTasks.map((t) => Math.round(t.ms)));
  const startupTraced = trace ? mainThreadTasks(await browser.stopTracing()).filter((t) => t.wallMs > 50) : null;
  const brain = await window_('brain', () => page.waitForTimeout(seconds * 1000));
  const graph = await window_('graph', async () => {
    const until = Date.now() + seconds * 1000;
    await page.evaluate((text) => {
      (document.getElementById('learn-topic')).value = 'astronomy';
      (document.getElementById('learn-text')).value = text;
      document.getElementById('learn-form').requestSubmit();
      const show = document.getElementById('show-graph');
      show.checked = true;
      show.dispatchEvent(new Event('change'));
    }, text);
    await page.waitForFunction(() => Number(document.body.dataset.concepts ?? 0) > 0, null, { timeout: 120_000 });
    for (let i = 0; Date.now() < until - 500; i++) {
      await page.evaluate((q) => {
        (document.getElementById('kq')).value = q;
        document.getElementById('ask-form').requestSubmit();
      }, QUESTIONS[i % QUESTIONS.length]);
      await page.waitForTimeout(Math.min(2500, Math.max(0, until - Date.now())));
    }
    await page.waitForTimeout(Math.max(0, until - Date.now()));
  });
  // Asked last: a second WebGL context costs a long task of its own on this machine.
  const gpu = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return { renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'unknown', parallelCompile: !!gl?.getExtension('KHR_parallel_shader_compile') };
  });
  await context.close();
  if (problems.length) throw new Error(`${sites[siteIndex]}: the page reported problems:\n${problems.join('\n')}`);
  return { gpu, startup, startupTraced, windows: [brain, graph] };
}

/** Trace events in which the page's thread waits for the GPU process (outermost ones are counted). */
const GPU_WAITS = new Set(['ImplementationBase::WaitForCmd', 'CommandBufferHelper::Flush', 'GpuChannelHost::CreateViewCommandBuffer']);

/**
 * The page's main-thread tasks in a trace: wall, CPU (thread) and GPU-wait ms of each top-level RunTask
 * on the busiest CrRendererMain (the page's; its Workers run on other threads).
 */
function mainThreadTasks(buffer) {
  const parsed = JSON.parse(buffer.toString('utf8'));
  const events = parsed.traceEvents ?? parsed;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur == null || !mains.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name !== 'RunTask' && !GPU_WAITS.has(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, { tasks: [], waits: [] });
    byThread.get(key)[e.name === 'RunTask' ? 'tasks' : 'waits'].push(e);
  }
  const main = [...byThread.values()].sort((a, b) => b.tasks.length - a.tasks.length)[0];
  if (!main) return [];
  const waits = main.waits.sort((a, b) => a.ts - b.ts);
  return main.tasks.map((task) => {
    let gpuWait = 0;
    let outerEnd = -Infinity;
    for (const w of waits) {
      if (w.ts < task.ts || w.ts + w.dur > task.ts + task.dur || w.ts + w.dur <= outerEnd) continue;
      gpuWait += w.dur;
      outerEnd = w.ts + w.dur;
    }
    return { wallMs: task.dur / 1000, cpuMs: (task.tdur ?? task.dur) / 1000, gpuWaitMs: gpuWait / 1000 };
  });
}

const describeTask = (t) => `${Math.round(t.wallMs)} ms = ${Math.round(t.cpuMs)} CPU + ${Math.round(t.gpuWaitMs)} GPU wait + ${Math.max(0, Math.round(t.wallMs - t.cpuMs - t.gpuWaitMs))} other`;

function summarize(windows) {
  const script = windows.flatMap((w) => w.frameScript).sort((a, b) => a - b);
  const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
  const longTasks = windows.flatMap((w) => w.longTasks);
  return {
    frames: script.length,
    frameScriptMs: { p50: round2(quantile(script, 0.5)), p95: round2(quantile(script, 0.95)), p99: round2(quantile(script, 0.99)), max: round1(script.at(-1) ?? NaN) },
    framesOver16_7: script.filter((ms) => ms > 16.7).length,
    busyMsPerSecond: median(windows.map((w) => w.busyMsPerSecond)),
    busyMsPerFrame: median(windows.map((w) => w.busyMsPerFrame)),
    scriptMsPerFrame: median(windows.map((w) => w.scriptMsPerFrame)),
    styleLayoutMsPerFrame: median(windows.map((w) => w.styleLayoutMsPerFrame)),
    framesPerSecond: median(windows.map((w) => w.framesPerSecond)),
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
    tracedLongTasks: trace ? windows.flatMap((w) => w.tracedLongTasks) : null,
    longestTaskCpuMs: trace ? Math.max(0, ...windows.map((w) => w.longestTaskCpuMs)) : null,
    load: [Math.min(...windows.flatMap((w) => w.load)), Math.max(...windows.flatMap((w) => w.load))],
  };
}

const all = [];
const startups = [];
let gpu = null;
try {
  for (let r = 0; r < rounds; r++) {
    // ABBA: the first site leads in even rounds, the other in odd ones.
    const order = sites.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const result = await measureRound(i);
      gpu = result.gpu;
      startups.push({ site: i, longTasks: result.startup, traced: result.startupTraced });
      if (!json) {
        console.log(`round ${r + 1} ${sites.length > 1 ? `site ${i} ` : ''}start: long tasks ${result.startup.join(', ') || 'none'} ms`
          + (trace ? ` [traced: ${result.startupTraced.map(describeTask).join('; ') || 'no task over 50 ms'}]` : ''));
      }
      for (const w of result.windows) {
        all.push(w);
        if (!json) {
          const s = [...w.frameScript].sort((a, b) => a - b);
          console.log(`round ${r + 1} ${sites.length > 1 ? `site ${i} ` : ''}${w.scene.padEnd(5)} load ${w.load.join('->')}: ${w.framesPerSecond} frames/s, `
            + `frame script p50 ${round2(quantile(s, 0.5))} p95 ${round2(quantile(s, 0.95))} p99 ${round2(quantile(s, 0.99))} max ${round1(s.at(-1) ?? NaN)} ms, `
            + `main thread ${w.busyMsPerSecond} ms/s (${w.busyMsPerFrame} ms/frame, style+layout ${w.styleLayoutMsPerFrame}), `
            + `long tasks ${w.longTasks.length ? w.longTasks.join(', ') + ' ms' : 'none'}`
            + `${trace ? ` [traced: ${w.tracedLongTasks.map(describeTask).join('; ') || 'no task over 50 ms'}; most CPU in one task ${w.longestTaskCpuMs} ms]` : ''}${w.scene === 'graph' ? `, ${w.concepts} concepts` : ''}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
}

const software = /swiftshader/i.test(gpu?.renderer ?? '');
const report = {
  chromium: browser.version(), gpu: gpu?.renderer, software, parallelShaderCompile: gpu?.parallelCompile, seconds, rounds,
  sites: sites.map((site, i) => ({
    site,
    startup: (() => {
      const tasks = startups.filter((x) => x.site === i).flatMap((x) => x.longTasks);
      const traced = trace ? startups.filter((x) => x.site === i).flatMap((x) => x.traced) : [];
      return {
        longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), totalMs: tasks.reduce((a, b) => a + b, 0),
        tracedCpuMs: Math.round(traced.reduce((a, t) => a + t.cpuMs, 0)), tracedGpuWaitMs: Math.round(traced.reduce((a, t) => a + t.gpuWaitMs, 0)),
      };
    })(),
    brain: summarize(all.filter((w) => w.site === i && w.scene === 'brain')),
    graph: summarize(all.filter((w) => w.site === i && w.scene === 'graph')),
  })),
};
if (json) {
  console.log(JSON.stringify(report));
} else {
  console.log(`\nheadless Chromium ${report.chromium}, WebGL by ${report.gpu}${software ? ' (SwiftShader: software drawing, no GPU)' : ''}, `
    + `KHR_parallel_shader_compile ${report.parallelShaderCompile ? 'present' : 'absent'}; `
    + `${rounds} rounds of ${seconds} s per scene; 60 frames/s allows 16.7 ms per frame`);
  for (const s of report.sites) {
    if (sites.length > 1) console.log(s.site);
    console.log(`  start: ${s.startup.longTasks} long tasks in ${rounds} page loads, longest ${s.startup.longestTaskMs} ms, ${s.startup.totalMs} ms in all`
      + (trace ? ` (traced: ${s.startup.tracedCpuMs} ms of it CPU, ${s.startup.tracedGpuWaitMs} ms waiting on the GPU process)` : ''));
    for (const scene of ['brain', 'graph']) {
      const x = s[scene];
      console.log(`  ${scene.padEnd(5)} load ${x.load.join('-')}: frame script p50 ${x.frameScriptMs.p50} / p95 ${x.frameScriptMs.p95} / p99 ${x.frameScriptMs.p99} / max ${x.frameScriptMs.max} ms `
        + `(${x.framesOver16_7} of ${x.frames} frames over 16.7); main thread ${x.busyMsPerFrame} ms/frame (style+layout ${x.styleLayoutMsPerFrame}), ${x.busyMsPerSecond} ms/s; `
        + `${x.framesPerSecond} frames/s drawn; long tasks ${x.longTasks}, longest ${x.longestTaskMs} ms`
        + (trace ? `; traced tasks over 50 ms ${x.tracedLongTasks.length} (over 50 ms of CPU ${x.tracedLongTasks.filter((t) => t.cpuMs > 50).length}, `
          + `over 50 ms waiting on the GPU process ${x.tracedLongTasks.filter((t) => t.gpuWaitMs > 50).length}), most CPU in one task ${x.longestTaskCpuMs} ms` : ''));
    }
  }
}
