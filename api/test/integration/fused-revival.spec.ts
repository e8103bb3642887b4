import 'reflect-metadata';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { createDataSource } from '../../src/common/db/data-source';
import { runWithTally, type StatementTally } from '../../src/common/db/statement-counter';
import { keyLoader } from '../../src/common/reads';

/** An entity of every column type the entities use (and those a new one may): fused rows must come back identical. */
@Entity('read_runtime_types')
class AllTypes {
  @PrimaryColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'bigint', nullable: true }) big: string | null;
  @Column({ type: 'numeric', nullable: true }) amount: string | null;
  @Column({ type: 'timestamptz', nullable: true }) at: Date | null;
  @Column({ type: 'timestamp', nullable: true }) localAt: Date | null;
  @Column({ type: 'date', nullable: true }) day: string | null;
  @Column({ type: 'boolean', nullable: true }) flag: boolean | null;
  @Column({ type: 'integer', nullable: true }) n: number | null;
  @Column({ type: 'double precision', nullable: true }) ratio: number | null;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ type: 'char', length: 3, nullable: true }) code: string | null;
  @Column({ type: 'text', array: true, nullable: true }) tags: string[] | null;
  @Column({ type: 'bigint', array: true, nullable: true }) bigs: string[] | null;
  @Column({ type: 'date', array: true, nullable: true }) days: string[] | null;
  @Column({ type: 'timestamptz', array: true, nullable: true }) ats: Date[] | null;
  @Column({ type: 'jsonb', nullable: true }) data: unknown;
}

let ds: DataSource;
beforeAll(async () => {
  ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2, entities: [AllTypes] });
  await ds.initialize();
  await ds.query(`DROP TABLE IF EXISTS read_runtime_types`);
  await ds.query(`CREATE TABLE read_runtime_types (
    id bigint PRIMARY KEY, big bigint, amount numeric, at timestamptz, local_at timestamp, day date, flag boolean,
    n integer, ratio double precision, label text, code char(3), tags text[], bigs bigint[], days date[], ats timestamptz[], data jsonb)`);
  await ds.query(`INSERT INTO read_runtime_types VALUES
    (1, 9007199254740991, 1.50, '2024-03-01 10:20:30.123456+01', '2024-03-01 10:20:30.5', '2024-02-29', true, 7, 0.1,
     'é "quoted"', 'ab', '{a,"b c"}', '{1,9007199254740991}', '{2024-01-01,2024-12-31}', '{"2024-01-01 00:00:00+00"}',
     '{"k": [1, "x", null], "n": 1.50}'),
    (2, NULL, 0, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, '{}', '{}', '{}', '{}', 'null'),
    (3, 9007199254740993, 123456789012345678901234567890.000, NULL, NULL, NULL, NULL, -1, -2.5e300, '', 'xyz', NULL, NULL, NULL, NULL, '[]')`);
});
afterAll(async () => {
  await ds.query(`DROP TABLE IF EXISTS read_runtime_types`);
  await ds.destroy();
});

/** Rows 1–3 through two loaders read in one turn (fused) or each alone (`ESSOR_FUSE=0`). */
async function read(fuse: boolean) {
  const previous = process.env.ESSOR_FUSE;
  process.env.ESSOR_FUSE = fuse ? '' : '0';
  try {
    const tally: StatementTally = { count: 0 };
    const all = keyLoader(ds, AllTypes, { table: 'read_runtime_types', key: 'id', keyType: 'bigint' });
    const some = keyLoader(ds, AllTypes, { table: 'read_runtime_types', key: 'id', keyType: 'bigint', where: 't.id < 3' });
    const rows = await runWithTally(tally, () => Promise.all([all.loadMany(['1', '2']), some.loadMany(['1', '2'])]));
    return { tally, rows };
  } finally {
    process.env.ESSOR_FUSE = previous;
  }
}

describe('fused rows are typed back from the column types', () => {
  it('a fused row of every column type deep-equals the row read alone', async () => {
    const alone = await read(false);
    const fused = await read(true);
    expect(alone.tally.count).toBe(2);
    expect(fused.tally.count).toBe(1);
    expect(fused.rows).toEqual(alone.rows);
    const [row] = fused.rows[0] as AllTypes[];
    expect(row).toBeInstanceOf(AllTypes);
    expect(row).toMatchObject({
      id: '1',
      big: '9007199254740991',
      amount: '1.50',
      day: '2024-02-29',
      bigs: ['1', '9007199254740991'],
    });
    expect(row.days).toEqual(['2024-01-01', '2024-12-31']);
    expect(row.at).toBeInstanceOf(Date);
    expect(row.localAt).toBeInstanceOf(Date);
    expect(row.ats?.[0]).toBeInstanceOf(Date);
  });

  it('a bigint JSON cannot carry exactly is read again alone', async () => {
    const read3 = async (fuse: boolean) => {
      const previous = process.env.ESSOR_FUSE;
      process.env.ESSOR_FUSE = fuse ? '' : '0';
      try {
        const a = keyLoader(ds, AllTypes, { table: 'read_runtime_types', key: 'id', keyType: 'bigint' });
        const b = keyLoader(ds, AllTypes, { table: 'read_runtime_types', key: 'id', keyType: 'bigint', where: 't.n < 0' });
        return await Promise.all([a.load('3'), b.load('3')]);
      } finally {
        process.env.ESSOR_FUSE = previous;
      }
    };
    const alone = await read3(false);
    const fused = await read3(true);
    expect(fused).toEqual(alone);
    expect(fused[0]?.big).toBe('9007199254740993');
    expect(fused[0]?.amount).toBe('123456789012345678901234567890.000');
  });
});
