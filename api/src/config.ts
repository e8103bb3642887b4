/** Runtime configuration, from the environment only. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  webPublicDir?: string;
  webAdminDir?: string;
  exposeStatementCount: boolean;
  logQueries: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: use `npm start` (embedded PostgreSQL) or set DATABASE_URL=postgres://…');
  }
  return {
    databaseUrl: env.DATABASE_URL,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    webPublicDir: env.WEB_PUBLIC_DIR || undefined,
    webAdminDir: env.WEB_ADMIN_DIR || undefined,
    exposeStatementCount: env.ESSOR_EXPOSE_SQL_COUNT === '1',
    logQueries: env.ESSOR_LOG_SQL === '1',
  };
}
