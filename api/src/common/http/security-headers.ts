import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Map tiles of both SPAs (web-public SearchMap.tsx, web-admin ObservatoryMap.tsx build them in with VITE_TILE_URL). */
export const DEFAULT_TILE_URL = 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png';

export interface SecurityHeaderOptions {
  /** ESSOR_PUBLIC_URL: HSTS (and upgrade-insecure-requests) only when it starts with https. */
  publicUrl?: string;
  /** ESSOR_TILE_URL: a Leaflet tile template; its host is allowed in img-src ("" for none). */
  tileUrl?: string;
}

/**
 * The CSP source of a Leaflet tile template: `https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png`
 * → `https://*.tile.openstreetmap.fr`. A placeholder in the host (`{s}`, `{a-c}`…) becomes a
 * wildcard over the labels up to it (CSP allows `*` only as the leftmost label).
 */
export function tileSource(tileUrl: string): string | null {
  if (tileUrl.trim() === '') return null;
  const m = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) throw new Error(`ESSOR_TILE_URL must be an http(s) tile URL template (got "${tileUrl}").`);
  const [, scheme, authority] = m;
  const [host, port] = authority.split(/:(?=[^:]*$)/);
  const labels = host.split('.');
  const last = labels.findLastIndex((l) => l.includes('{'));
  const rest = labels.slice(last + 1);
  if (last >= 0 && rest.length < 2) throw new Error(`ESSOR_TILE_URL: cannot allow the tile host of "${tileUrl}".`);
  if (rest.some((l) => !/^[A-Za-z0-9-]+$/.test(l)) || (port !== undefined && !/^\d+$/.test(port))) {
    throw new Error(`ESSOR_TILE_URL: cannot allow the tile host of "${tileUrl}".`);
  }
  return `${scheme.toLowerCase()}://${last >= 0 ? '*.' : ''}${rest.join('.').toLowerCase()}${port ? `:${port}` : ''}`;
}

function helmetOptions(https: boolean, tiles: string | null, referrer: 'strict-origin-when-cross-origin' | 'no-referrer') {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Both SPAs are built without inline scripts (their index.html loads /assets/*.js).
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Leaflet and Recharts set styles through the DOM (element.style), which CSP allows;
        // no inline <style> or style="" markup, so no 'unsafe-inline'.
        styleSrc: ["'self'"],
        // data: for Leaflet's own icons (inlined in its CSS).
        imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Embeds nothing cross-origin: the default (no Cross-Origin-Embedder-Policy) is right.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: referrer },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  } satisfies HelmetOptions;
}

/**
 * Security headers of every response (SPAs, /graphql, /healthz), with helmet: a strict CSP
 * (no inline script or style, `frame-ancestors 'none'`), X-Frame-Options DENY, nosniff,
 * Referrer-Policy (`no-referrer` under /admin), HSTS only behind an https public URL, no
 * X-Powered-By. deploy/nginx.conf sends the same ones (a test compares them).
 */
export function securityHeaders(opts: SecurityHeaderOptions = {}): RequestHandler {
  const publicUrl = opts.publicUrl ?? process.env.ESSOR_PUBLIC_URL ?? '';
  const https = /^https:\/\//i.test(publicUrl);
  const tiles = tileSource(opts.tileUrl ?? process.env.ESSOR_TILE_URL ?? DEFAULT_TILE_URL);
  const site = helmet(helmetOptions(https, tiles, 'strict-origin-when-cross-origin'));
  const admin = helmet(helmetOptions(https, tiles, 'no-referrer'));
  return (req, res, next) => (req.path === '/admin' || req.path.startsWith('/admin/') ? admin : site)(req, res, next);
}
