// The engram lab page: picks a back-end (the server when `engram serve` serves the page, else the npm
// package in a Worker), then wires the chat, the memory panel and the brain explorer to it.
import { HttpBackend, serverAvailable } from './http-backend.js';
import { TabBackend } from './tab-backend.js';
import { endpointLlm, loadWebLlm, webGpuAvailable, WEBLLM_MODELS, withMemory, type EndpointKind, type Llm } from './llm.js';
import { REGIONS, TAG_COLORS, TOPIC_PALETTE } from './brain-data.js';
import type { Explorer, GraphNode } from './explorer.js';
import type { Asked, Backend, BrainStatus, BrainTick, Decision, Recalled, Region } from './types.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id);

/** Steps of brain time per loop turn (ms of simulated time; the server caps a call at 10,000). */
const STEP_MS = 20;
/** Concepts whose associations the graph asks for; the API lists concepts but not edges. */
const EDGE_QUERIES = 24;
/** Largest piece of text sent in one learn call, so progress can be shown on long texts. */
const LEARN_CHUNK_CHARS = 40_000;

let backend: Backend;
let explorer: Explorer | null = null;
let llm: Llm | null = null;
let stopLoop: (() => void) | null = null;
let lastStatus: BrainStatus | null = null;
let lastStepWallMs = 0;
const taughtAt = new Map<string, number>();
const edgeCache = new Map<string, [string, string][]>();

// ---------- small helpers ----------

function showError(message: string): void {
  const el = $('error');
  el.textContent = message;
  el.hidden = false;
}

