import { load } from "./runtime.mjs";
import { readFileSync } from "node:fs";
const m = await load(readFileSync(new URL("./probe.wasm", import.meta.url)));
const bits = m.exports.goldenBits();
console.log(JSON.stringify(Array.from(bits)));
const xs = [-80, -10.5, -1, -0.3, 0, 0.7, 3.3, 40];
const f = new Float32Array(1), i = new Int32Array(f.buffer);
console.log(JSON.stringify(xs.map(x => { f[0] = m.exports.exp(x); return i[0]; })));
