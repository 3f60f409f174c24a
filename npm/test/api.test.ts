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
    ['number cursor', (m) => m.recallPage('s', 'q', 2, 7 as never), 'cursor must be a string, got number'],
    ['forged cursor (core checks it)', (m) => m.recallPage('s', 'q', 2, 'c9.x'), "invalid cursor 'c9.x': pass back the 'next' of a previous page"],
    ['fractional k for assoc', (m) => m.assoc('s', 'q', 1.5), 'k must be an integer, got 1.5'],
    ['number note kind', (m) => m.note('s', 3 as never, 'x'), 'kind must be a string, got number'],
    ['unknown note kind (core checks it)', (m) => m.note('s', 'recipe' as never, 'x'), "unknown note kind 'recipe'; use one of fact, preference, event, task, person, instruction"],
    ['object kind for notes', (m) => m.notes('s', {} as never), 'kind must be a string, got object'],
    ['undefined substring', (m) => m.forget('s', undefined as never), 'substring is required ("" forgets the whole scope)'],
    ['number substring', (m) => m.forget('s', 1 as never), 'substring must be a string, got number'],
    ['oversize substring', (m) => m.forget('s', 'x'.repeat(4097)), 'substring is 4097 chars; the limit is 4096'],
    ['fractional id', (m) => m.forgetId('s', 0.5), 'id must be a 32-bit integer, got 0.5'],
    ['id past int32', (m) => m.forgetId('s', 2 ** 31), 'id must be a 32-bit integer, got 2147483648'],
    ['string id', (m) => m.forgetId('s', '0' as never), 'id must be a 32-bit integer, got string'],
    ['empty var name', (m) => m.setVar('s', '', 'v'), 'variable name must not be empty'],
    ['undefined var name', (m) => m.getVar('s', undefined as never), 'variable name must not be empty'],
    ['number var name', (m) => m.deleteVar('s', 9 as never), 'variable name must be a string, got number'],
    ['oversize var name', (m) => m.setVar('s', 'n'.repeat(201), 'v'), 'variable name is 201 chars; the limit is 200'],
    ['null var value', (m) => m.setVar('s', 'n', null as never), 'variable value is required'],
    ['number var value', (m) => m.setVar('s', 'n', 1 as never), 'variable value must be a string, got number'],
    ['oversize var value', (m) => m.setVar('s', 'n', 'v'.repeat(65537)), 'variable value is 65537 chars; the limit is 65536'],
    ['number stats scope', (m) => m.stats(1 as never), 'scope must be a string, got number'],
    ['null shell line', (m) => m.shell('s', null as never), 'line is required'],
    ['number shell line', (m) => m.shell('s', 1 as never), 'line must be a string, got number'],
    ['number shell scope', (m) => m.shell(1 as never, 'help'), 'scope must be a string, got number'],
    ['negative clock', (m) => m.setClock(-1), 'clock must be a whole number of ms in 0..2^53-1, got -1'],
    ['fractional clock', (m) => m.setClock(1.5), 'clock must be a whole number of ms in 0..2^53-1, got 1.5'],
    ['unsafe clock', (m) => m.setClock(2 ** 53), 'clock must be a whole number of ms in 0..2^53-1, got 9007199254740992'],
    ['string clock', (m) => m.setClock('0' as never), 'clock must be a whole number of ms in 0..2^53-1, got string'],
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

  it('recallPage walks every page with its cursor, and pages cover recallScored', async () => {
    const m = await Engram.forNode();
    m.setClock(Date.UTC(2026, 0, 1));
    m.observeMany('s', Array.from({ length: 7 }, (_, i) => `The deploy region of service${i} is r${i}.`));
    const seen: string[] = [];
    let page = m.recallPage('s', 'deploy region', 3);
    let pages = 1;
    while (page.next !== null) {
      seen.push(...page.items.map((r) => r.text));
      page = m.recallPage('s', 'deploy region', 3, page.next);
      pages++;
    }
    seen.push(...page.items.map((r) => r.text));
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const [top] = m.recallScored('s', 'deploy region of service3', 1);
    expect(top).toMatchObject({ text: 'The deploy region of service3 is r3.', kind: 'fact', value: 'r3' });
    expect(typeof top.score).toBe('number');
    expect(m.forgetId('s', top.id)).toBe(true);
    expect(m.forgetId('s', top.id)).toBe(false);
    expect(m.stats('s')).toEqual({ scopes: 1, facts: 6, forgotten: 1, terms: m.stats('s').terms, links: m.stats('s').links, vars: 0 });
  });

  it('a pinned clock makes strength reproducible; null returns to the wall clock', async () => {
    const week = 7 * 24 * 3600 * 1000;
    const t0 = Date.UTC(2026, 0, 1);
    const run = async () => {
      const m = await Engram.forNode();
      m.setClock(t0);
      m.observe('s', 'The owner of Aurora is Kim Lee.');
      m.recallScored('s', 'who owns Aurora', 1); // used once: strength 2 from now on, decaying
      m.setClock(t0 + 2 * week);
      return m.recallScored('s', 'who owns Aurora', 1)[0].strength;
    };
    expect(await run()).toBe(1.25); // 1 + 1 * 0.5^2: two half-lives of disuse
    expect(await run()).toBe(await run());
    const m = await Engram.forNode();
    m.setClock(null);
    m.observe('s', 'The owner of Aurora is Kim Lee.');
    expect(m.recallScored('s', 'who owns Aurora', 1)[0].strength).toBe(1);
  });

  it('vars keep core\'s order in a Map, notes list by kind, shell answers in one line', async () => {
    const m = await Engram.forNode();
    m.setVar('s', '9', 'nine');
    m.setVar('s', '10', 'ten');
    expect([...m.vars('s')]).toEqual([['10', 'ten'], ['9', 'nine']]);
    expect(m.getVar('s', 'missing')).toBeNull();
    expect(m.deleteVar('s', '9')).toBe(true);
    expect(m.note('s', 'task', 'Book the venue. Send the invites.')).toBe(2);
    expect(m.notes('s', 'task').items.map((n) => n.text)).toEqual(['Send the invites.', 'Book the venue.']);
    expect(m.scopes()).toEqual(['s']);
    expect(m.shell('s', 'The deploy region is us-west-2.')).toBe('stored 1');
    expect(m.shell('s', "what's the deploy region?")).toBe('us-west-2');
    expect(m.shell('', 'get x')).toBe('error: scope must not be empty');
    expect(m.forget('s', '')).toBe(3);
    expect(m.scopes()).toEqual([]);
  });

  it('default k is 5', async () => {
    const m = await Engram.forNode();
    const texts = Array.from({ length: 8 }, (_, i) => `The deploy region of service${i} is r${i}.`);
    m.observeMany('s', texts);
    expect(m.recall('s', 'deploy region').length).toBe(Math.min(5, m.recall('s', 'deploy region', 8).length));
  });
});

