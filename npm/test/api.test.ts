import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engram } from '../dist/index.js';

const wasmUrl = new URL('../dist/engram.wasm', import.meta.url);

describe('loaders', () => {
  it('forNode, fromBytes and fromModule each give an independent memory', async () => {
    const a = await Engram.forNode();
    const b = await Engram.fromBytes(readFileSync(wasmUrl));
    const c = await Engram.fromModule(
      await (WebAssembly.compile as (b: BufferSource, o: object) => Promise<WebAssembly.Module>)(readFileSync(wasmUrl), {
        builtins: ['js-string'],
      }),
    );
    // Compiled without the string builtins, as workerd compiles a wasm import: the runtime must polyfill them.
    const d = await Engram.fromModule(await WebAssembly.compile(readFileSync(wasmUrl)));
    a.observe('s', 'The deploy region is us-west-2.');
    expect(a.size('s')).toBe(1);
    for (const m of [b, c, d]) {
      expect(m.size('s')).toBe(0);
      m.observe('s', 'The color of the sky is blue.');
      expect(m.size('s')).toBe(1);
    }
  });

  it('forBrowser fetches engram.wasm (here from a data: URL standing in for the server)', async () => {
    const bytes = readFileSync(wasmUrl);
    const url = 'data:application/wasm;base64,' + bytes.toString('base64');
    const m = await Engram.forBrowser(url);
    expect(m.size('s')).toBe(0);
  });

  it('loaders reject the wrong thing with a clear error', async () => {
    await expect(Engram.fromBytes('engram.wasm' as never)).rejects.toThrow('fromBytes needs an ArrayBuffer or a typed array, got string');
    await expect(Engram.fromModule(new Uint8Array(4) as never)).rejects.toThrow('fromModule needs a WebAssembly.Module, got object');
    await expect(Engram.fromBytes(new Uint8Array([1, 2, 3]))).rejects.toThrow(/compiling engram.wasm failed.*needs WebAssembly GC/);
    await expect(Engram.forNode('/nonexistent/engram.wasm')).rejects.toThrow(/cannot read \/nonexistent\/engram.wasm/);
  });
});

describe('argument checks before the call crosses into wasm', () => {
  const cases: [string, (m: Engram) => unknown, string][] = [
    ['number scope', (m) => m.observe(5 as never, 'x'), 'scope must be a string, got number'],
    ['undefined scope', (m) => m.size(undefined as never), 'scope is required'],
    ['object text', (m) => m.observe('s', {} as never), 'text must be a string, got object'],
    ['array question', (m) => m.get('s', ['q'] as never), 'question must be a string, got array'],
    ['string as texts', (m) => m.observeMany('s', 'abc' as never), 'texts must be an array of strings, got string'],
    ['number in texts', (m) => m.observeMany('s', ['a', 5] as never), 'texts[1] must be a string, got number'],
    ['undefined in texts', (m) => m.observeMany('s', ['a', undefined] as never), 'texts[1] is null'],
    ['fractional k', (m) => m.recall('s', 'q', 2.5), 'k must be an integer, got 2.5'],
    ['NaN k', (m) => m.recall('s', 'q', NaN), 'k must be an integer, got NaN'],
    ['huge k', (m) => m.recall('s', 'q', -1e12), 'k must be between 1 and 1000, got -1000000000000'],
    ['string k', (m) => m.recall('s', 'q', '3' as never), 'k must be an integer, got string'],
    ['oversize text', (m) => m.observe('s', 'x'.repeat(m.limits.textChars + 1)), 'text is 1048577 chars; the limit is 1048576 per call (split it)'],
    ['control char in scope (core checks it)', (m) => m.size('a\u0001b'), 'scope must not contain control characters (at index 1)'],
  ];
  for (const [name, call, message] of cases) {
    it(`${name}: ${message}`, async () => {
      const m = await Engram.forNode();
      m.observe('s', 'The deploy region is us-west-2.');
      expect(() => call(m)).toThrow(new Error(message));
      // Still whole afterwards.
      expect(m.size('s')).toBe(1);
      expect(m.get('s', 'what is the deploy region?')).toBe(m.recallValue('s', 'what is the deploy region?').value);
    });
  }

  it('errors are plain Errors whose message is exactly core\'s', async () => {
    const m = await Engram.forNode();
    try {
      m.chain('s', 'Aurora');
      expect.unreachable();
    } catch (e) {
      expect(Object.getPrototypeOf(e)).toBe(Error.prototype);
      expect((e as Error).message).toBe("chain needs a start and at least one relation: 'A -> rel -> rel'");
    }
  });

  it('dump and load: a snapshot restores the same answers in another memory, bad bytes are refused', async () => {
    const a = await Engram.forNode();
    a.observeMany('s', ['The owner of Aurora is Kim Lee.', 'The deploy region is us-west-2.']);
    a.observe('t', 'The color of the logo is teal.');
    const b = await Engram.forNode();
    expect(b.load(a.dump('s'))).toEqual(['s']);
    expect(b.size('t')).toBe(0);
    const c = await Engram.forNode();
    expect(c.load(a.dump().slice().buffer).sort()).toEqual(['s', 't']);
    for (const m of [b, c]) {
      expect(m.size('s')).toBe(a.size('s'));
      expect(m.recall('s', 'who owns Aurora', 5)).toEqual(a.recall('s', 'who owns Aurora', 5));
      expect(m.get('s', 'deploy region?')).toBe(a.get('s', 'deploy region?'));
    }
    const bad = a.dump('s').slice();
    bad[bad.length >> 1] ^= 0x10;
    expect(() => b.load(bad)).toThrow(/checksum/);
    expect(() => b.load(null as never)).toThrow(new Error('snapshot is required'));
    expect(() => b.load([1, 2] as never)).toThrow(new Error('snapshot must be a Uint8Array or an ArrayBuffer, got array'));
    expect(b.size('s')).toBe(a.size('s'));
  });

  it('default k is 5', async () => {
    const m = await Engram.forNode();
    const texts = Array.from({ length: 8 }, (_, i) => `The deploy region of service${i} is r${i}.`);
    m.observeMany('s', texts);
    expect(m.recall('s', 'deploy region').length).toBe(Math.min(5, m.recall('s', 'deploy region', 8).length));
  });
});
