// Compiled (never run) by package.test.ts against the published declarations, the way a user's
// project sees them: through the package name and its exports map.
import { Engram, fileStore, indexedDbStore, opfsStore, type SnapshotStore, type Answer, type ChainResult, type Limits, type NoteKind, type RecallPage, type Recalled, type Stats } from 'engram';

export async function use(): Promise<[string | null, string[], Answer, ChainResult, number, Limits]> {
  const memory: Engram = await Engram.forNode();
  await Engram.forBrowser(new URL('https://example.com/engram.wasm'));
  await Engram.fromBytes(new Uint8Array(8));
  await Engram.fromModule(new WebAssembly.Module(new Uint8Array(8)));
  const stored: number = memory.observe('s', 'The deploy region is us-west-2.') + memory.observeMany('s', ['a', 'b']);
  const snapshot: Uint8Array = memory.dump('s');
  const scopes: string[] = memory.load(snapshot).concat(memory.load(memory.dump().slice().buffer));
  void scopes;
  const store: SnapshotStore = [fileStore('m.engram'), indexedDbStore('app', 'm'), opfsStore('m.engram')][0];
  const saved: number = await memory.saveTo(store, 's');
  const restored: string[] | null = await memory.loadFrom(fileStore(new URL('file:///tmp/m.engram')));
  void [saved, restored];
  // @ts-expect-error loadFrom may give null (nothing saved yet)
  const notNull: string[] = await memory.loadFrom(store);
  void notNull;
  // @ts-expect-error a snapshot is bytes, not text
  memory.load('snapshot');
  // @ts-expect-error texts must be an array
  memory.observeMany('s', 'a');
  // @ts-expect-error k is a number
  memory.recall('s', 'q', '5');
  const scored: Recalled[] = memory.recallScored('s', 'q', 3).concat(memory.assoc('s', 'cue'));
  const page: RecallPage = memory.recallPage('s', 'q', 10, scored.length > 0 ? null : undefined);
  const kind: NoteKind = 'task';
  const notes: RecallPage = memory.notes('s', kind, 20, page.next);
  const counted: number = memory.note('s', 'preference', 'I like tea.') + memory.forget('s', 'tea') + notes.items.length;
  const gone: boolean = memory.forgetId('s', 0) || memory.deleteVar('s', 'n');
  memory.setVar('s', 'n', 'v');
  const v: string | null = memory.getVar('s', 'n');
  const vars: Map<string, string> = memory.vars('s');
  const stats: Stats = memory.stats();
  const line: string = memory.shell('s', 'help') + memory.scopes().join(',');
  memory.setClock(0);
  memory.setClock(null);
  void [counted, gone, v, vars, stats, line];
  // @ts-expect-error not a note kind
  memory.note('s', 'recipe', 'x');
  // @ts-expect-error an id is a number
  memory.forgetId('s', '0');
  // @ts-expect-error get returns string | null, not string
  const wrong: string = memory.get('s', 'q');
  void wrong;
  return [memory.get('s', 'q'), memory.recall('s', 'q'), memory.recallValue('s', 'q'), memory.chain('s', 'a -> b'),
    stored + memory.assess('s', 'q') + memory.size('s'), memory.limits];
}
