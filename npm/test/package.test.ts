// The package as a user gets it: the declarations compile a consumer file (with the type errors it
// must reject), and `npm pack` produces a tarball that installs offline into an empty project and
// answers there (engram/onnx included, reading its own engram-onnx.wasm from the installed package).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('the published package', () => {
  it('its declarations type-check a consumer and reject misuse', () => {
    const tsc = join(pkg, 'node_modules', 'typescript', 'bin', 'tsc');
    // Throws with tsc's diagnostics when a declaration is missing or an @ts-expect-error is not needed.
    execFileSync(process.execPath, [tsc, '-p', join(pkg, 'test', 'consumer', 'tsconfig.json')], { encoding: 'utf8' });
  });

  it('npm pack installs offline into an empty project and works there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engram-pack-'));
    try {
      execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: pkg, encoding: 'utf8' });
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      const project = join(dir, 'app');
      execFileSync('mkdir', ['-p', project]);
      writeFileSync(join(project, 'package.json'), '{"name":"app","private":true,"type":"module"}');
      execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball!)], {
        cwd: project,
        encoding: 'utf8',
      });
      writeFileSync(
        join(project, 'main.js'),
        `import { Engram } from 'engram';
const a = await Engram.forNode();
const b = await Engram.forNode();
a.observe('s', 'The deploy region is us-west-2.');
await a.loadRouter();
const routed = a.route('s', 'what is the deploy region?');
// engram/onnx reads engram-onnx.wasm from the installed package; a stand-in for onnxruntime (not installed here).
const { OnnxEncoder } = await import('engram/onnx');
class Tensor { constructor(type, data, dims) { Object.assign(this, { type, data, dims }); } }
const ort = { Tensor, InferenceSession: { create: async () => ({ inputNames: ['pixel_values'], outputNames: ['out'], run: async () => ({}) }) } };
const encoder = await OnnxEncoder.load(a, { description: 'kind = image\\nmodel = i.onnx\\ninput = pixel_values\\nimage.resize = 4\\nimage.crop = 4\\ndimension = 2\\n', model: new Uint8Array(1) }, { ort });
const tensor = encoder.imageTensor({ width: 1, height: 1, data: new Uint8Array(4) }).length;
console.log(JSON.stringify({ sizeA: a.size('s'), sizeB: b.size('s'), same: a.get('s', "what's the deploy region?") === a.recallValue('s', "what's the deploy region?").value, route: routed.route, value: routed.value, tensor }));
`,
      );
      const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' }));
      expect(out).toEqual({ sizeA: 1, sizeB: 0, same: true, route: 'ANSWER', value: 'us-west-2', tensor: 3 * 4 * 4 });
      const files = execFileSync('tar', ['-tzf', join(dir, tarball!)], { encoding: 'utf8' }).trim().split('\n').sort();
      expect(files).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/engram.wasm',
        'package/dist/onnx.js', 'package/dist/onnx.d.ts', 'package/dist/engram-onnx.wasm',
        'package/dist/router.bpe', 'package/dist/router.i8', 'package/dist/words.bin',
        'package/README.md', 'package/package.json']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
