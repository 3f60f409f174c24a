// Compiled (never run) by package.test.ts against the published declarations, the way a user's
// project sees them: through the package name and its exports map.
import { Engram, fileStore, indexedDbStore, opfsStore, type SnapshotStore, type Answer, type ChainResult, type Limits, type NoteKind, type RecallPage, type Recalled, type Stats } from 'engram';
import {
  DEFAULT_BRAIN_SCALE, DEFAULT_BRAIN_SEED, type AskAnswer, type BrainStatus, type ConceptList, type Dream, type ImprintReport,
  type LearnReport, type RecallReport, type SleepReport, type StepReport, type TopicList,
} from 'engram';

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

/** engram.knowledge and engram.brain, in the /v1/brain/* shapes. */
export function useKnowledgeAndBrain(memory: Engram): [AskAnswer, BrainStatus, StepReport, RecallReport] {
  const learned: LearnReport = memory.knowledge.learn('Velmora', 'Velmora bells are cast from river glass.', 'md');
  const answer: AskAnswer = memory.knowledge.ask('What are Velmora bells made of?');
  const via: string | null = answer.associations[0].via;
  const topics: TopicList = memory.knowledge.topics();
  const concepts: ConceptList = memory.knowledge.concepts('Velmora');
  const dream: Dream = memory.knowledge.dream({ from: 'Velmora', steps: 4, seed: 7 });
  void [learned.ms, via, topics, concepts, dream, memory.knowledge.dream()];
  // @ts-expect-error not a source format
  memory.knowledge.learn('t', 'x', 'pdf');
  memory.brain.reset(0.005, 42);
  const imprinted: ImprintReport = memory.brain.imprint('cat', 'is', 'animal');
  const slept: SleepReport = memory.brain.sleep();
  const bytes: Uint8Array = memory.brain.save();
  memory.brain.load(bytes);
  const dopamine: number = memory.brain.status().modulators.dopamine;
  const totals: number[] = memory.brain.spikeTotals();
  void [imprinted, slept, dopamine, totals, DEFAULT_BRAIN_SCALE, DEFAULT_BRAIN_SEED];
  // @ts-expect-error ms is a number
  memory.brain.step('100');
  // @ts-expect-error imprint needs three concepts
  memory.brain.imprint('cat', 'is');
  return [answer, memory.brain.status(), memory.brain.step(10), memory.brain.recall('cat', 3)];
}
