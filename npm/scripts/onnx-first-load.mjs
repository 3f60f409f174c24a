// node scripts/onnx-first-load.mjs [runs]: what engram/onnx's second module (dist/engram-onnx.wasm) costs the
// first OnnxEncoder.load of a process: reading, compiling and instantiating it, then one model description.
// Each run is a fresh Node process; onnxruntime is a stand-in (a session that declares one input), so only
// engram's part is timed. Prints each run's first and second load, then the medians. Needs npm run build.
import { execFileSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 7);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node scripts/onnx-first-load.mjs [runs >= 1]');
  process.exit(1);
}
const child = `
import { Engram } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
import { OnnxEncoder } from ${JSON.stringify(new URL('../dist/onnx.js', import.meta.url).href)};
const memory = await Engram.forNode();
class Tensor { constructor(type, data, dims) { Object.assign(this, { type, data, dims }); } }
const ort = { Tensor, InferenceSession: { create: async () => ({ inputNames: ['pixel_values'], outputNames: ['out'], run: async () => ({}) }) } };
const files = { description: 'kind = image\\nmodel = i.onnx\\ninput = pixel_values\\nimage.crop = 4\\ndimension = 2\\n', model: new Uint8Array(1) };
let t = performance.now();
await OnnxEncoder.load(memory, files, { ort });
const first = performance.now() - t;
t = performance.now();
await OnnxEncoder.load(memory, files, { ort });
console.log(JSON.stringify([first, performance.now() - t]));
`;
const firsts = [];
const seconds = [];
for (let i = 0; i < runs; i++) {
  const [first, second] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' }));
  firsts.push(first);
  seconds.push(second);
  console.log(`run ${i + 1}: first load ${first.toFixed(1)} ms, second ${second.toFixed(2)} ms`);
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`median of ${runs}: first load ${median(firsts).toFixed(1)} ms (min ${Math.min(...firsts).toFixed(1)}, max ${Math.max(...firsts).toFixed(1)}), second ${median(seconds).toFixed(2)} ms`);
