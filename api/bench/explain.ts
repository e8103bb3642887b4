/**
 * `cd api && node -r @swc-node/register bench/explain.ts [--op search] [--variant 0] [--database-url URL]`
 *
 * Runs operations of operations.ts once, in process (the API's schema and context, no HTTP),
 * and prints every SQL statement they send with its EXPLAIN (ANALYZE, BUFFERS) plan: the
 * evidence behind the "Pistes" of BENCHMARKS.md. Each statement is run twice (the plan, then the
 * real one), so the figures are warm-cache figures.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import { createAppContext } from '../src/context';
import { createAppDataSource } from '../src/data-source';
import { buildEssorSchema } from '../src/schema';
import { openBenchDatabase } from './db';
import { OPERATIONS } from './operations';
import { loadFixtures } from './run';

async function main() {
  const { values } = parseArgs({
    options: {
      op: { type: 'string' },
      variant: { type: 'string', default: '0' },
      'database-url': { type: 'string' },
      analyze: { type: 'boolean', default: true },
    },
  });
  const db = await openBenchDatabase({ databaseUrl: values['database-url'] ?? process.env.DATABASE_URL });
  process.env.ESSOR_SLOW_QUERY_MS ??= '600000';
  const ds = createAppDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  try {
    const fixtures = await loadFixtures(db.url);
    const schema = await buildEssorSchema();
    const original = ds.query.bind(ds);
    let log: Array<{ sql: string; ms: number; plan: string }> = [];
    ds.query = (async (sql: string, params?: unknown[]) => {
      const planRows: Array<{ 'QUERY PLAN': string }> = await original(`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ${sql}`, params);
      const t = process.hrtime.bigint();
      const rows = await original(sql, params);
      log.push({
        sql,
        ms: Number(process.hrtime.bigint() - t) / 1e6,
        plan: planRows.map((r) => r['QUERY PLAN']).join('\n'),
      });
      return rows;
    }) as typeof ds.query;
    for (const op of OPERATIONS.filter((o) => !values.op || o.name === values.op)) {
      log = [];
      const variables = op.variables(fixtures, Number(values.variant));
      const t = Date.now();
      const result = await execute({
        schema,
        document: parse(op.query),
        variableValues: variables,
        contextValue: createAppContext(ds, null, 'explain'),
      });
      console.log(
        `\n======== ${op.name} ${JSON.stringify(variables)}: ${log.length} statements, ${Date.now() - t} ms (with EXPLAIN), ` +
          `response ${(JSON.stringify(result).length / 1024).toFixed(0)} KB`,
      );
      if (result.errors) console.log('errors:', result.errors.map((e) => e.message).join('; '));
      for (const [i, s] of log.entries()) {
        console.log(`\n---- statement ${i + 1}: ${s.ms.toFixed(1)} ms\n${s.sql.replace(/\s+/g, ' ').slice(0, 600)}\n${s.plan}`);
      }
    }
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
