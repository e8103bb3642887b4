// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen';

describe('typed operations', () => {
  it('src/gql/ is what graphql-codegen produces from schema/ (run `npm run codegen` after a schema change)', async () => {
    const files = await generate({ ...config, cwd: path.resolve(__dirname, '../..'), silent: true }, false);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const committed = readFileSync(path.resolve(__dirname, '../..', file.filename), 'utf8');
      expect(committed, file.filename).toBe(file.content);
    }
  }, 60_000);
});
