import { Client } from 'pg';

/** Extra throwaway databases on the run's PostgreSQL server (for migration and seed tests). */
export async function createDatabase(name: string): Promise<string> {
  const server = process.env.ESSOR_TEST_SERVER_URL!;
  const c = new Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const c = new Client({ connectionString: process.env.ESSOR_TEST_SERVER_URL! });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
