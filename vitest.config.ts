import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside React Server Components; in unit tests the
      // modules run in plain Node, which is exactly the server.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-noop.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['lib/testing/vitest-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
