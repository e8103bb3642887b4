import type { ErrorRequestHandler } from 'express';
import { logger } from '../log/logger';
import { currentRequestScope } from '../log/request-scope';

/**
 * Last Express handler: errors raised outside GraphQL (a /graphql body that is not JSON or is too
 * large, a static file that cannot be sent). Express's own handler would print the whole error
 * with console.error — body-parser's carries the raw body, e-mails included — and answer an HTML
 * page with the stack outside production. Here: a short JSON answer with a stable code, and only
 * unexpected (5xx) errors are logged, sanitised; the request line already records the status.
 */
export const httpErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status >= 500) logger.error({ err }, 'http error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  const message =
    status === 413 ? 'Requête trop volumineuse.' : status >= 500 ? 'Erreur interne du serveur.' : 'Requête invalide.';
  const requestId = currentRequestScope()?.requestId ?? res.getHeader('x-request-id');
  res.status(status).json({
    errors: [{ message, extensions: { code, ...(status >= 500 && requestId ? { requestId } : {}) } }],
  });
};
