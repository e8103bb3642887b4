import pino, { type DestinationStream, type LevelWithSilent } from 'pino';
import { loggedError } from './log-safe';
import { currentRequestScope } from './request-scope';

/**
 * The API's one logger: JSON lines on stdout (pino), level from ESSOR_LOG_LEVEL (default `info`).
 * Every line written while a request is served carries its `requestId` (from the request scope).
 * Log what you mean to log, by name: never whole objects that may hold personal data (e-mails,
 * names, IPs, passwords, hashes, tokens, cookies, query parameters or variables). `redact` is
 * only a second net for the usual names of such fields, and `err` goes through `loggedError`.
 */

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function levelOf(value: string | undefined): LevelWithSilent {
  if (value === undefined || value === '') return 'info';
  const level = value.toLowerCase() as LevelWithSilent;
  if (!LEVELS.includes(level)) throw new Error(`ESSOR_LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${value}").`);
  return level;
}

/** Names of fields that must never be printed, wherever they sit (one level deep). */
const REDACTED = [
  'password',
  'passwordHash',
  'password_hash',
  'email',
  'submitterEmail',
  'recipient',
  'token',
  'sessionToken',
  'cookie',
  'ip',
  'parameters',
  'params',
  'variables',
  'query',
  'detail',
  'headers',
  'driverError',
];

/** Where lines go: stdout, or what a test set with `setLogDestination`. */
const stdout = pino.destination({ dest: 1, sync: true });
let destination: DestinationStream = stdout;
const switchable: DestinationStream = { write: (line: string) => destination.write(line) };

export const logger = pino(
  {
    level: levelOf(process.env.ESSOR_LOG_LEVEL),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const scope = currentRequestScope();
      return scope ? { requestId: scope.requestId } : {};
    },
    serializers: { err: loggedError },
    redact: { paths: [...REDACTED, ...REDACTED.map((k) => `*.${k}`)], censor: '[redacted]' },
  },
  switchable,
);

/** Tests: sends the lines to `stream` (and returns a function that puts stdout back). */
export function setLogDestination(stream: DestinationStream): () => void {
  destination = stream;
  return () => {
    destination = stdout;
  };
}

/** The logger as Apollo Server wants it (its own messages: plugin failures and the like). */
export const apolloLogger = {
  debug: (message: unknown) => logger.debug({ source: 'apollo' }, String(message)),
  info: (message: unknown) => logger.info({ source: 'apollo' }, String(message)),
  warn: (message: unknown) => logger.warn({ source: 'apollo' }, String(message)),
  error: (message: unknown) => logger.error({ source: 'apollo' }, String(message)),
};
