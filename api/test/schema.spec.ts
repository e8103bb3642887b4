import fs from 'node:fs';
import path from 'node:path';
import { isObjectType } from 'graphql';
import { accessRuleOf } from '../src/common/auth/access';
import { buildEssorSchema, printEssorSchema } from '../src/schema';

const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

describe('GraphQL schema artifact', () => {
  it('schema/schema.graphql is what the code produces (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printEssorSchema());
  });
});

describe('deny by default', () => {
  it('every root field is either @Public() or guarded by @Roles(...)', async () => {
    const schema = await buildEssorSchema();
    const unmarked: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root || !isObjectType(root)) continue;
      for (const field of Object.values(root.getFields())) {
        const rule = accessRuleOf(field);
        if (!rule || (!('public' in rule) && !rule.roles?.length)) unmarked.push(`${root.name}.${field.name}`);
      }
    }
    expect(unmarked).toEqual([]);
  });
});
