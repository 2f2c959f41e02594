import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store and end-to-end suites share one PostgreSQL; files run in parallel but each uses its own database.
    pool: 'forks',
    // Removes the temporary folders each file made (test/support/temp-dir.ts).
    setupFiles: ['test/support/cleanup.ts'],
  },
});
