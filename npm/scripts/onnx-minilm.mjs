// The npm half of scripts/onnx-minilm.sh: the same sentences through engram/onnx and onnxruntime-web
// (one thread), compared with the vectors the JVM wrote.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { Engram } from '../dist/index.js';
import { OnnxEncoder } from '../dist/onnx.js';

const [description, jvmFile] = process.argv.slice(2);
ort.env.wasm.numThreads = 1;
const jvm = JSON.parse(readFileSync(jvmFile, 'utf8'));
const memory = await Engram.forNode();
let t0 = performance.now();
const enc = await OnnxEncoder.fromFile(memory, description, { ort });
console.log(`npm: loaded in ${(performance.now() - t0).toFixed(0)} ms, ${enc.dimension}-d; ids of 'hello world' [${enc.tokens('hello world').ids.join(', ')}]`);
let diff = 0;
for (const { text, embedding } of jvm) {
  const v = await enc.encodeText(text);
  for (let i = 0; i < v.length; i++) diff = Math.max(diff, Math.abs(v[i] - embedding[i]));
}
t0 = performance.now();
const runs = 5;
for (let r = 0; r < runs; r++) for (const { text } of jvm) await enc.encodeText(text);
console.log(`npm: ${((performance.now() - t0) / (runs * jvm.length)).toFixed(2)} ms per sentence (onnxruntime-web, 1 thread, warm)`);
console.log(`largest |npm - jvm| over ${jvm.length} sentences x ${enc.dimension}: ${diff}`);
if (!(diff < 1e-4)) process.exitCode = 1;
