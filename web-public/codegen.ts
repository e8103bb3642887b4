import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Génère les types et documents GraphQL typés (client preset) à partir du
 * schéma publié par l'API. Le résultat (src/gql/) est versionné afin que
 * typecheck et tests n'aient pas besoin de lancer codegen.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Dates ISO 8601 transmises en chaînes.
        scalars: { DateTimeISO: 'string' },
      },
      presetConfig: {
        fragmentMasking: false,
      },
    },
  },
};

export default config;
