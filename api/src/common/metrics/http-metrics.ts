import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import { isApiLikePath } from '../http/not-found';
import { metrics } from './metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The class of a path, for the `route` label: a handful of values whatever the path (a label per
 * path would grow without end, and paths hold ids).
 */
export function routeClassOf(p: string): string {
  if (p === '/graphql' || p === '/graphql/') return 'graphql';
  const probe = /^\/(healthz|readyz|metrics)\/?$/.exec(p);
  if (probe) return probe[1];
  if (isApiLikePath(p)) return 'unknown_api';
  const asset = path.extname(p) !== '';
  if (p === '/admin' || p.startsWith('/admin/')) return asset ? 'admin_asset' : 'admin_page';
  return asset ? 'asset' : 'page';
}

/** First middleware of the app: the duration of every request, observed when its response ends. */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const startedAt = performance.now();
  const route = routeClassOf(req.path);
  const method = METHODS.has(req.method) ? req.method : 'OTHER';
  res.once('close', () => {
    const status = res.writableFinished ? String(res.statusCode) : 'aborted';
    metrics.httpDuration.observe({ method, route, status }, (performance.now() - startedAt) / 1000);
  });
  next();
}
