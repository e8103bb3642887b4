import fs from 'node:fs';
import path from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the repository's `migrations/` folder (or ESSOR_MIGRATIONS_DIR). */
export function migrationsDir(): string {
  if (process.env.ESSOR_MIGRATIONS_DIR) return path.resolve(process.env.ESSOR_MIGRATIONS_DIR);
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    const candidate = path.join(dir, 'migrations');
    if (
      fs.existsSync(candidate) &&
      fs.statSync(candidate).isDirectory() &&
      fs.readdirSync(candidate).some((d) => /^\d{13}_/.test(d))
    ) {
      return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new Error('No migrations/ folder found: set ESSOR_MIGRATIONS_DIR');
}

const camel = (s: string) =>
  s
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/**
 * Every migration is a folder `<13-digit timestamp>_<name>/` holding `up.sql` and `down.sql`,
 * reviewed as plain SQL. They run through TypeORM's migration table, each in a transaction.
 */
export function loadSqlMigrations(dir = migrationsDir()): Array<new () => MigrationInterface> {
  return fs
    .readdirSync(dir)
    .filter((d) => /^\d{13}_[a-z0-9_-]+$/i.test(d))
    .sort()
    .map((folder) => {
      const [timestamp, ...rest] = folder.split('_');
      const name = `${camel(rest.join('_'))}${timestamp}`;
      const up = fs.readFileSync(path.join(dir, folder, 'up.sql'), 'utf8');
      const downFile = path.join(dir, folder, 'down.sql');
      if (!fs.existsSync(downFile)) throw new Error(`Migration ${folder} has no down.sql`);
      const down = fs.readFileSync(downFile, 'utf8');
      const cls = class implements MigrationInterface {
        name = name;
        async up(qr: QueryRunner): Promise<void> {
          await qr.query(up);
        }
        async down(qr: QueryRunner): Promise<void> {
          await qr.query(down);
        }
      };
      Object.defineProperty(cls, 'name', { value: name });
      return cls;
    });
}
