/**
 * What of an error may go into a log line. Error objects carry more than their message: a
 * TypeORM QueryFailedError holds the statement's `parameters` (e-mails, password hashes, tokens)
 * and PostgreSQL's `detail` (`Key (email)=(x@y.fr) already exists.`); pino's standard error
 * serializer would print every enumerable property. Only named, value-free fields are kept.
 */

const MAX_MESSAGE = 300;
const MAX_STACK_FRAMES = 15;

/**
 * A PostgreSQL (or any) error message without the values it may quote. PostgreSQL puts values
 * after a colon (`invalid input syntax for type uuid: "…"`, `invalid input value for enum role: "…"`)
 * or after `value` (`value "…" is out of range for type integer`), and in its DETAIL
 * (`Key (email)=(…)`); identifiers (`relation "account"`, `constraint "account_email_key"`) stay.
 * E-mail addresses anywhere are masked too.
 */
export function safeMessage(message: string): string {
  let m = message;
  for (const cut of ['Key (', 'DETAIL', '\n']) {
    const at = m.indexOf(cut);
    if (at >= 0) m = m.slice(0, at);
  }
  m = m
    .replace(/(:\s*)"(?:[^"]|"")*"/g, '$1"…"')
    .replace(/(:\s*)'(?:[^']|'')*'/g, "$1'…'")
    .replace(/\bvalue "(?:[^"]|"")*"/g, 'value "…"')
    // Any e-mail address left (a message built by hand).
    .replace(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[A-Za-z]{2,}/g, '…@…')
    .trim();
  return m.length > MAX_MESSAGE ? `${m.slice(0, MAX_MESSAGE)}…` : m;
}

/** A statement's text, shortened (its parameters are never logged). */
export function truncateStatement(sql: string, max = 1000): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export interface LoggedError {
  name: string;
  message: string;
  stack?: string;
  /** SQLSTATE of a database error (`23505`), or a Node error code (`ECONNREFUSED`). */
  code?: string;
  /** Constraint a database error names. */
  constraint?: string;
}

/** An error as it may be logged: name, sanitised message, the stack's frames, code, constraint. */
export function loggedError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: typeof error, message: safeMessage(String(error)) };
  const e = error as Error & { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const message = safeMessage(e.message ?? '');
  // The stack's first line repeats the message: rebuilt from the frames only.
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_STACK_FRAMES);
  const code = typeof e.code === 'string' ? e.code : typeof e.driverError?.code === 'string' ? e.driverError.code : undefined;
  const constraint =
    typeof e.constraint === 'string'
      ? e.constraint
      : typeof e.driverError?.constraint === 'string'
        ? e.driverError.constraint
        : undefined;
  return {
    name: e.name || 'Error',
    message,
    ...(frames.length ? { stack: [`${e.name || 'Error'}: ${message}`, ...frames].join('\n') } : {}),
    ...(code ? { code } : {}),
    ...(constraint ? { constraint } : {}),
  };
}
