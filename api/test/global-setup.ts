import 'reflect-metadata';
import { prepareDatabase } from '../src/bootstrap';
import { createAppDataSource } from '../src/data-source';

/** Once per run: migrations, territory, demo data in the throwaway database. */
export default async function globalSetup() {
  if (!process.env.DATABASE_URL) throw new Error('Run the API tests with `npm test` (it provides PostgreSQL).');
  const ds = createAppDataSource({ url: process.env.DATABASE_URL, poolSize: 2 });
  await ds.initialize();
  try {
    await prepareDatabase(ds, { demo: true });
  } finally {
    await ds.destroy();
  }
}
