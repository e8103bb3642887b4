// npm run migration:create -- <name>: creates migrations/<timestamp>_<name>/{up,down}.sql
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run migration:create -- <name>');
  process.exit(1);
}
const dir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'migrations', `${Date.now()}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'up.sql'), `-- ${name}: what this migration changes, and why.\n`);
fs.writeFileSync(path.join(dir, 'down.sql'), `-- Reverts ${name}.\n`);
console.log(`created ${path.relative(process.cwd(), dir)}/{up,down}.sql`);
