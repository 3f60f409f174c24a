// npm run build: assembles dist/ from the TeaVM outputs of wasm-bridge (build them first with
// `mvn -q -B -pl wasm-bridge -am package`) and the TypeScript sources.
//   dist/index.js          the API: one minified ESM file, esbuild's bundle of src/ and TeaVM's wasm-gc runtime
//                          (patched, see runtime-patches.mjs; its licence notice kept); loads in Node, Deno,
//                          browsers and Workers. One file, not two, because a browser fetched the runtime only
//                          after parsing index.js: one more round trip before forBrowser could start (cold
//                          start, docs/WASM.md)
//   dist/onnx.js           engram/onnx, the ONNX encoders (src/onnx.ts; imports ./index.js and, only when
//                          used, engram-onnx.wasm and the optional peer onnxruntime-web)
//   dist/index.d.ts ...    declarations (tsc --emitDeclarationOnly)
//   dist/engram.wasm       the wasm-gc module (dev.engram.wasm.Bridge)
//   dist/engram-onnx.wasm  the ONNX encoders' tokenizer and pre-processing (dev.engram.wasm.OnnxBridge), a second
//                          wasm-gc module so engram.wasm does not carry them; onnx.js loads it on first use
//   dist/js/engram.js      the TeaVM JavaScript build (fallback; what the GraalVM Polyglot test runs)
//   dist/router.bpe, dist/router.i8  the dispatcher's tokenizer and int8 weights (core's resources), kept
//                          out of engram.wasm and loaded only by Engram.loadRouter
//   dist/words.bin         semantic recall's word table (core's resource), loaded only by Engram.useSemantic
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { PATCHES, patchRuntime } from './runtime-patches.mjs';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const bridge = join(here, '..', 'wasm-bridge', 'target');
const dist = join(here, 'dist');
const inputs = {
  wasm: join(bridge, 'wasm', 'engram.wasm'),
  onnxWasm: join(bridge, 'wasm', 'engram-onnx.wasm'),
  runtime: join(bridge, 'teavm-runtime', 'org', 'teavm', 'backend', 'wasm', 'wasm-gc-module-runtime.js'),
  js: join(bridge, 'js', 'engram.js'),
};
const neuron = join(here, '..', 'core', 'src', 'main', 'resources', 'dev', 'engram', 'neuron');
const routerFiles = ['router.bpe', 'router.i8'];
for (const name of routerFiles) {
  if (!existsSync(join(neuron, name))) {
    console.error(`npm run build: missing the router file ${join(neuron, name)} (core's shipped resources)`);
    process.exit(1);
  }
}
for (const [what, path] of Object.entries(inputs)) {
  if (!existsSync(path)) {
    console.error(`npm run build: missing ${what} build at ${path}\n  build it first: mvn -q -B -pl wasm-bridge -am package`);
    process.exit(1);
  }
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'js'), { recursive: true });

let runtime;
try {
  runtime = patchRuntime(readFileSync(inputs.runtime, 'utf8'));
} catch (e) {
  console.error(`npm run build: ${e.message}`);
  process.exit(1);
}
// A legal comment (/*! */): esbuild keeps it in the minified bundle.
const header =
  '/*! TeaVM wasm-gc runtime, from teavm-core 0.15.0 (org/teavm/backend/wasm/wasm-gc-module-runtime.js).\n' +
  ' * Copyright the TeaVM authors (Alexey Andreev et al.), Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0\n' +
  ' * Modified by engram: ' + PATCHES.map((p) => p.why).join('; ') + '. */\n';
copyFileSync(inputs.wasm, join(dist, 'engram.wasm'));
copyFileSync(inputs.onnxWasm, join(dist, 'engram-onnx.wasm'));
copyFileSync(inputs.js, join(dist, 'js', 'engram.js'));
for (const name of routerFiles) {
  copyFileSync(join(neuron, name), join(dist, name));
}
copyFileSync(join(here, '..', 'core', 'src', 'main', 'resources', 'dev', 'engram', 'semantic', 'words.bin'),
  join(dist, 'words.bin'));

await build({
  entryPoints: [join(here, 'src', 'index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['node:*'],
  minify: true,
  legalComments: 'inline',
  logLevel: 'warning',
  plugins: [{
    // src/index.ts imports './engram-runtime.js' (typed by src/engram-runtime.d.ts): the patched runtime.
    name: 'engram-runtime',
    setup(b) {
      b.onResolve({ filter: /^\.\/engram-runtime\.js$/ }, () => ({ path: 'engram-runtime.js', namespace: 'engram-runtime' }));
      b.onLoad({ filter: /.*/, namespace: 'engram-runtime' }, () => ({ contents: header + runtime, loader: 'js' }));
    },
  }],
});
await build({
  entryPoints: [join(here, 'src', 'onnx.ts')],
  outfile: join(dist, 'onnx.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // The memory's module stays one module (an Engram made by index.js is the one onnx.js checks for).
  external: ['./index.js', 'onnxruntime-web', 'node:*'],
  legalComments: 'inline',
  logLevel: 'warning',
});
execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(here, 'tsconfig.json')], {
  stdio: 'inherit',
});
console.log('npm run build: dist/ ready');
