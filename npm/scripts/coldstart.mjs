// Cold start in Node: time from import of the package to the first answer, in a fresh process each run.
//   node scripts/coldstart.mjs [runs=9]     prints one JSON line: every run, the median and its phases, in ms
//
// Two kinds of fresh process alternate, so both see the same machine load:
//   - the public path: import('dist/index.js'), Engram.forNode(), one observe, one get (what a user waits);
//   - the same steps spelled out, to split forNode: import of index.js, file read, WebAssembly.compile,
//     Engram.fromModule (TeaVM's runtime instantiates the module and runs its start function), then the
//     first observe (core's static tables are built on first use) and the first get.
// Each phase is given as wall time and as the process's CPU time (user + system, all threads): on a
// shared machine the wall time moves with other jobs, the CPU time much less.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const index = JSON.stringify(new URL('../dist/index.js', import.meta.url).href);
const wasm = JSON.stringify(fileURLToPath(new URL('../dist/engram.wasm', import.meta.url)));

// Both children print [[phase, wallMs, cpuMs], ...] with the phases in order.
const prelude = `
const c0 = process.cpuUsage();
const t0 = performance.now();
const marks = [];
let lastT = t0, lastC = 0;
const mark = (name) => {
  const t = performance.now();
  const u = process.cpuUsage(c0);
  const c = (u.user + u.system) / 1000;
  marks.push([name, t - lastT, c - lastC]);
  lastT = t;
  lastC = c;
};
`;
const publicChild = `${prelude}
const { Engram } = await import(${index});
mark('import');
const memory = await Engram.forNode();
mark('forNode');
memory.observe('user:42', 'The deploy region is us-west-2.');
const answer = memory.get('user:42', "what's the deploy region?");
mark('firstAnswer');
if (answer !== 'us-west-2') throw new Error('coldstart: wrong answer ' + answer);
process.stdout.write(JSON.stringify(marks));
`;
const phasedChild = `${prelude}
const { readFile } = await import('node:fs/promises');
const { Engram } = await import(${index});
mark('import');
const bytes = await readFile(${wasm});
mark('read');
const module = await WebAssembly.compile(bytes, { builtins: ['js-string'] });
mark('compile');
const memory = await Engram.fromModule(module);
mark('instantiate');
memory.observe('user:42', 'The deploy region is us-west-2.');
mark('observe');
const answer = memory.get('user:42', "what's the deploy region?");
mark('get');
if (answer !== 'us-west-2') throw new Error('coldstart: wrong answer ' + answer);
process.stdout.write(JSON.stringify(marks));
`;

const runs = Number(process.argv[2] ?? 9);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`coldstart: runs must be a positive whole number, got ${process.argv[2]}`);
  process.exit(1);
}
const run = (code) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
const publicRuns = [];
const phasedRuns = [];
for (let i = 0; i < runs; i++) {
  publicRuns.push(run(publicChild));
  phasedRuns.push(run(phasedChild));
}
const round = (x) => Math.round(x * 10) / 10;
const median = (xs) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const phases = (rs) =>
  Object.fromEntries(rs[0].map(([name], i) => [name, { wall: median(rs.map((r) => r[i][1])), cpu: median(rs.map((r) => r[i][2])) }]));
const totals = (rs, k) => rs.map((r) => r.reduce((s, m) => s + m[k], 0));
const publicWall = totals(publicRuns, 1);
console.log(JSON.stringify({
  bench: 'coldstart-node',
  node: process.version,
  wasmBytes: statSync(JSON.parse(wasm)).size,
  runsMs: publicWall.map(round),
  medianMs: median(publicWall),
  medianCpuMs: median(totals(publicRuns, 2)),
  phasesMedianMs: phases(publicRuns),
  detail: { medianMs: median(totals(phasedRuns, 1)), medianCpuMs: median(totals(phasedRuns, 2)), phases: phases(phasedRuns) },
}));
