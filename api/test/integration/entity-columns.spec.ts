import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { createAppDataSource } from '../../src/data-source';
import { ENTITIES } from '../../src/entities';

/**
 * The TypeORM metadata against the migrated database: every column of every entity exists in its
 * table, with a compatible type and the same nullability. Migrations are the only way the schema
 * changes (`synchronize` is off), so an entity can drift from them silently: reads would then
 * hydrate a column the wrong way, or fail at run time on a column that is not there.
 */

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
}

/** PostgreSQL's `data_type` (information_schema) of TypeORM's normalised column types. */
const DATA_TYPES: Record<string, string> = {
  text: 'text',
  'character varying': 'character varying',
  varchar: 'character varying',
  character: 'character',
  char: 'character',
  integer: 'integer',
  int: 'integer',
  int4: 'integer',
  smallint: 'smallint',
  int2: 'smallint',
  bigint: 'bigint',
  int8: 'bigint',
  boolean: 'boolean',
  bool: 'boolean',
  'timestamp with time zone': 'timestamp with time zone',
  timestamptz: 'timestamp with time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timestamp: 'timestamp without time zone',
  date: 'date',
  jsonb: 'jsonb',
  json: 'json',
  numeric: 'numeric',
  decimal: 'numeric',
  'double precision': 'double precision',
  float8: 'double precision',
  real: 'real',
  float4: 'real',
  uuid: 'uuid',
};

/** `udt_name` of an element type (arrays are `_<udt>`). */
const UDT_NAMES: Record<string, string> = {
  text: '_text',
  'character varying': '_varchar',
  character: '_bpchar',
  integer: '_int4',
  smallint: '_int2',
  bigint: '_int8',
  boolean: '_bool',
  'timestamp with time zone': '_timestamptz',
  date: '_date',
  numeric: '_numeric',
  'double precision': '_float8',
  uuid: '_uuid',
};

interface ColumnMismatch {
  entity: string;
  column: string;
  problem: string;
}

/** What differs between one entity column and the database's columns (none: it agrees). */
function columnMismatches(
  ds: DataSource,
  entity: string,
  table: string,
  col: ColumnMetadata,
  db: ReadonlyMap<string, DbColumn>,
): ColumnMismatch[] {
  const found = db.get(`${table}.${col.databaseName}`);
  const at = { entity, column: `${table}.${col.databaseName}` };
  if (!found) return [{ ...at, problem: 'no such column in the database' }];
  const problems: string[] = [];
  const normalised = ds.driver.normalizeType(col);
  const expected = DATA_TYPES[normalised];
  if (!expected) {
    problems.push(`TypeORM type « ${normalised} » has no PostgreSQL equivalent in this test (add it)`);
  } else if (col.isArray) {
    if (found.data_type !== 'ARRAY' || found.udt_name !== UDT_NAMES[expected]) {
      problems.push(`type: entity ${expected}[], database ${found.data_type} (${found.udt_name})`);
    }
  } else if (found.data_type !== expected) {
    problems.push(`type: entity ${expected}, database ${found.data_type}`);
  }
  const length = col.length ? Number(col.length) : null;
  if (length !== null && !col.isArray && found.character_maximum_length !== length) {
    problems.push(`length: entity ${length}, database ${found.character_maximum_length ?? 'none'}`);
  }
  const nullable = found.is_nullable === 'YES';
  if (col.isNullable !== nullable) {
    problems.push(`nullability: entity ${col.isNullable ? 'NULL' : 'NOT NULL'}, database ${nullable ? 'NULL' : 'NOT NULL'}`);
  }
  return problems.map((problem) => ({ ...at, problem }));
}

let ds: DataSource;
let db: Map<string, DbColumn>;
beforeAll(async () => {
  ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 1 });
  await ds.initialize();
  const rows: DbColumn[] = await ds.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length
     FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  db = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
});
afterAll(() => ds.destroy());

describe('entities and the migrated database', () => {
  it('every entity of entities.ts is mapped to a table of the database', () => {
    const tables = new Set([...db.values()].map((c) => c.table_name));
    const missing = ENTITIES.map((e) => ds.getMetadata(e)).filter((m) => !tables.has(m.tableName));
    expect(missing.map((m) => `${m.name} → ${m.tableName}`)).toEqual([]);
  });

  it('every column of every entity exists in its table, with a compatible type and the same nullability', () => {
    const mismatches = ENTITIES.flatMap((e) => {
      const meta = ds.getMetadata(e);
      return meta.columns.flatMap((col) => columnMismatches(ds, meta.name, meta.tableName, col, db));
    });
    expect(mismatches).toEqual([]);
  });

  it('reports a column of another type, another length, another nullability, or missing', () => {
    const meta = ds.getMetadata(ENTITIES[0]);
    const col = meta.columns.find((c) => c.databaseName === 'id')!;
    const as = (changes: Partial<ColumnMetadata>) =>
      columnMismatches(ds, meta.name, meta.tableName, Object.assign(Object.create(col), changes), db).map((m) => m.problem);
    expect(as({})).toEqual([]);
    expect(as({ type: 'integer' })).toEqual(['type: entity integer, database bigint']);
    expect(as({ type: 'text', isArray: true })).toEqual(['type: entity text[], database bigint (int8)']);
    expect(as({ isNullable: true })).toEqual(['nullability: entity NULL, database NOT NULL']);
    expect(as({ type: 'varchar', length: '12' })).toEqual([
      'type: entity character varying, database bigint',
      'length: entity 12, database none',
    ]);
    expect(as({ databaseName: 'no_such_column' })).toEqual(['no such column in the database']);
  });
});
