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
});
