// npm run build:         src/*.ts -> dist/ (the page's bundle, its Workers, and lazily loaded chunks:
//                        the explorer with three.js, and WebLLM, fetched only when a model is loaded).
// npm run build:static:  the above, then site/ = a self-contained copy for any static host: index.html,
//                        lab.css, favicon.svg, dist/, and the npm package build as engram/ (memory and the
//                        dispatcher run in the tab). ENGRAM_NPM_DIST=DIR picks the npm build (default ../npm/dist).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(here, 'dist');
const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, legalComments: 'linked', logLevel: 'warning' };

/** Builds the page into `outdir`; a static build never probes for a server (a static host answers 404). */
async function buildInto(outdir, staticBuild) {
  rmSync(outdir, { recursive: true, force: true });
  const define = { __LAB_STATIC__: String(staticBuild) };
  await build({
    ...common,
    define,
    entryPoints: { lab: join(here, 'src', 'main.ts') },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryNames: '[name]',
  });
  for (const worker of ['engine-worker', 'loop-worker']) {
    await build({ ...common, define, entryPoints: { [worker]: join(here, 'src', `${worker}.ts`) }, outdir, entryNames: '[name]' });
  }
}

await buildInto(dist, false);
console.log('web-lab build: dist/ ready');

if (process.argv.includes('--static')) {
  const npmDist = resolve(process.env.ENGRAM_NPM_DIST ?? join(here, '..', 'npm', 'dist'));
  if (!existsSync(join(npmDist, 'index.js')) || !existsSync(join(npmDist, 'engram.wasm'))) {
    console.error(`web-lab build:static: no npm build at ${npmDist} (index.js + engram.wasm).\n`
      + '  Build it: mvn -q -B -pl wasm-bridge -am package && (cd npm && npm ci && npm run build), or set ENGRAM_NPM_DIST.');
    process.exit(1);
  }
  const site = join(here, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const file of ['index.html', 'lab.css', 'favicon.svg']) cpSync(join(here, file), join(site, file));
  await buildInto(join(site, 'dist'), true);
  // The Java fallback build (js/) is not needed by the page; the wasm build and the router files are.
  cpSync(npmDist, join(site, 'engram'), { recursive: true, filter: (src) => !src.includes(`${npmDist}/js`) && !src.endsWith('.d.ts') });
  console.log(`web-lab build:static: site/ ready (npm build from ${npmDist}); serve it from any static host`);
}
