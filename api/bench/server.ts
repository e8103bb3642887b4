/**
 * `npm run bench:server`: starts the embedded PostgreSQL of the benchmarks (.data/bench-pg) and keeps it
 * running until Ctrl-C, so that several bench tools (explain.ts, run.ts, sirene.ts) share it.
 */
import { openBenchDatabase } from './db';

async function main() {
  const db = await openBenchDatabase({ log: (m) => console.log(m) });
  console.log(`bench database: ${db.url} (Ctrl-C stops it)`);
  const stop = () => {
    db.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
