// Run by deno.test.ts under Deno: saveTo/loadFrom through fileStore in a temporary directory (Deno's
// node:fs), a missing file and a corrupt file; prints one JSON line with what it saw.
const { Engram, fileStore } = await import('../../dist/index.js');
// deno-lint-ignore no-explicit-any
const Deno = (globalThis as any).Deno;
const dir: string = await Deno.makeTempDir({ prefix: 'engram-deno-' });
try {
  const a = await Engram.forNode();
  a.observe('user:42', 'The owner of Aurora is Kim Lee.');
  const store = fileStore(`${dir}/m.engram`);
  const saved = await a.saveTo(store);
  const b = await Engram.forNode();
  const scopes = await b.loadFrom(store);
  const owner = b.get('user:42', 'who owns Aurora?');
  const missing = await b.loadFrom(fileStore(`${dir}/none.engram`));
  const bytes = await Deno.readFile(`${dir}/m.engram`);
  bytes[bytes.length >> 1] ^= 0x10;
  await Deno.writeFile(`${dir}/m.engram`, bytes);
  const corrupt = await b.loadFrom(store).then(() => 'loaded', (e: Error) => e.message);
  const leftovers = [];
  for await (const entry of Deno.readDir(dir)) leftovers.push(entry.name);
  console.log(JSON.stringify({ saved, scopes, owner, missing, corrupt, files: leftovers }));
} finally {
  await Deno.remove(dir, { recursive: true });
}
