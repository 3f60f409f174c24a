// Worker for the tab back-end: owns the npm package's Engram (memory, dispatcher, and knowledge + brain
// when the build has them) so neither a long learn nor a brain step ever freezes the page. The page
// sends {id, method, args}; the worker answers {id, ok, result | error}; brain steps arrive as ticks.
import { BrainLoop } from './brain-loop.js';
import type { BrainStatus, BrainTick, CallMessage, LoopStart, ReplyMessage, Stepped } from './types.js';

// The npm package's surface as this worker uses it (its own types live in npm/dist/index.d.ts).
interface EngramModule {
  Engram: { forBrowser(url?: string | URL): Promise<Engram> };
}
interface Engram {
  loadRouter(source?: string | URL): Promise<void>;
  knowledge?: Record<string, (...args: unknown[]) => unknown>;
  brain?: Record<string, (...args: unknown[]) => unknown>;
  [method: string]: unknown;
}

const MEMORY_METHODS = new Set([
  'observe', 'route', 'recallScored', 'notes', 'note', 'scopes', 'stats', 'vars', 'setVar', 'deleteVar', 'forgetId',
  'forget', 'dump', 'load',
]);
const KNOWLEDGE_METHODS = ['learn', 'ask', 'topics', 'concepts'];
const BRAIN_METHODS = ['status', 'step', 'imprint', 'recall'];

let engram: Engram | null = null;
let loop: BrainLoop | null = null;
const post = (message: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

function has(group: Record<string, unknown> | undefined, names: string[]): boolean {
  return !!group && names.every((name) => typeof group[name] === 'function');
}

async function init(engramUrl: string): Promise<{ knowledge: boolean; brain: boolean }> {
  const module = (await import(engramUrl)) as EngramModule;
  engram = await module.Engram.forBrowser(new URL('engram.wasm', engramUrl));
  await engram.loadRouter(new URL('./', engramUrl));
  return { knowledge: has(engram.knowledge, KNOWLEDGE_METHODS), brain: has(engram.brain, BRAIN_METHODS) };
}

async function invoke(method: string, args: unknown[]): Promise<unknown> {
  if (method === 'init') return init(args[0] as string);
  if (!engram) throw new Error('engram is not loaded yet');
  const dot = method.indexOf('.');
  if (dot > 0) {
    const group = method.slice(0, dot) === 'knowledge' ? engram.knowledge : method.slice(0, dot) === 'brain' ? engram.brain : undefined;
    const fn = group?.[method.slice(dot + 1)];
    if (typeof fn !== 'function') throw new Error(`this npm build has no ${method}: it needs the server`);
    return await fn.apply(group, args);
  }
  if (!MEMORY_METHODS.has(method)) throw new Error(`unknown method ${method}`);
  const result = (engram[method] as (...a: unknown[]) => unknown).apply(engram, args);
  if (result instanceof Map) return Object.fromEntries(result);
  return result;
}

self.onmessage = async (event: MessageEvent<CallMessage | LoopStart>) => {
  const message = event.data;
  if ('type' in message && message.type === 'loop') {
    loop?.stop();
    if (message.on && engram?.brain) {
      const brain = engram.brain;
      loop = new BrainLoop(
        {
          step: async (ms) => (await brain.step(ms)) as Stepped,
          status: async () => (await brain.status()) as BrainStatus,
        },
        (tick: BrainTick) => post({ type: 'tick', tick }),
      );
      loop.start(message.stepMs);
    }
    return;
  }
  const { id, method, args } = message as CallMessage;
  let reply: ReplyMessage;
  const transfer: Transferable[] = [];
  try {
    const result = await invoke(method, args);
    if (result instanceof Uint8Array) transfer.push(result.buffer);
    reply = { id, ok: true, result };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  post(reply, transfer);
};
