// npm run bench:memory -- [--facts 1000000] [--questions 10000] [--seed 1] [--no-jvm]
//
// Memory at scale in wasm (Node), on exactly the workload of the JVM benchmark
// (tests/src/main/java/dev/engram/bench/MemoryBench.java, `./engram bench memory`): the same facts, the
// same questions, the same seed, drawn with a re-implementation of java.util.Random, so both sides answer
// the same planted questions. Prints one JSON object per line, named like the JVM's lines:
//   memory.ingest         observeMany in batches of 100,000 (Limits.MAX_BATCH)
//   memory.get_selective  p50/p99 of get over the planted questions (after 3 warm-up rounds), top-1 accuracy
//   memory.get_broad      a word held by 10% of the facts in each question
//   memory.abstention     1,000 questions about entities never observed
//   memory.chain          after the snapshot: 1,000 three-hop walks over 2,000 added links, per hop
//   memory.snapshot       dump, then load into a fresh instance (best of 3), ingest over load, and the
//                         get p50 on the loaded copy (its texts are decoded on first read)
// Then, unless --no-jvm, it runs `../engram bench memory --engram-only` with the same arguments (first,
// so the two never share the CPU) and prints memory.wasm_vs_jvm: each figure's wasm/JVM ratio.
// Needs dist/ (npm run build) and, for the JVM side, a JDK >= 25 (the launcher finds it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engram } from '../dist/index.js';

const ATTRIBUTES = ['email', 'phone', 'city', 'employer', 'manager', 'plan', 'car', 'dog', 'birthday', 'locker', 'team',
  'project', 'badge', 'desk', 'laptop', 'router', 'server', 'region', 'account', 'license'];
const MAX_BATCH = 100_000;

function parseArgs(argv) {
  const opts = { facts: 1_000_000, questions: 10_000, seed: 1, jvm: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-jvm') {
      opts.jvm = false;
      continue;
    }
    const key = { '--facts': 'facts', '--questions': 'questions', '--seed': 'seed' }[a];
    const v = Number(argv[i + 1]);
    if (key === undefined) fail(`unknown argument ${a}; use --facts N --questions N --seed S [--no-jvm]`);
    if (!Number.isInteger(v) || v < 1 || v > 2 ** 31 - 1) fail(`${a} needs a positive whole number, got '${argv[i + 1]}'`);
    opts[key] = v;
    i++;
  }
  if (opts.facts < 100) fail('--facts must be at least 100');
  return opts;
}

function fail(message) {
  console.error(`bench:memory: ${message}`);
  process.exit(2);
}

/**
 * java.util.Random, bit for bit: a 48-bit LCG (multiplier 0x5DEECE66D, increment 11) kept as two 24-bit
 * halves so every product stays exact in a double.
 */
function javaRandom(seed) {
  let hi = (Math.floor(seed / 0x1000000) & 0xFFFFFF) ^ 0x5de;
  let lo = (seed & 0xFFFFFF) ^ 0xece66d;
  /** Random.next(bits): advances the state, returns its top `bits` bits as a Java int. */
  const next = (bits) => {
    const l = lo * 0xece66d + 0xb; // < 2^48: exact
    const h = hi * 0xece66d + lo * 0x5de + Math.floor(l / 0x1000000); // < 2^49: exact
    lo = l % 0x1000000;
    hi = h % 0x1000000;
    // the state is hi * 2^24 + lo; the top `bits` of 48
    const top = hi * 2 ** (bits - 24) + Math.floor(lo / 2 ** (48 - bits));
    return top | 0;
  };
  return {
    /** Random.nextLong() & 0xFFFFFFFFFFL, as a non-negative number (below 2^40, exact). */
    nextLong40() {
      const high = next(32);
      const low = next(32); // signed: Java adds it to (high << 32) as a signed int
      const x = (high & 0xff) * 2 ** 32 + low;
      return ((x % 2 ** 40) + 2 ** 40) % 2 ** 40;
    },
    /** Random.nextInt(bound), the JDK's algorithm (rejection above the largest multiple of bound). */
    nextInt(bound) {
      let r = next(31);
      const m = bound - 1;
      if ((bound & m) === 0) return Math.floor(r / (2 ** 31 / bound));
      for (let u = r; u - (r = u % bound) + m > 2147483647; u = next(31));
      return r;
    },
  };
}

