// Writes schema/schema.graphql from the code (sorted). `npm run schema`.
import fs from 'node:fs';
import path from 'node:path';
import { printEssorSchema } from '../src/schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

printEssorSchema()
  .then((sdl) => {
    fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)} (${sdl.split('\n').length} lines)`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
