import { defineConfig } from 'vitest/config';

// One config for the library tests now; the demo app (demo/) gets its own root later.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