function clearError(): void {
  $('error').hidden = true;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** One formatter for every count the panels show: toLocaleString builds a new one per call. */
const counts = new Intl.NumberFormat();

/** Sets a node's text only when it changed, so a panel refresh that changes nothing costs no style or layout. */
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

function ago(then: number): string {
  const s = Math.round((Date.now() - then) / 1000);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

function scope(): string {
  return input('scope').value.trim() || 'lab';
}

async function guarded(what: string, work: () => Promise<void>): Promise<void> {
  clearError();
  try {
    await work();
  } catch (e) {
    showError(`${what}: ${(e as Error).message}`);
  }
}

// ---------- chat ----------

function currentModel(): string {
  return (document.querySelector<HTMLInputElement>('input[name=model]:checked')?.value) ?? 'memory';
}

function endpointFromForm(kind: EndpointKind): Llm {
  const seconds = Number(input('endpoint-timeout').value || 60);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) throw new Error('the timeout must be between 1 and 600 seconds');
  return endpointLlm({
    kind,
    url: input('endpoint-url').value.trim() || (kind === 'ollama' ? 'http://localhost:11434' : ''),
    model: input('endpoint-model').value.trim(),
    apiKey: input('endpoint-key').value,
    timeoutMs: seconds * 1000,
  });
}

function setModelStatus(text: string): void {
  $('model-status').textContent = text;
}

function onModelChange(): void {
  const model = currentModel();
  $('endpoint-options').hidden = model !== 'openai' && model !== 'ollama';
  if (model === 'memory') {
    llm = null;
    setModelStatus('Memory only: no model is called.');
  } else if (model === 'webllm') {
    if (!llm || !llm.label.startsWith('WebLLM')) setModelStatus('Pick a WebLLM model and load it; until then memory answers alone.');
  } else {
    llm = null;
    setModelStatus(`Turns that memory cannot answer go to the ${model === 'ollama' ? 'Ollama' : 'OpenAI-compatible'} endpoint below.`);
  }
}

async function setupModelPicker(): Promise<void> {
  const select = $<HTMLSelectElement>('webllm-model');
  for (const model of WEBLLM_MODELS) {
    const option = el('option', model.label);
    option.value = model.id;
    select.append(option);
  }
  const gpu = await webGpuAvailable();
  document.body.dataset.webgpu = String(gpu);
  const radio = input('model-webllm');
  if (!gpu) {
    radio.disabled = true;
    select.disabled = true;
    $<HTMLButtonElement>('webllm-load').disabled = true;
    $('webllm-note').textContent =
      'WebGPU is not available in this browser, so WebLLM cannot run here. Use an endpoint, or memory only.';
  } else {
    $('webllm-note').textContent = 'The model downloads once into the browser cache and runs on this GPU.';
  }
  for (const option of document.querySelectorAll<HTMLInputElement>('input[name=model]')) {
    option.addEventListener('change', onModelChange);
  }
  $('webllm-load').addEventListener('click', async () => {
    const id = select.value;
    const progress = $<HTMLProgressElement>('webllm-progress');
    radio.checked = true;
    onModelChange();
    progress.hidden = false;
    progress.value = 0;
    setModelStatus(`Loading ${id}…`);
    $<HTMLButtonElement>('webllm-load').disabled = true;
    try {
      llm = await loadWebLlm(id, (fraction, text) => {
        progress.value = fraction;
        setModelStatus(text);
      });
      setModelStatus(`${id} is loaded; it answers what memory cannot.`);
    } catch (e) {
      llm = null;
      (document.querySelector<HTMLInputElement>('input[name=model][value=memory]')!).checked = true;
      onModelChange();
      setModelStatus(`WebLLM could not load ${id}: ${(e as Error).message}. Falling back to memory only.`);
      document.body.dataset.webllm = 'failed';
    } finally {
      progress.hidden = true;
      $<HTMLButtonElement>('webllm-load').disabled = false;
    }
  });
}

function memoryOnlyReply(decision: Decision, recalled: Recalled[]): string {
  switch (decision.route) {
    case 'ANSWER':
      return decision.value ?? 'Memory holds no answer.';
    case 'STORE':
      return decision.value ? `Stored: “${decision.value}”` : 'That reads as a statement, but nothing could be stored from it.';
    case 'FETCH':
      return 'This asks about the live world: the dispatcher would FETCH from the web. The lab has no fetcher, so nothing is fetched.'
        + (recalled.length ? ' Closest fact in memory: ' + recalled[0].text : '');
    case 'ESCALATE':
      return 'Memory does not hold this: the dispatcher would ESCALATE it to a larger model (pick one above).'
        + (recalled.length ? ' Closest fact in memory: ' + recalled[0].text : '');
  }
}

async function chatTurn(message: string): Promise<void> {
  const list = $('turns');
  const item = el('li', undefined, 'turn');
  item.append(el('p', message, 'you'));
  const reply = el('p', '…', 'reply');
  item.append(reply);
  list.append(item);
  item.scrollIntoView({ block: 'nearest' });

  const s = scope();
  const started = performance.now();
  const decision = await backend.route(s, message);
  const routed = performance.now();
  if (decision.route === 'STORE' && decision.value) taughtAt.set(`${s}\n${decision.value}`, Date.now());
  const recalled = decision.route === 'STORE' ? [] : await backend.recall(s, message, 5);
  const recalledAt = performance.now();
  let answer: string | null = null;
  let who = 'memory';
  let modelMs = 0;
  const model = currentModel();
  const wantsModel = decision.route === 'FETCH' || decision.route === 'ESCALATE';
  let active: Llm | null = llm;
  if (wantsModel && !active && (model === 'openai' || model === 'ollama')) {
    try {
      active = endpointFromForm(model);
    } catch (e) {
      active = null;
      answer = `${memoryOnlyReply(decision, recalled)} (The endpoint is not usable: ${(e as Error).message})`;
    }
  }
  if (wantsModel && active) {
    const t = performance.now();
    try {
      answer = await active.complete(withMemory(recalled.map((r) => r.text), message, decision.route));
      who = active.label;
    } catch (e) {
      answer = `${memoryOnlyReply(decision, recalled)} (The model failed: ${(e as Error).message})`;
    }
    modelMs = performance.now() - t;
  } else {
    answer ??= memoryOnlyReply(decision, recalled);
  }
  const total = performance.now() - started;

  item.dataset.route = decision.route;
  reply.textContent = answer;
  const meta = el('p', undefined, 'meta');
  const badge = el('span', decision.route, `route route-${decision.route}`);
  badge.setAttribute('aria-label', `route ${decision.route}`);
  meta.append(badge, ` confidence ${decision.confidence.toFixed(2)} · answered by ${who} · route ${ms(routed - started)} · recall ${ms(recalledAt - routed)}`
    + (modelMs ? ` · model ${ms(modelMs)}` : '') + ` · total ${ms(total)}`);
  item.append(meta);
  const facts = recalled.length ? recalled.map((r) => `${r.text} (score ${r.score.toFixed(2)})`) : decision.facts;
  if (facts.length) {
    const details = el('details', undefined, 'recalled');
    details.append(el('summary', `${facts.length} ${facts.length === 1 ? 'fact' : 'facts'} recalled`));
    const ol = el('ol');
    for (const f of facts) ol.append(el('li', f));
    details.append(ol);
    item.append(details);
  }
  if (decision.route === 'STORE') void refreshMemory();
}

// ---------- memory panel ----------

async function refreshMemory(): Promise<void> {
  const s = scope();
  const [scopes, stats, page, vars] = await Promise.all([
    backend.scopes(), backend.stats(s), backend.notes(s, 50, null), backend.vars(s),
  ]);
  const datalist = $('scope-options');
  datalist.textContent = '';
  for (const name of scopes) {
    const option = el('option');
    option.value = name;
    datalist.append(option);
  }
  $('memory-stats').textContent = `Scope “${s}”: ${stats.facts} facts, ${stats.vars} variables, ${stats.links} links, ${stats.forgotten} forgotten. `
    + `${scopes.length} ${scopes.length === 1 ? 'scope' : 'scopes'} in all: ${scopes.join(', ') || 'none'}.`;
  const list = $('facts');
  list.textContent = '';
  if (page.items.length === 0) list.append(el('li', 'Nothing yet.', 'hint'));
  for (const item of page.items) {
    const li = el('li');
    li.append(el('span', item.text, 'text'));
    const when = taughtAt.get(`${s}\n${item.text}`);
    li.append(el('span', `${item.kind} #${item.id} · strength ${item.strength.toFixed(2)} · ${when ? `taught ${ago(when)}` : 'taught before this page'}`, 'meta'));
    const forget = el('button', 'Forget', 'secondary small');
    forget.type = 'button';
    forget.setAttribute('aria-label', `Forget “${item.text}”`);
    forget.addEventListener('click', () => guarded('Could not forget that', async () => {
      await backend.forgetId(s, item.id);
      await refreshMemory();
    }));
    li.append(forget);
    list.append(li);
  }
  if (page.next) list.append(el('li', 'Only the newest 50 are listed; export a snapshot for all of them.', 'hint'));
  const tbody = $('vars');
  tbody.textContent = '';
  for (const [name, value] of Object.entries(vars)) {
    const tr = el('tr');
    tr.append(el('td', name), el('td', value));
    const td = el('td');
    const del = el('button', 'Delete', 'secondary small');
    del.type = 'button';
    del.setAttribute('aria-label', `Delete variable ${name}`);
    del.addEventListener('click', () => guarded('Could not delete the variable', async () => {
      await backend.deleteVar(s, name);
      await refreshMemory();
    }));
    td.append(del);
    tr.append(td);
    tbody.append(tr);
  }
}

function setupMemoryPanel(): void {
  const observe = () => guarded('Could not store that', async () => {
    const text = $<HTMLTextAreaElement>('fact').value.trim();
    if (!text) throw new Error('write a fact first');
    const kind = $<HTMLSelectElement>('note-kind').value;
    const stored = kind === 'fact' ? await backend.observe(scope(), text) : await backend.note(scope(), kind, text);
    taughtAt.set(`${scope()}\n${text}`, Date.now());
    $('status').textContent = `Stored ${stored} ${stored === 1 ? 'fact' : 'facts'} in “${scope()}”.`;
    $<HTMLTextAreaElement>('fact').value = '';
    await refreshMemory();
  });
  $('observe-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void observe();
  });
  $('fact').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void observe();
    }
  });
  $('refresh').addEventListener('click', () => guarded('Could not read memory', refreshMemory));
  input('scope').addEventListener('change', () => guarded('Could not read memory', refreshMemory));
  $('var-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void guarded('Could not set the variable', async () => {
      const name = input('var-name').value.trim();
      if (!name) throw new Error('name the variable');
      await backend.setVar(scope(), name, input('var-value').value);
      input('var-name').value = '';
      input('var-value').value = '';
      await refreshMemory();
    });
  });
  $('export').addEventListener('click', () => guarded('Could not export', async () => {
    $('snapshot-status').textContent = 'Exporting…';
    const snapshot = await backend.exportSnapshot();
    const url = URL.createObjectURL(new Blob([snapshot.bytes as BlobPart], { type: snapshot.type }));
    const a = el('a');
    a.href = url;
    a.download = snapshot.filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    $('snapshot-status').textContent = `Exported ${snapshot.bytes.length.toLocaleString()} bytes as ${snapshot.filename}.`;
  }));
  input('import').addEventListener('change', () => guarded('Could not import', async () => {
    const file = input('import').files?.[0];
    if (!file) return;
    $('snapshot-status').textContent = `Importing ${file.name}…`;
    const summary = await backend.importSnapshot(new Uint8Array(await file.arrayBuffer()));
    $('snapshot-status').textContent = `${file.name}: ${summary}.`;
    input('import').value = '';
    await refreshMemory();
  }));
}

