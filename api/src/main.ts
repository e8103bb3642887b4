import 'reflect-metadata';
import { createServer } from 'node:http';
import { createApp } from './app';
import { purgeResponseCache } from './common/cache/response-cache';
import { prepareDatabase } from './bootstrap';
import { createDataSource } from './common/db/data-source';
import { loadConfig } from './config';
import { logger } from './common/log/logger';
import { startMetricsServer } from './common/http/health';
import { refreshSnapshot } from './modules/observatory/snapshot.service';
import { RETENTION, runRetention } from './modules/person/person-gdpr.service';

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
  startMetricsServer(ds, config.host); // ESSOR_METRICS_PORT: /metrics on an internal port (common/http/health.ts)
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    await stop().catch(() => {});
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
