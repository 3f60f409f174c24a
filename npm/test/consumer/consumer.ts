// Compiled (never run) by package.test.ts against the published declarations, the way a user's
// project sees them: through the package name and its exports map.
import { Engram, type Answer, type ChainResult, type Limits } from 'engram';

export async function use(): Promise<[string | null, string[], Answer, ChainResult, number, Limits]> {
  const memory: Engram = await Engram.forNode();
  await Engram.forBrowser(new URL('https://example.com/engram.wasm'));
  await Engram.fromBytes(new Uint8Array(8));
  await Engram.fromModule(new WebAssembly.Module(new Uint8Array(8)));
  const stored: number = memory.observe('s', 'The deploy region is us-west-2.') + memory.observeMany('s', ['a', 'b']);
  const snapshot: Uint8Array = memory.dump('s');
  const scopes: string[] = memory.load(snapshot).concat(memory.load(memory.dump().slice().buffer));
  void scopes;
  // @ts-expect-error a snapshot is bytes, not text
  memory.load('snapshot');
  // @ts-expect-error texts must be an array
  memory.observeMany('s', 'a');
  // @ts-expect-error k is a number
  memory.recall('s', 'q', '5');
  // @ts-expect-error get returns string | null, not string
  const wrong: string = memory.get('s', 'q');
  void wrong;
  return [memory.get('s', 'q'), memory.recall('s', 'q'), memory.recallValue('s', 'q'), memory.chain('s', 'a -> b'),
    stored + memory.assess('s', 'q') + memory.size('s'), memory.limits];
}
