// npm run brain-bench -- [scale] [ms] [rounds]: wall time per 1 ms step of the spiking brain in this wasm
// build (Node 22), the figure issue 8 sets a target for (<= 16 ms per step at scale 0.01, within 2x of the
// JVM single-threaded). Builds a brain at `scale` with the server's seed, warms it up for 200 ms of brain
// time (the JIT tiers up and the rates settle), then times `rounds` calls of step(ms) and prints each
// round's ms per step, the median and the mean rate. Needs dist/ (npm run build).
import { Engram } from '../dist/index.js';

const scale = Number(process.argv[2] ?? 0.01);
const ms = Number(process.argv[3] ?? 500);
const rounds = Number(process.argv[4] ?? 3);
const engram = await Engram.forNode();
let t = performance.now();
engram.brain.reset(scale);
const build = performance.now() - t;
engram.brain.step(200);
const perStep = [];
let rate = 0;
for (let i = 0; i < rounds; i++) {
  t = performance.now();
  const r = engram.brain.step(ms);
  perStep.push((performance.now() - t) / ms);
  const neurons = r.regions.reduce((a, g) => a + g.neurons, 0);
  rate = r.regions.reduce((a, g) => a + g.rateHz * g.neurons, 0) / neurons;
}
perStep.sort((a, b) => a - b);
const status = engram.brain.status();
console.log(`scale ${scale}: ${status.neurons} neurons, build ${build.toFixed(1)} ms, mean rate ${rate.toFixed(2)} Hz`);
console.log(`ms per 1 ms step over ${rounds} rounds of ${ms} ms: ${perStep.map((x) => x.toFixed(3)).join(', ')}; median ${perStep[rounds >> 1].toFixed(3)}`);
