import { load } from "./runtime.mjs";
import { readFileSync } from "node:fs";
const m = await load(readFileSync(new URL("./probe.wasm", import.meta.url)));
const res = "/work/wt/neuron/core/src/main/resources/dev/engram/neuron/";
const tok = new Int8Array(readFileSync(res + "router.bpe"));
const model = new Int8Array(readFileSync(res + "router.i8"));
console.log(JSON.stringify(Array.from(m.exports.routerBits(tok, model))));
console.log(m.exports.benchDispatch(tok, model, 200));
console.log(m.exports.benchGary(128));
