import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The graphql-codegen configuration both SPAs share. From `schema/schema.graphql` and the SPA's
 * `graphql(...)` documents it writes into `src/gql/` (committed, so that typecheck and tests need no
 * codegen run): the typed documents (client preset), `possible-types.ts` (the interfaces' and
 * unions' members for Apollo's cache, `@graphql-codegen/fragment-matcher`) and `labels.ts` (the
 * French labels of the enums, from their value descriptions).
 */
export function spaCodegenConfig(): CodegenConfig {
  return {
    schema: path.join(here, 'schema.graphql'),
    documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
    ignoreNoDocuments: false,
    generates: {
      './src/gql/': {
        preset: 'client',
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          // ISO 8601 strings on the wire.
          scalars: { DateTimeISO: 'string' },
        },
        presetConfig: {
          fragmentMasking: false,
        },
      },
      './src/gql/possible-types.ts': {
        plugins: ['fragment-matcher'],
        config: { apolloClientVersion: 3 },
      },
      './src/gql/labels.ts': {
        plugins: [path.join(here, 'codegen-labels-plugin.cjs')],
      },
    },
  };
}

/**
 * The generated files whose committed copy differs from what codegen produces now (the SPAs'
 * codegen-drift tests expect none: run `npm run codegen` after a schema or document change).
 */
export async function codegenDrift(
  config: CodegenConfig,
  cwd: string,
): Promise<{ filename: string; committed: string; generated: string }[]> {
  const files: { filename: string; content: string }[] = await generate({ ...config, cwd, silent: true }, false);
  if (files.length === 0) throw new Error('graphql-codegen produced no file');
  return files
    .map((file) => ({
      filename: file.filename,
      committed: readFileSync(path.resolve(cwd, file.filename), { encoding: 'utf8', flag: 'r' }),
      generated: file.content,
    }))
    .filter((file) => file.committed !== file.generated);
}
