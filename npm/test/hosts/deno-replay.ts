// Run by deno.test.ts under Deno: replays the golden file (path in Deno.args[0]) through Engram.forNode()
// and prints one JSON line: {steps, problems, coldMs}.
import { replay } from '../golden.ts';

const t0 = performance.now();
const { Engram } = await import('../../dist/index.js');
const memory = await Engram.forNode();
memory.observe('cold:start', 'The deploy region is us-west-2.');
memory.get('cold:start', "what's the deploy region?");
const coldMs = performance.now() - t0;

// deno-lint-ignore no-explicit-any
const golden = JSON.parse(await (globalThis as any).Deno.readTextFile((globalThis as any).Deno.args[0]));
const problems = replay(await Engram.forNode(), golden);
console.log(JSON.stringify({ steps: golden.steps.length, problems, coldMs }));
