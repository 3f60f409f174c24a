// npm run build: assembles dist/ from the TeaVM outputs of wasm-bridge (build them first with
// `mvn -q -B -pl wasm-bridge -am package`) and the TypeScript sources.
//   dist/index.js          the API (esbuild bundle of src/, ESM, loads in Node, Deno, browsers, Workers)
//   dist/index.d.ts ...    declarations (tsc --emitDeclarationOnly)
//   dist/engram.wasm       the wasm-gc module
//   dist/engram-runtime.js TeaVM's wasm-gc runtime, patched (see PATCHES)
//   dist/js/engram.js      the TeaVM JavaScript build (fallback; what the GraalVM Polyglot test runs)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const bridge = join(here, '..', 'wasm-bridge', 'target');
const dist = join(here, 'dist');
const inputs = {
  wasm: join(bridge, 'wasm', 'engram.wasm'),
  runtime: join(bridge, 'teavm-runtime', 'org', 'teavm', 'backend', 'wasm', 'wasm-gc-module-runtime.js'),
  js: join(bridge, 'js', 'engram.js'),
};
for (const [what, path] of Object.entries(inputs)) {
  if (!existsSync(path)) {
    console.error(`npm run build: missing ${what} build at ${path}\n  build it first: mvn -q -B -pl wasm-bridge -am package`);
    process.exit(1);
  }
}

// The stock runtime only compiles bytes itself and decides whether to polyfill the JS string builtins by
// probing the host. fromModule hands it a module compiled elsewhere (by us, or by workerd without the
// builtins), so it must accept a Module and look at what that module actually imports.
const PATCHES = [
  {
    why: 'accept an already compiled WebAssembly.Module',
    find: 'async function compileModule(src, isNodeJs) {\n',
    replace: 'async function compileModule(src, isNodeJs) {\n  if (src instanceof WebAssembly.Module) {\n    return src;\n  }\n',
  },
  {
    why: 'polyfill the string builtins exactly when the compiled module imports them',
    find: 'defaults(importObj, userExports, await hasStringBuiltins())',
    replace: 'defaults(importObj, userExports, !WebAssembly.Module.imports(module).some((i) => i.module === "wasm:js-string"))',
  },
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'js'), { recursive: true });

let runtime = readFileSync(inputs.runtime, 'utf8');
for (const p of PATCHES) {
  if (runtime.split(p.find).length !== 2) {
    console.error(`npm run build: cannot patch the TeaVM runtime (${p.why}): anchor not found exactly once`);
    process.exit(1);
  }
  runtime = runtime.replace(p.find, p.replace);
}
const header =
  '// TeaVM wasm-gc runtime, from teavm-core 0.15.0 (org/teavm/backend/wasm/wasm-gc-module-runtime.js).\n' +
  '// Copyright the TeaVM authors (Alexey Andreev et al.), Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0\n' +
  '// Modified by engram: ' + PATCHES.map((p) => p.why).join('; ') + '.\n';
writeFileSync(join(dist, 'engram-runtime.js'), header + runtime);
copyFileSync(inputs.wasm, join(dist, 'engram.wasm'));
copyFileSync(inputs.js, join(dist, 'js', 'engram.js'));

await build({
  entryPoints: [join(here, 'src', 'index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['./engram-runtime.js', 'node:*'],
  legalComments: 'inline',
  logLevel: 'warning',
});
execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(here, 'tsconfig.json')], {
  stdio: 'inherit',
});
console.log('npm run build: dist/ ready');
