import { and, compile, qb, sql, whereOf } from './sql';

describe('typed SQL composition', () => {
  it('numbers the parameters of nested fragments in order, arrays as one parameter', () => {
    const filter = sql`t.code = ANY(${['59001', '59002']}::text[])`;
    const q = sql<{ id: string }>`SELECT t.id FROM t ${whereOf([filter, sql`t.n > ${3}`])} LIMIT ${10}`;
    expect(compile(q)).toEqual({
      text: 'SELECT t.id FROM t WHERE t.code = ANY($1::text[]) AND t.n > $2 LIMIT $3',
      values: [['59001', '59002'], 3, 10],
    });
  });

  it('never puts a value in the text', () => {
    const hostile = "x'; DROP TABLE structure; --";
    const { text, values } = compile(sql`SELECT ${hostile} AS v, ${and([sql`a = ${hostile}`])}`);
    expect(text).toBe('SELECT $1 AS v, (a = $2)');
    expect(values).toEqual([hostile, hostile]);
  });

  it('compiles the query builder too', () => {
    const { text, values } = compile(
      qb
        .selectFrom('sector' as never)
        .select(sql<string>`id`.as('id'))
        .where(sql`slug`, '=', 'insertion'),
    );
    expect(text).toBe('select id as "id" from "sector" where slug = $1');
    expect(values).toEqual(['insertion']);
  });

  it('writes TRUE and nothing for empty condition lists', () => {
    expect(compile(sql`SELECT 1 ${whereOf([])}`).text).toBe('SELECT 1 ');
    expect(compile(sql`SELECT ${and([])}`).text).toBe('SELECT TRUE');
  });
});
