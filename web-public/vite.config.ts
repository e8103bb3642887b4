/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

interface OutputChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * Budget of the initial JS: the entry chunk and everything it imports statically
 * (dynamic imports, loaded on demand, are not part of it).
 * After `vite build`, prints « JS initial : N Ko gzip (budget B Ko) » and fails
 * the build beyond the budget. 1 Ko = 1,000 bytes.
 */
export function initialJsBudget({ budgetKb = 200 }: { budgetKb?: number } = {}): Plugin {
  return {
    name: 'essor:initial-js-budget',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? path.dirname(options.file ?? '');
      const chunks = new Map<string, OutputChunkLike>();
      for (const item of Object.values(bundle) as OutputChunkLike[]) {
        if (item.type === 'chunk') chunks.set(item.fileName, item);
      }
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) if (chunks.has(imported)) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

      let bytes = 0;
      for (const fileName of initial) bytes += gzipSync(readFileSync(path.join(outDir, fileName))).length;
      const kb = bytes / 1000;
      const line = `JS initial : ${kb.toFixed(1).replace('.', ',')} Ko gzip (budget ${budgetKb} Ko)`;
      console.log(`\n${line} — ${[...initial].join(', ')}`);
      if (kb > budgetKb) {
        this.error(`${line} : budget dépassé de ${(kb - budgetKb).toFixed(1).replace('.', ',')} Ko.`);
      }
    },
  };
}

const apiProxy = {
  '/graphql': {
    target: 'http://localhost:4000',
    changeOrigin: true,
  },
};

// web-public is served at the site's root; the API (same origin in production)
// exposes /graphql, which the development server proxies to localhost:4000.
export default defineConfig({
  base: '/',
  plugins: [react(), initialJsBudget({ budgetKb: 200 })],
  server: {
    port: 5173,
    proxy: apiProxy,
  },
  preview: {
    port: 4173,
    proxy: apiProxy,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
