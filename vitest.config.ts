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
    // Services built without a server (test harnesses) read the outbound policy from the environment;
    // their receivers and feeds run on loopback. Servers started by the test support set it themselves.
    env: { OPENSLOT_OUTBOUND_ALLOW: '127.0.0.0/8' },
  },
});
