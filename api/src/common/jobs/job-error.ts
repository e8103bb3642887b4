import { loggedError } from '../log/log-safe';

/**
 * What of a job's error may be stored (run history, mail outbox, graphile-worker's table) and
 * logged: the code (ECONNREFUSED, EAUTH…) and the message without the values it may quote
 * (common/log/log-safe.ts masks quoted values and e-mail addresses), query parameters of URLs
 * and token-like strings (a link's `jeton=`, a hash).
 */
export function jobErrorMessage(error: unknown): string {
  const e = loggedError(error);
  const message = e.message
    .replace(/([?&][\w.-]+=)[^&\s"'<>]*/g, '$1…')
    .replace(/[A-Za-z0-9_+/=-]{32,}/g, '…')
    .trim();
  const code = e.code && !message.startsWith(e.code) ? `${e.code}: ` : '';
  return `${code}${message || e.name}`.slice(0, 500);
}
