import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engram } from '../dist/index.js';

// Semantic recall in wasm: the word table is loaded lazily from dist/words.bin (never inside
// engram.wasm), and answers the same paraphrases as the JVM (SemanticTest / ParaphraseTest there).
describe('useSemantic', () => {
  const words = new URL('../dist/words.bin', import.meta.url);
  const facts = ['The wedding anniversary is on June 12.', "My son's teacher is Ms. Lindqvist.", "The kids' school begins at 8:15."];

  it('answers paraphrases the lexical reading misses, and still abstains', async () => {
    const lexical = await Engram.forNode();
    const semantic = await Engram.forNode();
    await semantic.useSemantic();
    for (const m of [lexical, semantic]) {
      for (const f of facts) m.observe('s', f);
    }
    expect(lexical.get('s', 'When did we get married?')).toBeNull();
    expect(semantic.get('s', 'When did we get married?')).toBe('June 12');
    expect(semantic.get('s', "Who is my boy's instructor?")).toBe('Ms. Lindqvist');
    expect(semantic.get('s', "What time do the children's classes start?")).toBe('8:15');
    expect(semantic.get('s', "Who is my daughter's instructor?")).toBeNull();
  });

  it('takes the bytes too, and refuses a damaged table', async () => {
    const bytes = readFileSync(words);
    const m = await Engram.forNode();
    await m.useSemantic(bytes);
    m.observe('s', facts[0]);
    expect(m.get('s', 'When did we get married?')).toBe('June 12');
    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length >> 1] ^= 0x55;
    const n = await Engram.forNode();
    await expect(n.useSemantic(damaged)).rejects.toThrow(/checksum failed/);
  });

  // Both paraphrase sets of the JVM's ParaphraseTest, asked in wasm: the same questions must get an answer
  // or an abstention as on the JVM (tests/target/paraphrase-report.md: main 16 right + 7 wrong answers
  // and 101/106 abstentions; held-out 6 + 3 and 102/108). A change to the semantic reading that moves
  // these on the JVM moves them here too; update both.
  it('answers and abstains on the paraphrase sets exactly as the JVM does', async () => {
    const expected: Record<string, [number, number]> = { paraphrase: [23, 101], 'paraphrase-heldout': [9, 102] };
    for (const [set, [answered, abstained]] of Object.entries(expected)) {
      const dir = new URL(`../../tests/src/test/resources/${set}/`, import.meta.url);
      const rows = (f: string) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      const pairs = rows('answerable.tsv').map((l) => l.split('\t'));
      const m = await Engram.forNode();
      await m.useSemantic();
      for (const [fact] of pairs) m.observe('p', fact);
      const gotAnswered = pairs.filter(([, question]) => m.get('p', question) !== null).length;
      const gotAbstained = rows('unanswerable.tsv').filter((q) => m.get('p', q) === null).length;
      expect([set, gotAnswered, gotAbstained]).toEqual([set, answered, abstained]);
    }
  });
});
