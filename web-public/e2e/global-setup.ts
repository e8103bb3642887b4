import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../scripts/e2e-harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

/** Starts the platform once for the whole suite; the tests get its URL from `inject('baseUrl')`. */
export default async function setup(project: TestProject) {
  const verbose = process.env.ESSOR_E2E_VERBOSE === '1';
  const platform = await startPlatform({
    ...(verbose ? { log: (line: string) => console.log(`[api] ${line}`) } : {}),
    // Another build of web-public (for instance a modified copy, to check that a test fails).
    ...(process.env.ESSOR_E2E_WEB_PUBLIC_DIR ? { webPublicDir: process.env.ESSOR_E2E_WEB_PUBLIC_DIR } : {}),
  });
  project.provide('baseUrl', platform.baseUrl);
  project.provide('databaseUrl', platform.databaseUrl);
  return async () => {
    await platform.stop();
  };
}
