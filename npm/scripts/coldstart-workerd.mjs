// Cold start in Cloudflare's workerd: what engram adds to a Worker's first answer.
//   node scripts/coldstart-workerd.mjs [runs=9]     prints one JSON line, times in ms
//
// Inside a Worker the clock stands still while code runs (a Spectre mitigation), so the time is taken from
// outside, side by side: each run starts a fresh workerd twice, once with an empty Worker and once with a
// Worker that imports engram (its wasm as a module import), builds a memory with Engram.fromModule and
// answers one question; each time is from spawning workerd to the first response. The difference of the
// medians is engram's cold start there: module instantiation, fromModule, one observe and one get.
// On Linux each run also reads the workerd process's CPU time up to the first answer (all its threads,
// from /proc/<pid>/task/*/schedstat, in ns): on a loaded machine the wall times swing by tens of ms
// between runs, the CPU time much less, so the CPU difference is the steadier figure.
// Needs the workerd binary: bash scripts/host-tools.sh.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 9);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
  console.error('coldstart-workerd: runs must be a whole number from 1 to 100');
  process.exit(2);
}
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const workerd = process.env.ENGRAM_WORKERD ?? fileURLToPath(new URL('../../.tools/hosts/node_modules/.bin/workerd', import.meta.url));
if (!existsSync(workerd)) {
  console.error(`coldstart-workerd: no workerd at ${workerd}; run: bash npm/scripts/host-tools.sh`);
  process.exit(2);
}
if (!existsSync(join(dist, 'engram.wasm'))) {
  console.error('coldstart-workerd: no dist/engram.wasm; run: npm run build');
  process.exit(2);
}

const EMPTY = `export default { async fetch() { return new Response('us-west-2'); } };`;
const ENGRAM = `
import wasm from 'engram.wasm';
import { Engram } from 'index.js';
export default {
  async fetch() {
    const memory = await Engram.fromModule(wasm);
    memory.observe('user:42', 'The deploy region is us-west-2.');
    return new Response(memory.get('user:42', "what's the deploy region?"));
  },
};`;

function config(port, withEngram) {
  const engramModules = withEngram
    ? `(name = "index.js", esModule = embed "index.js"),
    (name = "engram.wasm", wasm = embed "engram.wasm"),`
    : '';
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    ${engramModules}
  ],
  compatibilityDate = "2026-11-01",
);
`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** CPU time in ms of all threads of process `pid` so far, or NaN where /proc has no schedstat. */
function cpuMs(pid) {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * Spawns workerd on a fresh copy of the Worker; returns [ms from spawn to the first good answer, workerd's
 * CPU ms by then].
 */
async function once(withEngram) {
  const dir = mkdtempSync(join(tmpdir(), 'engram-coldstart-workerd-'));
  try {
    if (withEngram) {
      for (const f of ['index.js', 'engram.wasm']) copyFileSync(join(dist, f), join(dir, f));
    }
    writeFileSync(join(dir, 'worker.js'), withEngram ? ENGRAM : EMPTY);
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), config(port, withEngram));
    const t0 = performance.now();
    const child = spawn(workerd, ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => (log += d));
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${log}`);
        if (performance.now() - t0 > 20_000) throw new Error(`workerd gave no answer within 20 s: ${log}`);
        const response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (response) {
          const text = await response.text();
          if (text !== 'us-west-2') throw new Error(`wrong answer from the Worker: ${text} ${log}`);
          return [performance.now() - t0, cpuMs(child.pid)];
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    } finally {
      child.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
const empty = [];
const engram = [];
for (let i = 0; i < runs; i++) {
  empty.push(await once(false));
  engram.push(await once(true));
}
const wall = (rs) => rs.map((r) => r[0]);
const cpu = (rs) => rs.map((r) => r[1]);
console.log(JSON.stringify({
  bench: 'coldstart-workerd',
  runs,
  emptyWorkerMs: wall(empty).map(round),
  engramWorkerMs: wall(engram).map(round),
  medianEmptyMs: round(median(wall(empty))),
  medianEngramMs: round(median(wall(engram))),
  engramColdStartMs: round(median(wall(engram)) - median(wall(empty))),
  medianEmptyCpuMs: round(median(cpu(empty))),
  medianEngramCpuMs: round(median(cpu(engram))),
  engramColdStartCpuMs: round(median(cpu(engram)) - median(cpu(empty))),
}));
