import { loggedError, safeMessage, truncateStatement } from './log-safe';

describe('what of an error may be logged', () => {
  it.each([
    [
      'duplicate key value violates unique constraint "account_email_key"',
      'duplicate key value violates unique constraint "account_email_key"',
    ],
    [
      'duplicate key value violates unique constraint "account_email_key"\nDETAIL: Key (email)=(x@y.fr) already exists.',
      'duplicate key value violates unique constraint "account_email_key"',
    ],
    ['Key (email)=(x@y.fr) already exists.', ''],
    ['invalid input syntax for type uuid: "marie@exemple.org"', 'invalid input syntax for type uuid: "…"'],
    ['invalid input value for enum role: "ADMIN\'; --"', 'invalid input value for enum role: "…"'],
    ['value "0612345678901" is out of range for type integer', 'value "…" is out of range for type integer'],
    ['relation "mail_outbox" does not exist', 'relation "mail_outbox" does not exist'],
  ])('%j → %j', (message, expected) => {
    expect(safeMessage(message)).toBe(expected);
  });

  it('keeps the name, the sanitised message, the frames, the SQLSTATE and the constraint; nothing else', () => {
    const e = Object.assign(new Error('invalid input syntax for type bigint: "x@y.fr"'), {
      name: 'QueryFailedError',
      code: '22P02',
      constraint: undefined,
      parameters: ['x@y.fr', '$argon2id$v=19$m=19456'],
      query: 'SELECT 1 WHERE id = $1',
      driverError: { detail: 'Key (email)=(x@y.fr)' },
    });
    const logged = loggedError(e);
    expect(Object.keys(logged).sort()).toEqual(['code', 'message', 'name', 'stack']);
    expect(logged).toMatchObject({
      name: 'QueryFailedError',
      code: '22P02',
      message: 'invalid input syntax for type bigint: "…"',
    });
    expect(logged.stack).toMatch(/^QueryFailedError: invalid input syntax for type bigint: "…"\n\s+at /);
    expect(JSON.stringify(logged)).not.toMatch(/x@y\.fr|argon2/);
    expect(loggedError('no account for marie.dupont@exemple.org: "secret"')).toEqual({
      name: 'string',
      message: 'no account for …@…: "…"',
    });
  });

  it('shortens statements', () => {
    expect(truncateStatement('SELECT\n   1')).toBe('SELECT 1');
    expect(truncateStatement('x'.repeat(2000), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
