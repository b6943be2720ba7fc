import { defineConfig } from 'vitest/config';

// Library, CLI and end-to-end tests. The demo app has its own config (vite.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
