import { createAppContext } from '../../src/context';
import { currentTally, runWithTally, type StatementTally } from '../../src/common/db/statement-counter';
import { KEYED, keyedBy, queryPrepared, ReadContractError, UnsafeFusedSqlError } from '../../src/common/reads';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** What the loaders of a structure page give, with reads fused or not. */
async function pageReads(fuse: boolean) {
  const previous = process.env.ESSOR_FUSE;
  process.env.ESSOR_FUSE = fuse ? '' : '0';
  try {
    const ids: string[] = (await t.ds.query(`SELECT id::text FROM structure ORDER BY id LIMIT 40`)).map((r: any) => r.id);
    const codes: string[] = (
      await t.ds.query(`SELECT DISTINCT commune_code FROM structure WHERE commune_code IS NOT NULL LIMIT 20`)
    ).map((r: any) => r.commune_code);
    const tally: StatementTally = { count: 0 };
    const ctx = createAppContext(t.ds, null, 'fused-reads');
    const [sectors, networks, contacts, spaces, communes, structures] = await runWithTally(tally, () =>
      Promise.all([
        ctx.loaders.sector.byStructureIdFor().loadMany(ids),
        ctx.loaders.network.byStructureIdFor().loadMany(ids),
        ctx.loaders.person.byStructureId.loadMany(ids),
        ctx.loaders.space.byStructureId.loadMany(ids),
        ctx.loaders.territory.communeByCode.loadMany(codes),
        ctx.loaders.structure.byId.loadMany(ids),
      ]),
    );
    const epcis = await Promise.all(
      (communes as any[]).filter((c) => c?.epciSiren).map((c) => ctx.loaders.territory.epciBySiren.load(c.epciSiren)),
    );
    return { tally, data: { sectors, networks, contacts, spaces, communes, structures, epcis } };
  } finally {
    process.env.ESSOR_FUSE = previous;
  }
}

