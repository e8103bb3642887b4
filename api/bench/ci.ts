/**
 * `npm run bench:test`: the benchmark pipeline in miniature, for CI. A throwaway embedded
 * PostgreSQL on a free port, 2,000 generated structures, Essor's API (from its sources) on a free
 * port, then every operation of operations.ts under 1 connection for about a second (the
 * authenticated ones with the session of a bench account, the observatory on the snapshots built by
 * the generator). It asserts correctness and SQL statement budgets per operation (never speed), and
 * that a mutation's edits were written, and exits non-zero on failure.
 * It never touches ports 4000 or 54329, and stops PostgreSQL even on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedPg, withClient } from './db';
import { DEFAULT_SEED, generate } from './generate';
import { OPERATIONS, statementBudget } from './operations';
import { runBench } from './run';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      structures: { type: 'string', default: '2000' },
      duration: { type: 'string', default: '1' },
      peer: { type: 'boolean', default: false },
    },
  });
  const t0 = Date.now();
  const { startEmbeddedPostgres, tmpDataDir, freePort } = await embeddedPg();
  const dataDir = tmpDataDir('essor-bench-test-');
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  const failures: string[] = [];
  let passed = 0;
  try {
    let port = await freePort();
    while (port === 4000 || port === 54329) port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port });
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE essor_bench');
    await admin.end();
    const url = server.url('essor_bench');

    const quiet = (m: string) => {
      if (process.env.ESSOR_BENCH_VERBOSE) console.log(m);
    };
    await generate({ structures: Number(values.structures), seed: DEFAULT_SEED, databaseUrl: url, log: quiet });
    console.log(`bench:test: generated ${values.structures} structures in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    const report = await runBench({
      databaseUrl: url,
      duration: Number(values.duration),
      runs: 1,
      warmup: 0,
      connections: 1,
      pool: 4,
      build: false,
      fromSource: true,
      peer: values.peer!,
      cached: true,
      write: false,
      maxOtherCores: 2,
      retries: 0,
      command: 'npm run bench:test',
      log: quiet,
    });

    for (const op of OPERATIONS) {
      const r = report.results.find((x) => x.op === op.name && x.server === 'essor');
      const budget = statementBudget(op);
      const check = (ok: boolean, message: string) => {
        if (ok) passed++;
        else failures.push(`${op.name}: ${message}`);
        console.log(`${ok ? 'ok  ' : 'FAIL'} ${op.name}: ${message}`);
      };
      if (!r) {
        check(false, 'not measured');
        continue;
      }
      check(!r.validationErrors.length, `answers without error (${r.validationErrors[0] ?? 'all variants'})`);
      check(
        r.statements.length > 0 && r.statements.every((n) => n <= budget),
        `SQL statements per request ${r.statements.join(', ')} ≤ budget ${budget} (${Object.entries(op.statements)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')})`,
      );
      check(
        r.median.requests > 0 && r.median.errors === 0,
        `${r.median.requests} requests under load, ${r.median.errors} errors`,
      );
      if (op.edits && op.auth) {
        const written = await withClient(url, async (c) =>
          Number(
            (
              await c.query(`SELECT count(*) AS n FROM audit_log WHERE actor = $1 AND action = 'UPDATE'`, [
                `bench-${op.auth}@essor-bench.invalid`,
              ])
            ).rows[0].n,
          ),
        );
        check(written > 0, `${written} edits written (audit entries of the bench ${op.auth} account)`);
      }
    }
    // The shared response cache: a repeated anonymous query is one statement (the lookup), no error.
    for (const r of report.results.filter((x) => x.server === 'essor-cached')) {
      const ok =
        !r.validationErrors.length && r.median.errors === 0 && r.statements.length > 0 && r.statements.every((n) => n === 1);
      if (ok) passed++;
      else
        failures.push(
          `cached ${r.op}: ${r.validationErrors[0] ?? `statements ${r.statements.join(', ')}, ${r.median.errors} errors`}`,
        );
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} cached ${r.op}: ${r.statements.join(', ')} statement(s) per repeated request, ${r.median.requests} requests`,
      );
    }
    if (values.peer) {
      for (const r of report.results.filter((x) => x.server === 'postgraphile')) {
        const ok = !r.validationErrors.length && r.median.errors === 0;
        if (ok) passed++;
        else failures.push(`postgraphile ${r.op}: ${r.validationErrors[0] ?? `${r.median.errors} errors`}`);
        console.log(`${ok ? 'ok  ' : 'FAIL'} postgraphile ${r.op}: ${r.statements.join(', ')} statement(s)`);
      }
    }
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
    console.error(e);
  } finally {
    if (server) await server.stop().catch(() => {});
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
  console.log(`bench: ${passed} passed, ${failures.length} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
