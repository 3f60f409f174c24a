// docs/API.md is generated from the shipped declarations (npm run api-doc); this keeps it current and
// keeps an example on every public method and function.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('docs/API.md', () => {
  it('matches the declarations in dist/, and every method has an example', () => {
    const script = fileURLToPath(new URL('../scripts/api-doc.mjs', import.meta.url));
    const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/up to date/);
  });
});
