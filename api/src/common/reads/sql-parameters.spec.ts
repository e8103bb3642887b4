import { parameterSpans, renumberParameters, UnsafeFusedSqlError } from './sql-parameters';

describe('parameters of a fused read', () => {
  it('renumbers only the parameters, casts and literals without digits left as they are', () => {
    const sql = `SELECT t.id AS "id", '$' || $2::text AS x, $$plain$$ AS y FROM t WHERE t.id = ANY($1::bigint[]) LIMIT $10`;
    expect(renumberParameters(sql, 3)).toBe(
      `SELECT t.id AS "id", '$' || $5::text AS x, $$plain$$ AS y FROM t WHERE t.id = ANY($4::bigint[]) LIMIT $13`,
    );
    expect(parameterSpans('SELECT 1')).toEqual([]);
    expect(renumberParameters(sql, 0)).toBe(sql);
  });

  it.each([
    ['a quoted literal', `SELECT 'costs $1' AS x WHERE a = $1`],
    ['a quoted literal', `SELECT 'it''s $2' AS x`],
    ['a quoted literal', `SELECT E'\\'$1' AS x`],
    ['a quoted identifier', `SELECT 1 AS "$1"`],
    ['a comment', `SELECT $1::int -- not $2\n`],
    ['a comment', `SELECT /* a /* nested $1 */ */ $1::int`],
    ['a dollar-quoted string', `SELECT $body$ $1 $body$ AS x`],
    ['a dollar-quoted string', `SELECT $$ $1 $$ AS x`],
    ['an identifier', `SELECT a$1 FROM t`],
  ])('refuses "$<digit>" inside %s', (where, sql) => {
    expect(() => parameterSpans(sql)).toThrow(UnsafeFusedSqlError);
    expect(() => parameterSpans(sql)).toThrow(where);
  });

  it('a literal closed after doubled quotes or backslash escapes gives the parameters that follow', () => {
    const sql = `SELECT 'a''b' AS x, E'c\\'d' AS y, $1::int AS z`;
    expect(parameterSpans(sql)).toEqual([[sql.indexOf('$1'), 2]]);
  });
});
