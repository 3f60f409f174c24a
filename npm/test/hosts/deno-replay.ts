// Run by deno.test.ts under Deno: replays each golden file named in Deno.args (memory.json first, then
// knowledge.json and brain.json) through a fresh Engram.forNode() and prints one JSON line:
// {steps, problems, coldMs, files: [{steps, problems}]}.
import { replay } from '../golden.ts';

const t0 = performance.now();
const { Engram } = await import('../../dist/index.js');
const memory = await Engram.forNode();
memory.observe('cold:start', 'The deploy region is us-west-2.');
memory.get('cold:start', "what's the deploy region?");
const coldMs = performance.now() - t0;

// deno-lint-ignore no-explicit-any
const deno = (globalThis as any).Deno;
const files = [];
for (const path of deno.args as string[]) {
  const golden = JSON.parse(await deno.readTextFile(path));
  files.push({ steps: golden.steps.length, problems: replay(await Engram.forNode(), golden) });
}
console.log(JSON.stringify({ steps: files[0].steps, problems: files[0].problems, coldMs, files }));
