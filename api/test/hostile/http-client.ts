// Raw HTTP to the real app: the suite controls the bytes (numbers JSON cannot write, invalid UTF-8,
// content types, methods), and times every answer.
import { randomInt } from 'node:crypto';

export interface Answer {
  status: number;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: any;
  contentType: string;
  ms: number;
}

export interface RawRequest {
  method?: 'GET' | 'POST';
  /** Query string for GET (without `?`). */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const INFINITY = '~hostile-infinity~';
const MINUS_INFINITY = '~hostile-minus-infinity~';

/**
 * JSON with the numbers JSON.stringify cannot write: ±Infinity become 1e309 / -1e309 (a client can
 * send them; JSON.parse reads them as ±Infinity).
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v === Infinity ? INFINITY : v === -Infinity ? MINUS_INFINITY : v))
    .split(`"${INFINITY}"`)
    .join('1e309')
    .split(`"${MINUS_INFINITY}"`)
    .join('-1e309');
}

/** A random documentation address (RFC 5737) per request: the per-IP rate limits stay out of the way. */
export const randomIp = () => `198.51.100.${randomInt(1, 255)}`;

export async function send(url: string, req: RawRequest): Promise<Answer> {
  const started = performance.now();
  const target = req.search ? `${url}?${req.search}` : url;
  let status = 0;
  let text = '';
  let contentType = '';
  try {
    const res = await fetch(target, {
      method: req.method ?? 'POST',
      headers: { 'x-forwarded-for': randomIp(), ...req.headers },
      body: req.method === 'GET' ? undefined : req.body,
    });
    status = res.status;
    contentType = res.headers.get('content-type') ?? '';
    text = await res.text();
  } catch (e) {
    // The connection was reset or refused: counted as a server error (status 599).
    status = 599;
    text = `no answer: ${(e as Error).message}`;
  }
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, text, json, contentType, ms };
}

/** A GraphQL POST with a JSON body (as a browser client sends it). */
export function postGraphql(
  url: string,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string } | unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(url, {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: toJson(body),
  });
}

/** Runs the tasks with at most `n` at a time, in order of start. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}
