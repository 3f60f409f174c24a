// The server back-end: `engram serve`'s HTTP API, same origin. The brain loop runs in a Worker
// (loop-worker.ts) that posts steps to /v1/brain/step, so the page's thread only draws.
import { applyExport, buildExport } from './export-format.js';
import type {
  Asked, Backend, BrainApi, BrainRecalled, BrainStatus, BrainTick, Concept, Decision, KnowledgeApi, Learned, LoopStart,
  Page, Recalled, Snapshot, Stats, Stepped, Topic,
} from './types.js';

/** How long one API call may take before the lab gives up on it and says so. */
const TIMEOUT_MS = 60_000;

export class HttpError extends Error {}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (e) {
    const why = controller.signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message;
    throw new HttpError(`${method} ${path} failed: ${why}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new HttpError(`${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const message = (json as { error?: string } | null)?.error ?? text.slice(0, 200);
    throw new HttpError(`${message} (HTTP ${response.status})`);
  }
  return json as T;
}

const enc = encodeURIComponent;

/** True when the page is served by `engram serve` (it answers /healthz with {"status":"ok"}). */
export async function serverAvailable(): Promise<boolean> {
  try {
    const response = await fetch('healthz', { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

export class HttpBackend implements Backend {
  readonly kind = 'server' as const;
  readonly where = `memory, dispatcher, knowledge and the spiking brain run on the server (${location.host})`;

  readonly knowledge: KnowledgeApi = {
    learn: (topic, text, format) =>
      call<Learned>('POST', 'v1/brain/learn', format ? { topic, text, format } : { topic, text }),
    ask: (question) => call<Asked>('POST', 'v1/brain/ask', { question }),
    topics: async () => (await call<{ topics: Topic[] }>('GET', 'v1/brain/topics')).topics,
    concepts: async (topic) =>
      (await call<{ concepts: Concept[] }>('GET', `v1/brain/concepts${topic ? `?topic=${enc(topic)}` : ''}`)).concepts,
  };

  readonly brain: BrainApi = {
    status: () => call<BrainStatus>('GET', 'v1/brain/status'),
    step: (ms) => call<Stepped>('POST', 'v1/brain/step', { ms }),
    imprint: (subject, relation, object) => call('POST', 'v1/brain/imprint', { subject, relation, object }),
    recall: (concept, k = 5) => call<BrainRecalled>('POST', 'v1/brain/recall', { concept, k }),
  };

  async observe(scope: string, text: string): Promise<number> {
    return (await call<{ stored: number }>('POST', `v1/${enc(scope)}/observe`, { text })).stored;
  }

  route(scope: string, message: string): Promise<Decision> {
    return call<Decision>('POST', 'v1/route', { scope, message });
  }

  async recall(scope: string, question: string, k: number): Promise<Recalled[]> {
    return (await call<Page>('GET', `v1/${enc(scope)}/recall?q=${enc(question)}&k=${k}`)).items;
  }

  notes(scope: string, k: number, cursor: string | null): Promise<Page> {
    return call<Page>('GET', `v1/${enc(scope)}/notes?k=${k}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
  }

  async note(scope: string, kind: string, text: string): Promise<number> {
    return (await call<{ stored: number }>('POST', `v1/${enc(scope)}/notes`, { kind, text })).stored;
  }

  async scopes(): Promise<string[]> {
    return (await call<{ scopes: string[] }>('GET', 'v1/scopes')).scopes;
  }

  stats(scope: string | null): Promise<Stats> {
    return call<Stats>('GET', scope ? `v1/${enc(scope)}/stats` : 'v1/stats');
  }

  async vars(scope: string): Promise<Record<string, string>> {
    return (await call<{ vars: Record<string, string> }>('GET', `v1/${enc(scope)}/vars`)).vars;
  }

  async setVar(scope: string, name: string, value: string): Promise<void> {
    await call('PUT', `v1/${enc(scope)}/vars/${enc(name)}`, { value });
  }

  async deleteVar(scope: string, name: string): Promise<boolean> {
    return (await call<{ deleted: boolean }>('DELETE', `v1/${enc(scope)}/vars/${enc(name)}`)).deleted;
  }

  async forgetId(scope: string, id: number): Promise<boolean> {
    return (await call<{ forgotten: number }>('POST', `v1/${enc(scope)}/forget`, { id })).forgotten > 0;
  }

  async forget(scope: string, substring: string): Promise<number> {
    return (await call<{ forgotten: number }>('POST', `v1/${enc(scope)}/forget`, { substring })).forgotten;
  }

  async exportSnapshot(): Promise<Snapshot> {
    const data = await buildExport(this);
    return {
      bytes: new TextEncoder().encode(JSON.stringify(data, null, 1)),
      filename: `engram-lab-${data.exported.slice(0, 19).replace(/[:T]/g, '-')}.json`,
      type: 'application/json',
    };
  }

  async importSnapshot(bytes: Uint8Array): Promise<string> {
    if (bytes.length > 0 && bytes[0] !== 0x7b && bytes[0] !== 0x20 && bytes[0] !== 0x0a && bytes[0] !== 0xef) {
      throw new Error('this is a binary engram snapshot: it loads only in the tab back-end (open the lab with ?backend=tab); the server imports the lab\'s JSON export');
    }
    return applyExport(this, bytes);
  }

  startBrainLoop(onTick: (tick: BrainTick) => void, stepMs: number): () => void {
    const worker = new Worker(new URL('./loop-worker.js', import.meta.url), { type: 'module', name: 'engram brain loop' });
    worker.onmessage = (event: MessageEvent<BrainTick>) => onTick(event.data);
    worker.onerror = (event) => onTick({ stepped: null, status: null, error: `the brain loop worker failed: ${event.message}` });
    const start: LoopStart = { type: 'loop', on: true, stepMs, base: new URL('./', location.href).href };
    worker.postMessage(start);
    return () => worker.terminate();
  }
}