// ---------- brain explorer ----------

function renderTick(tick: BrainTick): void {
  if (tick.error) {
    $('brain-note').textContent = `The brain loop stopped: ${tick.error}`;
    input('run-brain').checked = false;
    stopLoop = null;
    return;
  }
  if (tick.status) {
    lastStatus = tick.status;
    renderModulators(tick.status.modulators);
  }
  const regions = tick.stepped?.regions ?? tick.status?.regions;
  if (tick.stepped) lastStepWallMs = tick.stepped.wallMs;
  if (regions) {
    explorer?.setRates(regions);
    renderRegions(regions);
  }
  if (tick.stepped) document.body.dataset.brainTime = String(tick.stepped.timeMs);
  renderStats();
}

// The brain's panels are built once and then updated in place: a tick (2-3 a second) rewrites only the
// numbers that changed instead of rebuilding three tables' worth of elements.
const regionRows = new Map<string, { neurons: HTMLElement; rate: HTMLElement }>();
const modulatorRows = new Map<string, { label: HTMLLabelElement; meter: HTMLMeterElement }>();
const statRows = new Map<string, HTMLElement>();

function renderRegions(regions: Region[]): void {
  const tbody = $('regions');
  for (const region of regions) {
    let row = regionRows.get(region.name);
    if (!row) {
      const tr = el('tr');
      const place = REGIONS.find((r) => r.name === region.name);
      const name = el('td');
      const swatch = el('span', undefined, 'swatch');
      swatch.style.background = `#${(place?.color ?? 0x888888).toString(16).padStart(6, '0')}`;
      name.append(swatch, region.name);
      if (place) name.title = place.blurb;
      row = { neurons: el('td', undefined, 'num'), rate: el('td', undefined, 'num') };
      tr.append(name, row.neurons, row.rate);
      tbody.append(tr);
      regionRows.set(region.name, row);
    }
    setText(row.neurons, counts.format(region.neurons));
    setText(row.rate, region.rateHz.toFixed(1));
  }
}

