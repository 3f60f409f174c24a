// Cold start in Node: time from import of the package to the first answer, in a fresh process each run.
//   node scripts/coldstart.mjs [runs=7]     prints one JSON line: every run, the median and its phases, in ms
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = `
const t0 = performance.now();
const { Engram } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
const t1 = performance.now();
const memory = await Engram.forNode();
const t2 = performance.now();
memory.observe('user:42', 'The deploy region is us-west-2.');
const answer = memory.get('user:42', "what's the deploy region?");
const t3 = performance.now();
if (answer === undefined) throw new Error('no answer');
process.stdout.write(JSON.stringify([t3 - t0, t1 - t0, t2 - t1, t3 - t2]));
`;

const runs = Number(process.argv[2] ?? 7);
const runsOut = [];
for (let i = 0; i < runs; i++) {
  runsOut.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' })));
}
const times = runsOut.map((r) => r[0]);
const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({
  bench: 'coldstart-node',
  node: process.version,
  wasmBytes: (await import('node:fs')).statSync(fileURLToPath(new URL('../dist/engram.wasm', import.meta.url))).size,
  runsMs: times.map((t) => Math.round(t * 10) / 10),
  medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
  // medians of the phases: import of index.js, forNode (read + compile + instantiate), first observe + get
  phasesMedianMs: { import: median(runsOut.map((r) => r[1])), load: median(runsOut.map((r) => r[2])), firstAnswer: median(runsOut.map((r) => r[3])) },
}));
