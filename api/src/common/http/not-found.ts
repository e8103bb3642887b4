import type { NextFunction, Request, Response } from 'express';

/**
 * Paths that belong to the API, never to an SPA: an unknown one answers 404 in JSON rather than
 * the SPA's index.html with 200 (a client, a probe or a scraper would take that page for an answer).
 * `/graphql` itself, `/healthz`, `/readyz` and `/metrics` are served; anything under them is not.
 */
const API_LIKE = /^\/(?:graphql\/.+|api(?:\/.*)?|healthz\/.+|readyz\/.+|metrics\/.+|\.well-known(?:\/.*)?)$/i;

export function isApiLikePath(path: string): boolean {
  return API_LIKE.test(path);
}

/** The JSON body of a 404, shaped as the API's other HTTP-level errors (common/graphql/request-guards.ts). */
export function sendNotFound(res: Response): void {
  res
    .status(404)
    .setHeader('Cache-Control', 'no-store')
    .json({ errors: [{ message: 'Ressource introuvable.', extensions: { code: 'NOT_FOUND' } }] });
}

/**
 * Mounted before the SPAs' fallback (and before `/graphql`, which Express would otherwise also
 * match for `/graphql/x`): whatever the routes before it serve under these prefixes (a future
 * `/.well-known/…` file, say) is served; anything else is a 404 in JSON.
 */
export function unknownApiPaths(req: Request, res: Response, next: NextFunction): void {
  if (isApiLikePath(req.path)) sendNotFound(res);
  else next();
}