function renderModulators(levels: Record<string, number>): void {
  const box = $('modulators');
  for (const [name, level] of Object.entries(levels)) {
    let row = modulatorRows.get(name);
    if (!row) {
      const id = `mod-${name}`;
      const label = el('label');
      label.htmlFor = id;
      const meter = el('meter');
      meter.id = id;
      meter.min = 0;
      meter.max = 1;
      box.append(label, meter);
      row = { label, meter };
      modulatorRows.set(name, row);
    }
    setText(row.label, `${name} ${level.toFixed(2)}`);
    if (row.meter.value !== level) row.meter.value = level;
  }
}

function renderStats(): void {
  const rows: [string, string][] = [['Back-end', backend.kind === 'server' ? 'server (engram serve)' : 'this tab']];
  if (lastStatus) {
    rows.push(
      ['Scale', String(lastStatus.scale)],
      ['Neurons', counts.format(lastStatus.neurons)],
      ['Synapses', `${counts.format(lastStatus.proceduralSynapses)} + ${counts.format(lastStatus.learnedSynapses)} learned`],
      ['Concepts in the brain', `${lastStatus.concepts} of ${lastStatus.conceptCapacity}`],
    );
  }
  const time = document.body.dataset.brainTime;
  if (time) rows.push(['Brain time', `${counts.format(Number(time))} ms (last ${STEP_MS} ms step took ${ms(lastStepWallMs)})`]);
  if (explorer) {
    rows.push(['Graph concepts', String(explorer.conceptCount)], ['Frames drawn', counts.format(explorer.frames)], ['Frame rate', `${explorer.fps.toFixed(0)} frames/s`],
      ['Frame work (main thread)', `${explorer.frameWorkMs(0.5).toFixed(1)} ms median, ${explorer.frameWorkMs(0.95).toFixed(1)} ms p95 (60 frames/s allows 16.7)`]);
  }
  // Rows appear as the brain and the explorer come up; the list is rebuilt only then, in its order.
  if (rows.length !== statRows.size || rows.some(([k]) => !statRows.has(k))) {
    const dl = $('stats');
    dl.textContent = '';
    statRows.clear();
    for (const [k] of rows) {
      const dd = el('dd');
      dl.append(el('dt', k), dd);
      statRows.set(k, dd);
    }
  }
  for (const [k, v] of rows) setText(statRows.get(k)!, v);
}

