// The chat models the lab can put behind the dispatcher: WebLLM in the tab (WebGPU), an OpenAI-compatible
// endpoint, Ollama's own API, or none (memory only). The dispatcher decides first; a model is called only
// for what memory cannot answer (FETCH, ESCALATE).

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Llm {
  /** Shown in each turn: which model answered. */
  readonly label: string;
  complete(messages: ChatMessage[]): Promise<string>;
}

/** WebLLM models offered in the picker: small instruction-tuned builds from web-llm's prebuilt list. */
export const WEBLLM_MODELS: { id: string; label: string }[] = [
  { id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', label: 'Qwen2.5 0.5B Instruct (about 0.3 GB)' },
  { id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', label: 'Llama 3.2 1B Instruct (about 0.9 GB)' },
  { id: 'Phi-3.5-mini-instruct-q4f16_1-MLC', label: 'Phi-3.5 mini Instruct (about 2.2 GB)' },
];

/** True when the browser exposes WebGPU and hands out an adapter (headless Chromium has navigator.gpu but no adapter). */
export async function webGpuAvailable(): Promise<boolean> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

/**
 * Loads a WebLLM model: the library is imported only here (a separate chunk of several MB), and the
 * weights download into the browser's cache with progress reported between 0 and 1.
 */
export async function loadWebLlm(modelId: string, onProgress: (fraction: number, text: string) => void): Promise<Llm> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) throw new Error('WebGPU is not available in this browser, so WebLLM cannot run here');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('this browser exposes WebGPU but found no GPU adapter, so WebLLM cannot run here');
  const webllm = await import('@mlc-ai/web-llm');
  const engine = await webllm.CreateMLCEngine(modelId, {
    initProgressCallback: (report) => onProgress(report.progress, report.text),
  });
  return {
    label: `WebLLM ${modelId}`,
    async complete(messages) {
      const reply = await engine.chat.completions.create({ messages, temperature: 0.2, max_tokens: 256 });
      return reply.choices[0]?.message?.content ?? '';
    },
  };
}

export type EndpointKind = 'openai' | 'ollama';

export interface EndpointConfig {
  kind: EndpointKind;
  /** Base URL: https://host/v1 for OpenAI-compatible, http://localhost:11434 for Ollama. */
  url: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

async function post(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`${url} gave no answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new Error(`could not reach ${url} (${(e as Error).message}): is it running, and does it allow requests from ${location.origin} (CORS; for Ollama set OLLAMA_ORIGINS)?`);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered something that is not JSON: ${text.slice(0, 200)}`);
  }
}

export function endpointLlm(config: EndpointConfig): Llm {
  let base: URL;
  try {
    base = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
  } catch {
    throw new Error(`the endpoint URL "${config.url}" is not a URL (e.g. http://localhost:11434)`);
  }
  if (!config.model.trim()) throw new Error('name the model to use (e.g. llama3.2 or gpt-4o-mini)');
  const headers: Record<string, string> = config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
  if (config.kind === 'ollama') {
    const url = new URL('api/chat', base).href;
    return {
      label: `Ollama ${config.model}`,
      async complete(messages) {
        const reply = (await post(url, { model: config.model, messages, stream: false }, headers, config.timeoutMs)) as {
          message?: { content?: string };
          error?: string;
        };
        if (reply.error) throw new Error(`Ollama: ${reply.error}`);
        if (typeof reply.message?.content !== 'string') throw new Error('Ollama answered without message.content');
        return reply.message.content;
      },
    };
  }
  const url = new URL('chat/completions', base).href;
  return {
    label: `${base.host} ${config.model}`,
    async complete(messages) {
      const reply = (await post(url, { model: config.model, messages, temperature: 0.2 }, headers, config.timeoutMs)) as {
        choices?: { message?: { content?: string } }[];
      };
      const content = reply.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new Error(`${url} answered without choices[0].message.content`);
      return content;
    },
  };
}

/** The system prompt: the facts memory recalled, so the model answers from them where they apply. */
export function withMemory(facts: string[], question: string, route: string): ChatMessage[] {
  const lines = facts.length ? facts.map((f) => `- ${f}`).join('\n') : '(memory recalled nothing relevant)';
  const fetchNote = route === 'FETCH'
    ? '\nThe question asks about the live world; if you cannot know the current answer, say so plainly.'
    : '';
  return [
    {
      role: 'system',
      content: `You are the chat model of the engram lab. engram's memory recalled these facts for the user's message:\n${lines}\nUse them when they apply; say when they do not. Be brief.${fetchNote}`,
    },
    { role: 'user', content: question },
  ];
}
