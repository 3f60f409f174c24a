// The JSON shapes the lab reads. They are the HTTP API's (server-jvm HttpServer's class doc); the npm
// package returns the same shapes, so one set of types serves both back-ends.

export type RouteName = 'ANSWER' | 'STORE' | 'FETCH' | 'ESCALATE';

export interface Decision {
  route: RouteName;
  value: string | null;
  facts: string[];
  confidence: number;
}

export interface Recalled {
  id: number;
  text: string;
  kind: string;
  score: number;
  value: string | null;
  why: string;
  strength: number;
}

export interface Page {
  items: Recalled[];
  next: string | null;
}

export interface Stats {
  scopes: number;
  facts: number;
  forgotten: number;
  terms: number;
  links: number;
  vars: number;
}

export interface Learned {
  topic: string;
  sentences: number;
  chunks: number;
  triples: number;
  newConcepts: number;
  aliases: number;
  ms: number;
}

export type Tag = 'confirmed' | 'explicit' | 'emergent' | 'predicted';

export interface Association {
  name: string;
  strength: number;
  percent: number;
  tag: Tag | string;
  hops: number;
  via: string;
  triples: string[];
}

export interface Asked {
  question: string;
  knowsNothing: boolean;
  answer: string;
  facts: string[];
  seeds: { name: string; kind: string; score: number }[];
  associations: Association[];
}

export interface Topic {
  name: string;
  concepts: number;
}

export interface Concept {
  name: string;
  degree: number;
  aliases: string[];
}

export interface Region {
  name: string;
  neurons: number;
  rateHz: number;
}

export interface BrainStatus {
  scale: number;
  neurons: number;
  proceduralSynapses: number;
  learnedSynapses: number;
  timeMs: number;
  concepts: number;
  conceptCapacity: number;
  regions: Region[];
  modulators: Record<string, number>;
}

export interface Stepped {
  ms: number;
  timeMs: number;
  wallMs: number;
  regions: Region[];
}

export interface BrainRecalled {
  concept: string;
  ranked: { concept: string; spikes: number; firstSpikeStep: number; spikesPerNeuron: number }[];
}

/** What the brain loop reports after each step: rates over that step, and the latest status when polled. */
export interface BrainTick {
  stepped: Stepped | null;
  status: BrainStatus | null;
  error: string | null;
}

/** A snapshot as a file to save: bytes plus a suggested name and type. */
export interface Snapshot {
  bytes: Uint8Array;
  filename: string;
  type: string;
}

/** Knowledge: learn texts into a concept graph and ask it. */
export interface KnowledgeApi {
  learn(topic: string, text: string, format?: string | null): Promise<Learned>;
  ask(question: string): Promise<Asked>;
  topics(): Promise<Topic[]>;
  concepts(topic?: string | null): Promise<Concept[]>;
}

/** The spiking brain. */
export interface BrainApi {
  status(): Promise<BrainStatus>;
  step(ms: number): Promise<Stepped>;
  imprint(subject: string, relation: string, object: string): Promise<unknown>;
  recall(concept: string, k?: number): Promise<BrainRecalled>;
}

/**
 * Everything the lab does with engram, over HTTP (`engram serve`) or in the tab (the npm package in a
 * Worker). Every call is async so neither back-end ever blocks the page.
 */
export interface Backend {
  readonly kind: 'server' | 'tab';
  /** One line for the status bar: where memory runs. */
  readonly where: string;
  observe(scope: string, text: string): Promise<number>;
  route(scope: string, message: string): Promise<Decision>;
  recall(scope: string, question: string, k: number): Promise<Recalled[]>;
  /** Newest first, every kind; pass `next` back as the cursor for the following page. */
  notes(scope: string, k: number, cursor: string | null): Promise<Page>;
  note(scope: string, kind: string, text: string): Promise<number>;
  scopes(): Promise<string[]>;
  stats(scope: string | null): Promise<Stats>;
  vars(scope: string): Promise<Record<string, string>>;
  setVar(scope: string, name: string, value: string): Promise<void>;
  deleteVar(scope: string, name: string): Promise<boolean>;
  forgetId(scope: string, id: number): Promise<boolean>;
  forget(scope: string, substring: string): Promise<number>;
  exportSnapshot(): Promise<Snapshot>;
  /** Loads a snapshot file this lab exported; returns what was loaded, in words. */
  importSnapshot(bytes: Uint8Array): Promise<string>;
  /** null: this back-end has no knowledge graph (the page says it needs the server). */
  readonly knowledge: KnowledgeApi | null;
  readonly brain: BrainApi | null;
  /** Steps the brain off the main thread and reports each step; returns a function that stops it. */
  startBrainLoop(onTick: (tick: BrainTick) => void, stepMs: number): () => void;
}

/** Messages between the page and its Workers. */
export interface CallMessage {
  id: number;
  method: string;
  args: unknown[];
}

export interface ReplyMessage {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface LoopStart {
  type: 'loop';
  on: boolean;
  stepMs: number;
  /** For the HTTP loop: the server's origin. */
  base?: string;
}
