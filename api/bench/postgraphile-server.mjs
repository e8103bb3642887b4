// The PostGraphile 5 peer of the benchmarks: the stock Amber preset over the `public` schema of
// the same database, same pool size as Essor, production mode, no GraphiQL, no watch.
// PostGraphile 5 needs Node >= 22: the runner starts this file with the Node 22 binary of
// api/bench/node22 (see BENCHMARKS.md). Env: DATABASE_URL, PORT, HOST, ESSOR_DB_POOL.
// `--print-schema` prints the SDL and exits.
//
// GET /__bench/stats answers { statements }: the SQL statements this process sent, counted on
// pg's Client (the runner reads it around one request to get the statements per operation).
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { printSchema } from 'postgraphile/graphql';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.ESSOR_DB_POOL ?? 10),
  application_name: 'postgraphile-bench',
});

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);

if (process.argv.includes('--print-schema')) {
  const { schema } = await pgl.getSchemaResult();
  process.stdout.write(printSchema(schema));
  await pgl.release();
  await pool.end();
  process.exit(0);
}

const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === '/__bench/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements }));
    return;
  }
  handler(req, res);
});
const port = Number(process.env.PORT ?? 5678);
server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`[postgraphile] ready at http://127.0.0.1:${port}/graphql`);
  process.send?.({ type: 'ready', port });
});

const shutdown = async () => {
  server.close();
  await pgl.release().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
