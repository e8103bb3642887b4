import { isIP } from 'node:net';
import type { Request } from 'express';

/**
 * The address itself when `candidate` is a valid IPv4 or IPv6 address, else null. An IPv6 zone
 * (`fe80::1%eth0`) is dropped: Node accepts it, PostgreSQL's `inet` does not. Hand-written on
 * node:net's own parser because nothing else is needed: what comes out is safe to cast with `::inet`.
 */
export function validIp(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 64) return null;
  const zone = candidate.indexOf('%');
  const address = zone >= 0 ? candidate.slice(0, zone) : candidate;
  return isIP(address) ? address : null;
}

/**
 * The client's address, always a valid address or null. Express gives the address its `trust proxy`
 * setting reaches in `X-Forwarded-For` (the socket's own address when nobody is trusted), but it
 * does not check it: a trusted proxy may still hand over garbage (`unknown`, a port, an empty
 * entry…). Then the socket's address is used, so such requests share the proxy's per-IP budget
 * rather than escaping the limits.
 */
export function clientIp(req: Pick<Request, 'ip' | 'socket'>): string | null {
  return validIp(req.ip) ?? validIp(req.socket.remoteAddress);
}
