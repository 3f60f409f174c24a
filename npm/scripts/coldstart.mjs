// Cold start in Node: time from import of the package to the first answer, in a fresh process each run.
//   node scripts/coldstart.mjs [runs=7]     prints one JSON line with every run and the median, in ms
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = `
const t0 = performance.now();
const { Engram } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
const memory = await Engram.forNode();
memory.observe('user:42', 'The deploy region is us-west-2.');
const answer = memory.get('user:42', "what's the deploy region?");
const t1 = performance.now();
if (answer === undefined) throw new Error('no answer');
process.stdout.write(String(t1 - t0));
`;

const runs = Number(process.argv[2] ?? 7);
const times = [];
for (let i = 0; i < runs; i++) {
  times.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' })));
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({
  bench: 'coldstart-node',
  node: process.version,
  wasmBytes: (await import('node:fs')).statSync(fileURLToPath(new URL('../dist/engram.wasm', import.meta.url))).size,
  runsMs: times.map((t) => Math.round(t * 10) / 10),
  medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
}));
