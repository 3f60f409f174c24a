// Worker for the server back-end: steps the server's brain over HTTP so the page's thread never waits.
import { BrainLoop } from './brain-loop.js';
import type { BrainStatus, BrainTick, LoopStart, Stepped } from './types.js';

let loop: BrainLoop | null = null;

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // keep the raw text
    }
    throw new Error(`${url}: ${message} (HTTP ${response.status})`);
  }
  return JSON.parse(text) as T;
}

self.onmessage = (event: MessageEvent<LoopStart>) => {
  const message = event.data;
  if (message.type !== 'loop' || !message.base) return;
  const base = message.base;
  loop?.stop();
  if (!message.on) return;
  loop = new BrainLoop(
    {
      step: (ms) => json<Stepped>(new URL('v1/brain/step', base).href, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }),
      }),
      status: () => json<BrainStatus>(new URL('v1/brain/status', base).href),
    },
    (tick: BrainTick) => (self as unknown as Worker).postMessage(tick),
  );
  loop.start(message.stepMs);
};
