import { defineConfig } from 'vitest/config';

// `npm test` runs the Node suite; the other hosts have their own scripts (see package.json), because
// they need a browser or extra binaries the Node suite does not.
export default defineConfig({
  test: {
    include: process.env.ENGRAM_HOSTS ? ['test/hosts/**/*.test.ts'] : ['test/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
