import 'reflect-metadata';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { createAppDataSource } from './data-source';
import { cancelRunningQueries } from './common/db/pool-clients';
import { loadConfig } from './config';
import { logger } from './common/log/logger';
import { createHttpServer } from './http-server';
import { startMetricsServer } from './common/http/health';
import { gracefulShutdown } from './shutdown';

import { startEssorJobs } from './modules/jobs/essor-jobs';

const log = (m: string) => logger.info(m);

async function main() {
  const config = loadConfig();
  if (process.env.ESSOR_MIGRATE !== '0') {
    // A data source of its own, without the request timeouts: migrations, the territory of France,
    // the demo seed and the first snapshot run long statements (and wait for other replicas' lock).
    const setup = createAppDataSource({ url: config.databaseUrl, poolSize: 2, logQueries: config.logQueries });
    await setup.initialize();
    try {
      await prepareDatabase(setup, { demo: process.env.ESSOR_DEMO_DATA !== '0', log });
    } finally {
      await setup.destroy();
    }
  }
  const ds = createAppDataSource({
    url: config.databaseUrl,
    logQueries: config.logQueries,
    statementTimeoutMs: config.statementTimeoutMs,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
    replicaUrls: config.databaseReplicaUrls, // the loaders' reads (common/db/read-routing.ts)
  });
  await ds.initialize();
  const { app, stop } = await createApp({
    ds,
    webPublicDir: config.webPublicDir,
    webAdminDir: config.webAdminDir,
    exposeStatementCount: config.exposeStatementCount,
    trustProxy: config.trustProxy,
  });
  const server = createHttpServer(app, { requestTimeoutMs: config.requestTimeoutMs });
  // Periodic work (retention, purges, snapshots, cache) and mail: one job queue in PostgreSQL.
  const jobs = await startEssorJobs(ds);
  let jobsStopped: Promise<void> = Promise.resolve();
  const lifecycle = gracefulShutdown({
    server,
    graceMs: config.shutdownGraceMs,
    // The worker takes no new job; the running ones finish before the pools close.
    stopJobs: () => {
      jobsStopped = jobs.stop().catch((err) => logger.error({ err }, 'job runner stop failed'));
    },
    cancelRunning: async () => {
      const n = await cancelRunningQueries(ds, log);
      if (n) log(`cancelled the statements of ${n} database connection(s)`);
    },
    release: async () => {
      await jobsStopped;
      await stop();
      await ds.destroy();
    },
    log,
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') {
      logger.fatal(`Port ${config.port} is already in use: stop the other process or set PORT to a free port.`);
    } else {
      logger.fatal({ err: e }, 'the HTTP server failed');
    }
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    log(`API ready at http://localhost:${config.port}/graphql`);
    process.send?.({ type: 'ready', port: config.port });
  });
  startMetricsServer(ds, config.host); // ESSOR_METRICS_PORT: /metrics on an internal port (common/http/health.ts)
  const onSignal = (reason: string) => {
    // Ctrl-C under `npm start` reaches the API and its supervisor, which then sends SIGTERM: one shutdown.
    if (lifecycle.draining) return;
    lifecycle.shutdown(reason).then(
      () => process.exit(0),
      (e) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Forked by `npm start`'s supervisor: if it is gone, nobody will stop or restart this process.
  if (process.send) process.on('disconnect', () => onSignal('supervisor gone'));
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