describe('reads fused into one statement', () => {
  it('give the same entities, typed the same (bigint ids as strings, timestamps as Dates, order kept)', async () => {
    const alone = await pageReads(false);
    const fused = await pageReads(true);
    expect(alone.tally.count).toBe(6);
    expect(fused.tally.count).toBe(1);
    expect(fused.data).toEqual(alone.data);
    // toEqual compares Dates by value and classes by prototype; check the types explicitly too.
    const s = (fused.data.structures as any[])[0];
    expect(typeof s.id).toBe('string');
    expect(s.createdAt).toBeInstanceOf(Date);
    expect(Object.getPrototypeOf(s)).toBe(Object.getPrototypeOf((alone.data.structures as any[])[0]));
    expect((fused.data.sectors as any[]).some((l) => l.length > 1)).toBe(true);
  });

  it('a failing read fails alone: the other read of its statement is retried alone and answers', async () => {
    expect(currentTally()).toBeUndefined();
    const bad = queryPrepared(t.ds, 'SELECT 1 / (0 * $1::int) AS x', [1]);
    const good = queryPrepared(t.ds, 'SELECT $1::int AS x', [2]);
    await expect(bad).rejects.toThrow(/division by zero/);
    await expect(good).resolves.toEqual([{ x: 2 }]);
    const [again, other] = await Promise.all([
      queryPrepared(t.ds, 'SELECT $1::int AS x', [3]),
      queryPrepared(t.ds, 'SELECT $1::text AS y, $2::int AS z', ['a', 4]),
    ]);
    expect(again).toEqual([{ x: 3 }]);
    expect(other).toEqual([{ y: 'a', z: 4 }]);
  });

  it('keyed reads of two requests merged into one statement: a key that fails it fails only its own request', async () => {
    const sql = 'SELECT k::text AS __key, 10 / k AS q FROM unnest($1::int[]) AS k ORDER BY k';
    const [a, b] = [{ count: 0 }, { count: 0 }];
    const [bad, good] = [
      runWithTally(a, () => queryPrepared(t.ds, sql, [[0, 5]], KEYED)),
      runWithTally(b, () => queryPrepared(t.ds, sql, [[2]], KEYED)),
    ];
    await expect(bad).rejects.toThrow(/division by zero/);
    await expect(good).resolves.toEqual([{ __key: '2', q: 5 }]);
    // The shared statement, then each read alone.
    expect([a.count, b.count]).toEqual([2, 2]);
  });

  it.each(['', '0'])(
    'refuses "$<digit>" inside a literal at call time (ESSOR_FUSE=%s), and fuses "$" without digits',
    async (fuse) => {
      const previous = process.env.ESSOR_FUSE;
      process.env.ESSOR_FUSE = fuse;
      try {
        await expect(queryPrepared(t.ds, `SELECT $1::text || ' costs $1' AS x`, ['a'])).rejects.toThrow(UnsafeFusedSqlError);
        const [x, y] = await Promise.all([
          queryPrepared(t.ds, `SELECT $1::text || '$' AS x`, ['a']),
          queryPrepared(t.ds, `SELECT $1::int + 1 AS y /* plus one */`, [1]),
        ]);
        expect([x, y]).toEqual([[{ x: 'a$' }], [{ y: 2 }]]);
      } finally {
        process.env.ESSOR_FUSE = previous;
      }
    },
  );

  it('a keyed read needs its keys as $1 and its key column in every row; only that read fails', async () => {
    await expect(queryPrepared(t.ds, 'SELECT $1::int AS __key', [1], KEYED)).rejects.toThrow(ReadContractError);
    const [noKey, other] = await Promise.allSettled([
      queryPrepared(t.ds, 'SELECT k AS id FROM unnest($1::int[]) AS k', [[1, 2]], KEYED),
      queryPrepared(t.ds, 'SELECT k AS __key FROM unnest($1::int[]) AS k', [[3]], keyedBy('__key')),
    ]);
    expect(noKey.status).toBe('rejected');
    expect((noKey as PromiseRejectedResult).reason).toBeInstanceOf(ReadContractError);
    expect(other).toEqual({ status: 'fulfilled', value: [{ __key: 3 }] });
  });

  it('the same loader in concurrent requests reads the union of their keys once, each request keeps its own', async () => {
    const ids: string[] = (await t.ds.query(`SELECT id::text FROM structure ORDER BY id LIMIT 40`)).map((r: any) => r.id);
    const [a, b] = [ids.slice(0, 20), ids.slice(20)];
    const alone = async (keys: string[]) => {
      const ctx = createAppContext(t.ds, null, 'alone');
      return Promise.all([ctx.loaders.sector.byStructureIdFor().loadMany(keys), ctx.loaders.structure.byId.loadMany(keys)]);
    };
    const expectedA = await alone(a);
    const expectedB = await alone(b);
    const sent: string[] = [];
    const spy = jest.spyOn(t.ds.logger, 'logQuery').mockImplementation((sql: string) => void sent.push(sql));
    try {
      const [ctxA, ctxB] = [createAppContext(t.ds, null, 'a'), createAppContext(t.ds, null, 'b')];
      const [gotA, gotB, plainA, plainB] = await Promise.all([
        Promise.all([ctxA.loaders.sector.byStructureIdFor().loadMany(a), ctxA.loaders.structure.byId.loadMany(a)]),
        Promise.all([ctxB.loaders.sector.byStructureIdFor().loadMany(b), ctxB.loaders.structure.byId.loadMany(b)]),
        // Not keyed: never merged, even with the same text.
        queryPrepared(t.ds, 'SELECT $1::int AS x', [1]),
        queryPrepared(t.ds, 'SELECT $1::int AS x', [2]),
      ]);
      expect(gotA).toEqual(expectedA);
      expect(gotB).toEqual(expectedB);
      expect(plainA).toEqual([{ x: 1 }]);
      expect(plainB).toEqual([{ x: 2 }]);
      // One statement: one subquery for the sectors of both, one for the structures of both, two plain ones.
      expect(sent).toHaveLength(1);
      expect(sent[0].match(/FROM structure_sector/g)).toHaveLength(1);
      expect(sent[0].match(/json_agg/g)).toHaveLength(4);
    } finally {
      spy.mockRestore();
    }
  });

  it('a structure page costs fewer statements than it has lists', async () => {
    const [{ id }] = await t.ds.query(
      `SELECT s.id::text FROM structure s WHERE s.status = 'PUBLISHED'
       AND EXISTS (SELECT 1 FROM structure_sector x WHERE x.structure_id = s.id)
       AND EXISTS (SELECT 1 FROM network_membership x WHERE x.structure_id = s.id) ORDER BY s.id LIMIT 1`,
    );
    const res: any = await t.gql(
      `query ($id: ID!) { structure(id: $id) { name commune { name } epci { name }
      sectors { name facilitators { jobTitle } } networks { name } contacts { jobTitle } participations { title } } }`,
      {
        id: Buffer.from(`Structure:${id}`).toString('base64url'),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.structure.sectors.length).toBeGreaterThan(0);
    // structure; commune (+EPCI), sectors, networks, contacts, participations fused; facilitators.
    expect(res.extensions.sqlStatements).toBe(3);
  });
});
