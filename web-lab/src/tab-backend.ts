// The tab back-end: the npm package in a Worker (engine-worker.ts). Memory and the dispatcher are always
// there; knowledge and the brain only when the npm build has engram.knowledge / engram.brain, otherwise
// `knowledge` and `brain` are null and the page shows that they need the server.
import { applyExport, isJson } from './export-format.js';
import type {
  Asked, Backend, BrainApi, BrainRecalled, BrainStatus, BrainTick, Concept, Decision, KnowledgeApi, Learned, LoopStart,
  Page, Recalled, ReplyMessage, Snapshot, Stats, Stepped, Topic,
} from './types.js';

export class TabBackend implements Backend {
  readonly kind = 'tab' as const;
  readonly where: string;
  readonly knowledge: KnowledgeApi | null;
  readonly brain: BrainApi | null;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #onTick: ((tick: BrainTick) => void) | null = null;

  private constructor(worker: Worker, features: { knowledge: boolean; brain: boolean }) {
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<ReplyMessage | { type: 'tick'; tick: BrainTick }>) => {
      const data = event.data;
      if ('type' in data) {
        this.#onTick?.(data.tick);
        return;
      }
      const waiting = this.#pending.get(data.id);
      if (!waiting) return;
      this.#pending.delete(data.id);
      if (data.ok) waiting.resolve(data.result);
      else waiting.reject(new Error(data.error ?? 'the engine worker failed without a message'));
    };
    const parts = ['memory', 'the dispatcher'];
    if (features.knowledge) parts.push('knowledge');
    if (features.brain) parts.push('the spiking brain');
    const listed = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    this.where = `${listed} run in this tab (WebAssembly in a Worker); nothing is sent to a server`;
    this.knowledge = features.knowledge
      ? {
          // Optional arguments are left out rather than passed as null, as the npm API's own defaults expect.
          learn: (topic, text, format) => (format ? this.#call<Learned>('knowledge.learn', topic, text, format) : this.#call<Learned>('knowledge.learn', topic, text)),
          ask: (question) => this.#call<Asked>('knowledge.ask', question),
          topics: async () => unwrap<Topic[]>(await this.#call('knowledge.topics'), 'topics'),
          concepts: async (topic) => unwrap<Concept[]>(await (topic ? this.#call('knowledge.concepts', topic) : this.#call('knowledge.concepts')), 'concepts'),
        }
      : null;
    this.brain = features.brain
      ? {
          status: () => this.#call<BrainStatus>('brain.status'),
          step: (ms) => this.#call<Stepped>('brain.step', ms),
          imprint: (s, r, o) => this.#call('brain.imprint', s, r, o),
          recall: (concept, k = 5) => this.#call<BrainRecalled>('brain.recall', concept, k),
        }
      : null;
  }

  /** Starts the Worker and loads the npm package from `engramUrl` (its index.js) inside it. */
  static async start(engramUrl: string): Promise<TabBackend> {
    const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module', name: 'engram engine' });
    const failed = new Promise<never>((_, reject) => {
      worker.onerror = (event) => reject(new Error(`the engine worker failed to start: ${event.message || 'no message'}`));
    });
    const reply = new Promise<{ knowledge: boolean; brain: boolean }>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ReplyMessage>) => {
        if (event.data.ok) resolve(event.data.result as { knowledge: boolean; brain: boolean });
        else reject(new Error(event.data.error));
      };
    });
    worker.postMessage({ id: 0, method: 'init', args: [engramUrl] });
    const features = await Promise.race([reply, failed]);
    return new TabBackend(worker, features);
  }

  #call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, method, args });
    });
  }

  observe(scope: string, text: string): Promise<number> {
    return this.#call('observe', scope, text);
  }

  route(scope: string, message: string): Promise<Decision> {
    return this.#call('route', scope, message);
  }

  recall(scope: string, question: string, k: number): Promise<Recalled[]> {
    return this.#call('recallScored', scope, question, k);
  }

  notes(scope: string, k: number, cursor: string | null): Promise<Page> {
    return this.#call('notes', scope, null, k, cursor);
  }

  note(scope: string, kind: string, text: string): Promise<number> {
    return this.#call('note', scope, kind, text);
  }

  scopes(): Promise<string[]> {
    return this.#call('scopes');
  }

  stats(scope: string | null): Promise<Stats> {
    return this.#call('stats', scope);
  }

  vars(scope: string): Promise<Record<string, string>> {
    return this.#call('vars', scope);
  }

  setVar(scope: string, name: string, value: string): Promise<void> {
    return this.#call('setVar', scope, name, value);
  }

  deleteVar(scope: string, name: string): Promise<boolean> {
    return this.#call('deleteVar', scope, name);
  }

  forgetId(scope: string, id: number): Promise<boolean> {
    return this.#call('forgetId', scope, id);
  }

  forget(scope: string, substring: string): Promise<number> {
    return this.#call('forget', scope, substring);
  }

  /** engram's own binary snapshot (Engram.dump): facts, strengths, links and variables. */
  async exportSnapshot(): Promise<Snapshot> {
    const bytes = await this.#call<Uint8Array>('dump');
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    return { bytes, filename: `engram-${stamp}.snapshot`, type: 'application/octet-stream' };
  }

  async importSnapshot(bytes: Uint8Array): Promise<string> {
    if (isJson(bytes)) return applyExport(this, bytes);
    const scopes = await this.#call<string[]>('load', bytes);
    return `loaded the snapshot: ${scopes.length} ${scopes.length === 1 ? 'scope' : 'scopes'} (${scopes.join(', ')})`;
  }

  startBrainLoop(onTick: (tick: BrainTick) => void, stepMs: number): () => void {
    this.#onTick = onTick;
    const start: LoopStart = { type: 'loop', on: true, stepMs };
    this.#worker.postMessage(start);
    return () => {
      this.#worker.postMessage({ type: 'loop', on: false, stepMs } satisfies LoopStart);
      this.#onTick = null;
    };
  }
}

/** The npm build may return the HTTP shape ({topics: [...]}) or the bare list; accept both. */
function unwrap<T>(value: unknown, field: string): T {
  if (Array.isArray(value)) return value as T;
  const inner = (value as Record<string, unknown> | null)?.[field];
  if (Array.isArray(inner)) return inner as T;
  throw new Error(`engram.knowledge returned an unexpected shape for ${field}: ${JSON.stringify(value)?.slice(0, 120)}`);
}
