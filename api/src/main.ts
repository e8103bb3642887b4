import 'reflect-metadata';
import { createApp } from './app';
import { purgeResponseCache } from './common/cache/response-cache';
import { prepareDatabase } from './bootstrap';
import { createDataSource } from './common/db/data-source';
import { cancelRunningQueries } from './common/db/pool-clients';
import { loadConfig } from './config';
import { logger } from './common/log/logger';
import { createHttpServer } from './http-server';
import { startMetricsServer } from './common/http/health';
import { refreshSnapshot } from './modules/observatory/snapshot.service';
import { RETENTION, runRetention } from './modules/person/person-gdpr.service';
import { gracefulShutdown } from './shutdown';

const log = (m: string) => logger.info(m);

async function main() {
  const config = loadConfig();
  if (process.env.ESSOR_MIGRATE !== '0') {
    // A data source of its own, without the request timeouts: migrations, the territory of France,
    // the demo seed and the first snapshot run long statements (and wait for other replicas' lock).
    const setup = createDataSource({ url: config.databaseUrl, poolSize: 2, logQueries: config.logQueries });
    await setup.initialize();
    try {
      await prepareDatabase(setup, { demo: process.env.ESSOR_DEMO_DATA !== '0', log });
    } finally {
      await setup.destroy();
    }
  }
  const ds = createDataSource({
    url: config.databaseUrl,
    logQueries: config.logQueries,
    statementTimeoutMs: config.statementTimeoutMs,
    acquireTimeoutMs: config.dbAcquireTimeoutMs,
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
  // Retention of personal data: a scheduled job; one replica at a time runs it (advisory lock).
  const retention = setInterval(
    () =>
      runRetention(ds)
        .then((n) => n && logger.info({ anonymised: n }, 'retention: person(s) anonymised'))
        .catch((err) => logger.error({ err }, 'retention failed')),
    RETENTION.intervalHours * 3_600_000,
  );
  retention.unref();
  // Observatory snapshots are maintained: refreshed periodically (and after imports).
  const snapshots = setInterval(
    () => refreshSnapshot(ds).catch((err) => logger.error({ err }, 'snapshot refresh failed')),
    Number(process.env.ESSOR_SNAPSHOT_INTERVAL_MINUTES ?? 60) * 60_000,
  );
  snapshots.unref();
  // Expired or outdated entries of the shared response cache.
  const cachePurge = setInterval(
    () => purgeResponseCache(ds).catch((err) => logger.error({ err }, 'response cache purge failed')),
    5 * 60_000,
  );
  cachePurge.unref();
  const lifecycle = gracefulShutdown({
    server,
    graceMs: config.shutdownGraceMs,
    stopJobs: () => [retention, snapshots, cachePurge].forEach((t) => clearInterval(t)),
    cancelRunning: async () => {
      const n = await cancelRunningQueries(ds, log);
      if (n) log(`cancelled the statements of ${n} database connection(s)`);
    },
    release: async () => {
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
