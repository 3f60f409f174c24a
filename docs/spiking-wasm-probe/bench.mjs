import { load } from "./target/rt/org/teavm/backend/wasm/wasm-gc-module-runtime.js";
import { readFileSync } from "node:fs";
const { exports } = await load(readFileSync("./target/wasm/probe.wasm"));
for (let i = 0; i < 3; i++) console.log(exports.bench(Number(process.argv[2]), Number(process.argv[3])));
