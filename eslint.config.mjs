import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gql/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['web-public/**/*.{ts,tsx}', 'web-admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // One SPA never imports the other by a relative path: what both need lives in @essor/web-ui.
  {
    files: ['web-public/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web-admin/**'], message: 'Share it through @essor/web-ui.' }] },
      ],
    },
  },
  {
    files: ['web-admin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web-public/**'], message: 'Share it through @essor/web-ui.' }] },
      ],
    },
  },
  // Typed SQL (api/src/common/sql): no SQL parameter numbered by hand. `$${…}` in a template and a
  // `$<digit>` in a string are refused; the read runtime (common/reads: the loaders' KEYS, the fused
  // renumbering) and regex replacements ('$1…') are the exceptions, listed here.
  {
    files: ['api/src/**/*.ts'],
    ignores: [
      'api/src/**/*.spec.ts',
      'api/src/common/reads/**',
      'api/src/common/log/log-safe.ts',
      'api/src/common/jobs/job-error.ts',
      'api/src/common/db/naming.strategy.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateElement[tail=false][value.raw=/\\$$/]',
          message: 'Hand-numbered SQL parameter: write the statement with the `sql` template of common/sql/sql.ts.',
        },
        {
          selector: 'TemplateElement[value.raw=/\\$[0-9]/], Literal[value=/\\$[0-9]/]',
          message: 'Hand-written `$n` SQL parameter: write the statement with the `sql` template of common/sql/sql.ts.',
        },
      ],
    },
  },
);