describe('route', () => {
  const dist = new URL('../dist/', import.meta.url);

  it('refuses to route before loadRouter, with a clear error', async () => {
    const m = await Engram.forNode();
    expect(() => m.route('s', 'what is the deploy region?')).toThrow(/router is not loaded; call `await memory.loadRouter\(\)`/);
  });

  it('answers from memory, stores statements, sends live questions out', async () => {
    const m = await Engram.forNode();
    await m.loadRouter();
    m.observe('s', 'The deploy region is us-west-2.');
    const answer = m.route('s', 'what is the deploy region?');
    expect(answer.route).toBe('ANSWER');
    expect(answer.value).toBe('us-west-2');
    expect(answer.facts).toEqual(['The deploy region is us-west-2.']);
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(m.route('s', 'My dog is called Rex.')).toMatchObject({ route: 'STORE', value: 'My dog is called Rex.' });
    expect(m.get('s', 'what is the dog called?')).toBe('Rex');
    expect(m.route('s', "what's the weather in Paris right now?")).toMatchObject({ route: 'FETCH', value: null });
    expect(() => m.route('s', '  ')).toThrow('message must not be empty');
    expect(() => m.route('', 'hi?')).toThrow('scope must not be empty');
    expect(() => m.route('s', 42 as never)).toThrow(/question must be a string/);
  });

  it('loads the router from bytes or a directory URL, and refuses damaged bytes', async () => {
    const tokenizer = readFileSync(new URL('router.bpe', dist));
    const model = readFileSync(new URL('router.i8', dist));
    const a = await Engram.forNode();
    await a.loadRouter({ tokenizer, model });
    const b = await Engram.forNode();
    await b.loadRouter(dist);
    for (const m of [a, b]) {
      m.observe('s', 'The gym opens at 6am.');
      expect(m.route('s', 'when does the gym open?')).toMatchObject({ route: 'ANSWER', value: '6am' });
    }
    const damaged = Uint8Array.from(model);
    damaged[damaged.length >> 1] ^= 0x55;
    const c = await Engram.forNode();
    await expect(c.loadRouter({ tokenizer, model: damaged })).rejects.toThrow(/checksum/);
    expect(() => c.route('s', 'hi?')).toThrow(/router is not loaded/);
    await expect(c.loadRouter(new URL('file:///nonexistent/'))).rejects.toThrow(/cannot read file:\/\/\/nonexistent\/router/);
  });
});