function percentiles(nanosOrMs) {
  const s = Float64Array.from(nanosOrMs).sort();
  return { p50_us: round4(s[s.length >> 1] * 1000), p99_us: round4(s[Math.floor(s.length * 0.99)] * 1000), n: s.length };
}

function round4(x) {
  return Number(x.toPrecision(4));
}

function emit(name, workload, figures) {
  const line = { bench: `memory.${name}`, workload, ...figures };
  console.log(JSON.stringify(line));
  return line;
}

function runJvm(opts) {
  const launcher = fileURLToPath(new URL('../../engram', import.meta.url));
  if (!existsSync(launcher)) {
    console.error(`bench:memory: no JVM launcher at ${launcher}; run with --no-jvm`);
    return null;
  }
  const out = execFileSync(
    launcher,
    ['bench', 'memory', '--facts', String(opts.facts), '--questions', String(opts.questions), '--seed', String(opts.seed), '--engram-only'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  const lines = {};
  for (const l of out.split('\n')) {
    if (l.startsWith('{')) {
      const o = JSON.parse(l);
      lines[o.bench] = o;
      console.log(JSON.stringify({ ...o, runtime: 'jvm' }));
    }
  }
  return lines;
}

const opts = parseArgs(process.argv.slice(2));
const workload = { facts: opts.facts, questions: opts.questions, seed: opts.seed };
const jvm = opts.jvm ? runJvm(opts) : null;

// The workload, exactly as MemoryBench draws it.
const random = javaRandom(opts.seed);
const texts = new Array(opts.facts);
const values = new Array(opts.facts);
for (let i = 0; i < opts.facts; i++) {
  values[i] = 'v' + random.nextLong40().toString(36);
  const broad = i % 10 === 3 ? 'quarterly ' : '';
  texts[i] = `The ${broad}${ATTRIBUTES[i % ATTRIBUTES.length]} of entity${i} is ${values[i]}.`;
}

const memory = await Engram.forNode();
let t = performance.now();
for (let from = 0; from < opts.facts; from += MAX_BATCH) {
  memory.observeMany('bench', texts.slice(from, Math.min(opts.facts, from + MAX_BATCH)));
}
const ingestSeconds = (performance.now() - t) / 1000;
const wasm = {};
wasm.ingest = emit('ingest', workload, {
  runtime: 'wasm',
  seconds: round4(ingestSeconds),
  facts_per_second: round4(opts.facts / ingestSeconds),
  rss_mb: Math.round(process.memoryUsage().rss / 1e6),
});

const planted = new Int32Array(opts.questions);
const asks = new Array(opts.questions);
for (let q = 0; q < opts.questions; q++) {
  planted[q] = random.nextInt(opts.facts);
  asks[q] = `what is the ${ATTRIBUTES[planted[q] % ATTRIBUTES.length]} of entity${planted[q]}?`;
}
for (let warm = 0; warm < 3; warm++) {
  for (const a of asks) memory.get('bench', a);
}
const latency = new Float64Array(opts.questions);
let correct = 0;
for (let q = 0; q < opts.questions; q++) {
  const s = performance.now();
  const v = memory.get('bench', asks[q]);
  latency[q] = performance.now() - s;
  if (v === values[planted[q]]) correct++;
}
wasm.get_selective = emit('get_selective', workload, { runtime: 'wasm', ...percentiles(latency), top1_accuracy: round4(correct / opts.questions) });

const broadCount = Math.min(opts.questions, 2000);
const broadLatency = new Float64Array(broadCount);
let broadCorrect = 0;
for (let q = 0; q < broadCount; q++) {
  const f = random.nextInt(Math.floor(opts.facts / 10)) * 10 + 3;
  const a = `what is the quarterly ${ATTRIBUTES[f % ATTRIBUTES.length]} of entity${f}?`;
  const s = performance.now();
  const v = memory.get('bench', a);
  broadLatency[q] = performance.now() - s;
  if (v === values[f]) broadCorrect++;
}
wasm.get_broad = emit('get_broad', workload, { runtime: 'wasm', ...percentiles(broadLatency), top1_accuracy: round4(broadCorrect / broadCount) });

let abstained = 0;
for (let q = 0; q < 1000; q++) {
  if (memory.get('bench', `what is the ${ATTRIBUTES[q % ATTRIBUTES.length]} of entity${opts.facts + q}?`) === null) abstained++;
}
wasm.abstention = emit('abstention', workload, { runtime: 'wasm', questions: 1000, abstained });

// Snapshot: dump, then load into fresh instances (best of 3, each in its own wasm instance).
t = performance.now();
const snapshot = memory.dump('bench');
const dumpSeconds = (performance.now() - t) / 1000;
let loadSeconds = Infinity;
let loaded = null;
for (let round = 0; round < 3; round++) {
  loaded = null;
  const fresh = await Engram.forNode();
  t = performance.now();
  fresh.load(snapshot);
  loadSeconds = Math.min(loadSeconds, (performance.now() - t) / 1000);
  loaded = fresh;
}
const checked = Math.min(opts.questions, 1000);
const afterLoad = new Float64Array(checked);
let same = 0;
for (let q = 0; q < checked; q++) {
  const s = performance.now();
  const v = loaded.get('bench', asks[q]);
  afterLoad[q] = performance.now() - s;
  if (v === memory.get('bench', asks[q])) same++;
}
wasm.snapshot = emit('snapshot', workload, {
  runtime: 'wasm',
  bytes: snapshot.length,
  dump_seconds: round4(dumpSeconds),
  load_seconds: round4(loadSeconds),
  ingest_over_load: round4(ingestSeconds / loadSeconds),
  first_get_after_load_p50_us: percentiles(afterLoad).p50_us,
  same_answers: same,
  checked,
});

// Chains, after the snapshot as in MemoryBench: 2,000 "mentor" links join the million facts, and a
// three-hop walk from each of 1,000 agents must end three links on.
const links = [];
for (let k = 0; k < 2000; k++) links.push(`The mentor of agent${k} is agent${k + 1}.`);
memory.observeMany('bench', links);
const chains = 1000;
const hops = 3;
for (let warm = 0; warm < 3; warm++) {
  for (let c = 0; c < chains; c++) memory.chain('bench', `agent${c} -> mentor -> mentor -> mentor`);
}
const chainTimes = new Float64Array(chains);
let chainCorrect = 0;
for (let c = 0; c < chains; c++) {
  const s = performance.now();
  const walk = memory.chain('bench', `agent${c} -> mentor -> mentor -> mentor`);
  chainTimes[c] = performance.now() - s;
  if (walk.value === `agent${c + hops}`) chainCorrect++;
}
const chainP = percentiles(chainTimes);
wasm.chain = emit('chain', workload, {
  runtime: 'wasm',
  ...chainP,
  hops,
  p50_us_per_hop: round4(chainP.p50_us / hops),
  accuracy: chainCorrect / chains,
});

if (jvm) {
  const ratio = (a, b) => (a && b ? round4(a / b) : null);
  const j = (name) => jvm[`memory.${name}`] ?? {};
  emit('wasm_vs_jvm', workload, {
    ingest_seconds: ratio(wasm.ingest.seconds, j('ingest').seconds),
    get_p50: ratio(wasm.get_selective.p50_us, j('get_selective').p50_us),
    get_p99: ratio(wasm.get_selective.p99_us, j('get_selective').p99_us),
    broad_p50: ratio(wasm.get_broad.p50_us, j('get_broad').p50_us),
    snapshot_load: ratio(wasm.snapshot.load_seconds, j('snapshot').load_seconds),
    chain_p50: ratio(wasm.chain.p50_us, j('chain').p50_us),
    jvm_ingest_over_load: j('snapshot').ingest_over_load ?? null,
    wasm_ingest_over_load: wasm.snapshot.ingest_over_load,
  });
}
