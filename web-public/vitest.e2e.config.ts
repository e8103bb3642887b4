import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium (/usr/bin/chromium via playwright-core) against the whole
// platform (API + embedded PostgreSQL + built web-public), started once by e2e/global-setup.ts.
// `npm run test:e2e` builds web-public first.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // One browser at a time: 2 cores, and a shared database.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // The files share the same process and its modules (playwright-core is imported only once).
    isolate: false,
    // Tests marked `concurrent` (accessibility pages): two tabs at a time at most.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
