/**
 * The API's pools cut statements after `ESSOR_STATEMENT_TIMEOUT_MS` (a request must not hold a
 * connection for long). Jobs that run on them (snapshot refresh, retention) are not requests: they
 * lift it for their own transaction; `SET LOCAL` ends with the transaction, so the connection goes
 * back to the pool with the request timeout.
 */
export async function liftStatementTimeout(m: { query(sql: string): Promise<unknown> }): Promise<void> {
  await m.query('SET LOCAL statement_timeout = 0');
}