function setBrainLoop(on: boolean): void {
  stopLoop?.();
  stopLoop = null;
  if (on && backend.brain) stopLoop = backend.startBrainLoop(renderTick, STEP_MS);
}

async function refreshGraph(): Promise<void> {
  const knowledge = backend.knowledge;
  if (!knowledge) return;
  const topics = await knowledge.topics();
  const list = $('topics');
  list.textContent = '';
  if (topics.length === 0) list.append(el('li', 'None learned yet.', 'hint'));
  const nodes: GraphNode[] = [];
  for (const [i, topic] of topics.entries()) {
    const li = el('li');
    const swatch = el('span', undefined, 'swatch');
    swatch.style.background = `#${TOPIC_PALETTE[i % TOPIC_PALETTE.length].toString(16).padStart(6, '0')}`;
    li.append(swatch, `${topic.name} (${topic.concepts} concepts)`);
    list.append(li);
    for (const concept of await knowledge.concepts(topic.name)) nodes.push({ name: concept.name, topic: topic.name, degree: concept.degree });
  }
  // Edges: what asking each well-connected concept traverses (via -> name), cached per concept.
  const edges: [string, string][] = [];
  const hubs = [...nodes].sort((a, b) => b.degree - a.degree).slice(0, EDGE_QUERIES);
  for (const hub of hubs) {
    let found = edgeCache.get(hub.name);
    if (!found) {
      const asked = await knowledge.ask(hub.name);
      found = asked.associations.map((a) => [a.via, a.name] as [string, string]);
      edgeCache.set(hub.name, found);
    }
    edges.push(...found);
  }
  explorer?.setGraph(nodes, edges, topics.map((t) => t.name));
  document.body.dataset.concepts = String(nodes.length);
  renderStats();
}

