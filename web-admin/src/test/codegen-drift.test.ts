// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codegenDrift } from '../../../schema/codegen.base';
import config from '../../codegen';

describe('typed operations', () => {
  it('src/gql/ (documents, possible types, enum labels) is what graphql-codegen produces from schema/ (run `npm run codegen` after a change)', async () => {
    const drifted = await codegenDrift(config, path.resolve(__dirname, '../..'));
    for (const file of drifted) expect(file.committed, file.filename).toBe(file.generated);
    expect(drifted.map((file) => file.filename)).toEqual([]);
  }, 60_000);
});
