import { load } from "./target/rt/org/teavm/backend/wasm/wasm-gc-module-runtime.js";
import { readFileSync } from "node:fs";
const { exports } = await load(readFileSync("./target/wasm/probe.wasm"));
const steps = Number(process.argv[2] ?? 300);
let t0 = performance.now();
console.log(exports.run(steps) + " coba " + exports.coba());
console.log("wasm ms", (performance.now() - t0).toFixed(1));