function showCard(asked: Asked): void {
  $('card').hidden = false;
  $('card-answer').textContent = asked.knowsNothing ? 'The knowledge graph knows nothing about that yet.' : asked.answer;
  const tags = $('card-tags');
  tags.textContent = '';
  for (const a of asked.associations) {
    const li = el('li');
    const known = TAG_COLORS[a.tag] ? a.tag : 'explicit';
    const tag = el('span', `[${a.tag}] ${a.name} ${a.percent}%`, `tag tag-${known}`);
    tag.title = `${a.hops} ${a.hops === 1 ? 'hop' : 'hops'} via ${a.via}: ${a.triples.join('; ')}`;
    li.append(tag);
    tags.append(li);
  }
}

function splitForLearning(text: string): string[] {
  if (text.length <= LEARN_CHUNK_CHARS) return [text];
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > LEARN_CHUNK_CHARS) {
    let cut = rest.lastIndexOf('\n\n', LEARN_CHUNK_CHARS);
    if (cut < LEARN_CHUNK_CHARS / 2) cut = rest.lastIndexOf('\n', LEARN_CHUNK_CHARS);
    if (cut < LEARN_CHUNK_CHARS / 2) cut = LEARN_CHUNK_CHARS;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.trim()) chunks.push(rest);
  return chunks;
}

function formatOf(name: string | null, text: string): string | null {
  const ext = name?.toLowerCase().match(/\.(vtt|srt|md|txt)$/)?.[1];
  if (ext) return ext === 'txt' ? 'text' : ext;
  if (/^\uFEFF?WEBVTT/.test(text)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\d\d:\d\d:\d\d,\d\d\d --> /.test(text)) return 'srt';
  return null; // the server detects
}

function setupExplorer(): void {
  $('zoom-in').addEventListener('click', () => explorer?.zoom(0.8));
  $('zoom-out').addEventListener('click', () => explorer?.zoom(1.25));
  $('rotate-left').addEventListener('click', () => explorer?.rotate(-0.3));
  $('rotate-right').addEventListener('click', () => explorer?.rotate(0.3));
  input('show-graph').addEventListener('change', () => {
    if (explorer) explorer.graphForced = input('show-graph').checked;
  });
  input('run-brain').addEventListener('change', () => setBrainLoop(input('run-brain').checked));

  if (!backend.knowledge || !backend.brain) {
    const missing = [!backend.brain && 'the spiking brain', !backend.knowledge && 'the knowledge graph'].filter(Boolean).join(' and ');
    $('brain-note').textContent = `${missing[0].toUpperCase()}${missing.slice(1)} ${missing.includes(' and ') ? 'need' : 'needs'} the server: `
      + 'this npm build has no engram.brain / engram.knowledge. Run ./engram serve and open its page; memory and the chat work here as they are.';
    document.body.dataset.brain = 'needs-server';
  } else {
    $('brain-note').textContent = 'Regions glow with their live spike rates. Zoom in (or tick the box) to see the knowledge graph, coloured by topic.';
    document.body.dataset.brain = 'live';
  }
  if (!backend.brain) input('run-brain').disabled = true;
  if (backend.knowledge) {
    $<HTMLButtonElement>('ask').disabled = false;
    $<HTMLButtonElement>('learn').disabled = false;
  }

  $('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void guarded('Could not ask', async () => {
      const question = input('kq').value.trim();
      if (!question) throw new Error('write a question first');
      if (!backend.knowledge) throw new Error('the knowledge graph needs the server');
      const asked = await backend.knowledge.ask(question);
      showCard(asked);
      const played = explorer?.animateRecall(asked) ?? 0;
      document.body.dataset.recallPulses = String(played);
    });
  });

  $('learn-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void guarded('Could not learn', async () => {
      if (!backend.knowledge) throw new Error('the knowledge graph needs the server');
      const topic = input('learn-topic').value.trim();
      if (!topic) throw new Error('name a topic');
      const file = input('learn-file').files?.[0] ?? null;
      const text = file ? await file.text() : $<HTMLTextAreaElement>('learn-text').value;
      if (!text.trim()) throw new Error('paste a text or pick a file');
      const format = formatOf(file?.name ?? null, text);
      const chunks = splitForLearning(text);
      const progress = $<HTMLProgressElement>('learn-progress');
      progress.hidden = false;
      progress.max = chunks.length;
      progress.value = 0;
      $<HTMLButtonElement>('learn').disabled = true;
      let concepts = 0;
      let triples = 0;
      let sentences = 0;
      const started = performance.now();
      try {
        for (const [i, chunk] of chunks.entries()) {
          $('learn-status').textContent = `Learning part ${i + 1} of ${chunks.length}…`;
          const learned = await backend.knowledge.learn(topic, chunk, format);
          concepts += learned.newConcepts;
          triples += learned.triples;
          sentences += learned.sentences;
          progress.value = i + 1;
        }
      } finally {
        $<HTMLButtonElement>('learn').disabled = false;
      }
      $('learn-status').textContent = `Learned “${topic}”: ${sentences} sentences, ${triples} triples, ${concepts} new concepts in ${ms(performance.now() - started)}.`;
      input('learn-file').value = '';
      await refreshGraph();
    });
  });
}

