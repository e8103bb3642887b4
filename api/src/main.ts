import 'reflect-metadata';
import { createServer } from 'node:http';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { createDataSource } from './common/db/data-source';
import { loadConfig } from './config';
import { logger } from './common/log/logger';
import { startEssorJobs } from './modules/jobs/essor-jobs';

async function main() {
  const config = loadConfig();
  const ds = createDataSource({ url: config.databaseUrl, logQueries: config.logQueries });
  await ds.initialize();
  if (process.env.ESSOR_MIGRATE !== '0') {
    await prepareDatabase(ds, { demo: process.env.ESSOR_DEMO_DATA !== '0', log: (m) => logger.info(m) });
  }
  const { app, stop } = await createApp({
    ds,
    webPublicDir: config.webPublicDir,
    webAdminDir: config.webAdminDir,
    exposeStatementCount: config.exposeStatementCount,
    trustProxy: config.trustProxy,
  });
  const server = createServer(app);
  // Periodic work (retention, purges, snapshots, cache) and mail: one job queue in PostgreSQL.
  const jobs = await startEssorJobs(ds);
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') {
      logger.fatal(`Port ${config.port} is already in use: stop the other process or set PORT to a free port.`);
    } else {
      logger.fatal({ err: e }, 'the HTTP server failed');
    }
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    logger.info(`API ready at http://localhost:${config.port}/graphql`);
    process.send?.({ type: 'ready', port: config.port });
  });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    await stop().catch(() => {});
    await jobs.stop().catch(() => {});
    await ds.destroy().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  const msg = e instanceof Error ? e.message : String(e);
  if (/ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(msg)) {
    logger.fatal({ err: e }, 'Cannot reach the database: check DATABASE_URL.');
  } else {
    logger.fatal({ err: e }, 'the API could not start');
  }
  process.exit(1);
});
