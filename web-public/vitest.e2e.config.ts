import { defineConfig } from 'vitest/config';

// Tests de bout en bout : un vrai Chromium (/usr/bin/chromium via playwright-core) contre la
// plateforme complète (API + PostgreSQL embarqué + web-public construit), démarrée une seule fois
// par e2e/global-setup.ts. `npm run test:e2e` construit web-public avant.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    // Un seul navigateur à la fois : 2 cœurs, et une base partagée.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // Les fichiers partagent le même processus et ses modules (playwright-core n'est importé qu'une fois).
    isolate: false,
    // Tests marqués `concurrent` (pages d'accessibilité) : deux onglets à la fois au plus.
    maxConcurrency: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
