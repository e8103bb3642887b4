import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Compilable,
  type RawBuilder,
} from 'kysely';

/**
 * Typed SQL composition. Statements are written with Kysely's `sql` tagged template: every `${value}`
 * becomes a numbered parameter when the statement is compiled, fragments (`sql\`…\``) nest and join
 * (`sql.join`), identifiers that are not values go through `sql.ref` / `sql.raw` (trusted text only:
 * column lists, constant fragments), and `sql<Row>\`…\`` types the rows. Kysely is used as a compiler
 * only: the compiled text and values run through the existing query functions (TypeORM's pool, the
 * read runtime's prepared statements), so transactions, tallies, timeouts and replicas are unchanged.
 * Nobody numbers a parameter by hand (a lint rule refuses `$${…}` in templates).
 */
export { sql };
export type Sql<Row = unknown> = RawBuilder<Row>;

/** A compiled statement: PostgreSQL text with `$1…$n` and its values, in order. */
export interface CompiledSql<Row = unknown> {
  readonly text: string;
  readonly values: unknown[];
  /** Phantom: the row type the statement was written for. */
  readonly __row?: Row;
}

// A Kysely instance that never connects: it only compiles (Kysely's "splitting build and execution").
const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** The typed query builder (compile-only): `qb.selectFrom(…)…` then `compile()`. */
export const qb = compiler;

export function compile<Row>(q: RawBuilder<Row> | Compilable<Row>): CompiledSql<Row> {
  // A raw fragment compiles with the compiler given; a query builder of `qb` already holds it.
  const c = (q as RawBuilder<Row>).compile(compiler);
  return { text: c.sql, values: c.parameters as unknown[] };
}

/** Anything that runs SQL with values: a DataSource, an EntityManager, a QueryRunner. */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Rows of a statement. TypeORM's postgres driver answers `UPDATE/DELETE … RETURNING` with
 * `[rows, affected]` instead of the rows: both shapes give the rows.
 */
export async function queryRows<Row>(runner: SqlRunner, q: RawBuilder<Row> | Compilable<Row>): Promise<Row[]> {
  const { text, values } = compile(q);
  const result = (await runner.query(text, values)) as unknown[];
  return (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as Row[];
}

/** The first row of a statement, or null. */
export async function queryRow<Row>(runner: SqlRunner, q: RawBuilder<Row> | Compilable<Row>): Promise<Row | null> {
  return (await queryRows(runner, q))[0] ?? null;
}

/** `a AND b AND …` of the given conditions (TRUE when there is none). */
export function and(conditions: ReadonlyArray<RawBuilder<unknown>>): RawBuilder<unknown> {
  return conditions.length ? sql`(${sql.join(conditions, sql` AND `)})` : sql`TRUE`;
}

/** `WHERE a AND b …`, or nothing when there is no condition. */
export function whereOf(conditions: ReadonlyArray<RawBuilder<unknown>>): RawBuilder<unknown> {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}
