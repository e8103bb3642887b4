import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../scripts/e2e-harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

/** Démarre la plateforme une fois pour toute la suite ; l'URL est fournie aux tests par `inject('baseUrl')`. */
export default async function setup(project: TestProject) {
  const verbose = process.env.ESSOR_E2E_VERBOSE === '1';
  const platform = await startPlatform({
    ...(verbose ? { log: (line: string) => console.log(`[api] ${line}`) } : {}),
    // Un autre build de web-public (par exemple une copie modifiée, pour vérifier qu'un test échoue).
    ...(process.env.ESSOR_E2E_WEB_PUBLIC_DIR ? { webPublicDir: process.env.ESSOR_E2E_WEB_PUBLIC_DIR } : {}),
  });
  project.provide('baseUrl', platform.baseUrl);
  project.provide('databaseUrl', platform.databaseUrl);
  return async () => {
    await platform.stop();
  };
}