async function startExplorer(): Promise<void> {
  const canvas = $<HTMLCanvasElement>('brain');
  try {
    // three.js is a separate chunk: the chat and memory panel are usable before it arrives.
    const { Explorer } = await import('./explorer.js');
    const created = new Explorer(canvas, $('labels'));
    await created.ready; // shaders compiled off the page's thread; the frame loop runs from here
    explorer = created;
    let last = 0;
    explorer.onFrame(() => {
      const now = performance.now();
      if (now - last > 1000) {
        last = now;
        renderStats();
      }
    });
    document.body.dataset.explorer = 'running';
  } catch (e) {
    document.body.dataset.explorer = 'failed';
    $('brain-note').textContent = `The 3D view could not start (${(e as Error).message}); it needs WebGL. The panels below still work.`;
  }
}

// ---------- start ----------

/** True in the static build (npm run build:static): there is no server to ask for. */
declare const __LAB_STATIC__: boolean;

async function pickBackend(): Promise<Backend> {
  const forced = new URLSearchParams(location.search).get('backend');
  if (forced === 'server' || (forced !== 'tab' && !__LAB_STATIC__ && await serverAvailable())) return new HttpBackend();
  return TabBackend.start(new URL('engram/index.js', location.href).href);
}

async function start(): Promise<void> {
  await setupModelPicker();
  const started = performance.now();
  try {
    backend = await pickBackend();
  } catch (e) {
    $('status').textContent = 'engram did not load.';
    showError(`Could not load the engram module: ${(e as Error).message}`);
    document.body.dataset.state = 'failed';
    return;
  }
  document.body.dataset.backend = backend.kind;
  setupMemoryPanel();
  $('chat-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const message = input('message').value.trim();
    if (!message) {
      showError('Write a message first.');
      input('message').focus();
      return;
    }
    input('message').value = '';
    void guarded('The turn failed', () => chatTurn(message));
  });
  for (const id of ['send', 'observe']) $<HTMLButtonElement>(id).disabled = false;
  $('status').textContent = `Ready in ${ms(performance.now() - started)}: ${backend.where}.`;

  await startExplorer();
  setupExplorer();
  renderStats();
  await guarded('Could not read memory', refreshMemory);
  if (backend.brain) {
    await guarded('Could not read the brain', async () => renderTick({ stepped: null, status: await backend.brain!.status(), error: null }));
    setBrainLoop(input('run-brain').checked);
  }
  await guarded('Could not read the knowledge graph', refreshGraph);
  document.body.dataset.state = 'ready';
}

void start();
