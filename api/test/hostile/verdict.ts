// What the suite counts in an answer to a hostile request: a client mistake must get a typed
// client error (or a plain success), never a server error, a masked internal error, an internal
// detail, or a slow answer.
import type { Answer } from './http-client';

export type Finding = '5xx' | 'internal' | 'unmasked' | 'untyped' | 'slow' | 'partial-write' | 'unbounded';

export const SLOW_MS = 5000;

/** Internal details an answer must never show. */
const INTERNAL_DETAILS: Array<[string, RegExp]> = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \(|\bat (?:file:\/\/)?\/[\w./-]+:\d+:\d+|\n\s+at /],
  ['"Error:"', /\b\w*Error:/],
  ['Maximum call stack', /Maximum call stack/i],
  ['file path', /(?:\/[\w.@-]+){2,}\.(?:ts|js|mjs|cjs)\b|node_modules|\/src\/|\/dist\//],
  [
    'SQL fragment',
    /\b(?:SELECT\b[\s\S]*\bFROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|ON CONFLICT)\b|syntax error at or near|violates (?:unique|foreign key|check|not-null) constraint|invalid input syntax|relation "|column "|duplicate key|out of range for type|invalid byte sequence|SQLSTATE|QueryFailedError|tsquery|22P02|23505/i,
  ],
];

/**
 * English words that only show in an English sentence: a French message of the app never has them
 * (its codes and field names are not sentences). The request errors of graphql-js and Apollo (parse,
 * validation, variable coercion), which quote the request, are the specification's own and allowed.
 */
const ENGLISH =
  /\b(?:the|must|should|cannot|can't|is not|are not|expected|unexpected|received|invalid|failed|error|undefined|null value|properties|function)\b/i;
const SPEC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** graphql-js's messages for variable coercion, reported with BAD_USER_INPUT by Apollo. */
const COERCION = /^Variable "\$\w+" (?:got invalid value|of required type|of non-null type)/;

export interface Inspection {
  findings: Finding[];
  /** Why, for failure messages. */
  details: string[];
  /** extensions.code of the errors. */
  codes: string[];
}

/** Removes the strings the request sent (quoted back in messages) before searching for internal details. */
function withoutEcho(text: string, echo: readonly string[]): string {
  let out = text;
  for (const e of echo) {
    if (!e) continue;
    for (const piece of [e, JSON.stringify(e).slice(1, -1), e.slice(0, 80), JSON.stringify(e.slice(0, 80)).slice(1, -1)]) {
      if (piece.length >= 2) out = out.split(piece).join('«sent»');
    }
  }
  return out;
}

export function inspect(a: Answer, echo: readonly string[] = []): Inspection {
  const findings = new Set<Finding>();
  const details: string[] = [];
  const codes: string[] = [];
  if (a.status >= 500) {
    findings.add('5xx');
    details.push(`HTTP ${a.status}`);
  }
  if (a.ms > SLOW_MS) {
    findings.add('slow');
    details.push(`${Math.round(a.ms)} ms`);
  }
  const errors: Array<{ message?: unknown; extensions?: Record<string, unknown> }> | undefined = Array.isArray(a.json)
    ? a.json.flatMap((r: any) => r?.errors ?? [])
    : a.json?.errors;
  if (a.json === undefined) {
    // Not JSON at all: an HTML error page, an empty body…
    if (a.status >= 400) {
      findings.add('untyped');
      details.push(`HTTP ${a.status} without a JSON error (${a.contentType || 'no content type'}): ${a.text.slice(0, 120)}`);
    }
    const shown = withoutEcho(a.text, echo);
    for (const [what, re] of INTERNAL_DETAILS) {
      if (re.test(shown)) {
        findings.add('unmasked');
        details.push(`${what} in a ${a.contentType || 'bodiless'} answer`);
      }
    }
  } else if (a.status >= 400 && !errors?.length) {
    findings.add('untyped');
    details.push(`HTTP ${a.status} without errors: ${a.text.slice(0, 120)}`);
  }
  for (const e of errors ?? []) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : undefined;
    codes.push(code ?? '(none)');
    if (!code) {
      findings.add('untyped');
      details.push(`error without extensions.code: ${String(e.message).slice(0, 120)}`);
    }
    const message = String(e.message ?? '');
    if (code === 'INTERNAL_SERVER_ERROR' || /^(?:Internal server error|Erreur interne du serveur\.?)$/i.test(message)) {
      findings.add('internal');
      details.push(`internal error: ${message}`);
    }
    const shown = withoutEcho(`${message}\n${JSON.stringify(e.extensions ?? {})}`, echo);
    for (const [what, re] of INTERNAL_DETAILS) {
      if (re.test(shown)) {
        findings.add('unmasked');
        details.push(`${what} in: ${shown.slice(0, 200)}`);
      }
    }
    const fieldMessages = ((e.extensions?.fields as Array<{ messages?: string[] }> | undefined) ?? []).flatMap(
      (f) => f.messages ?? [],
    );
    const appMessage = code && !SPEC_CODES.has(code) && !COERCION.test(message) ? [message] : [];
    for (const m of [...appMessage, ...fieldMessages]) {
      if (ENGLISH.test(withoutEcho(m, echo))) {
        findings.add('unmasked');
        details.push(`non-French message: ${m.slice(0, 160)}`);
      }
    }
  }
  if (!errors && a.json === undefined && a.status < 400) details.push('not JSON');
  return { findings: [...findings], details, codes };
}

/** Counts of the whole run, printed on one line. */
export class Tally {
  requests = 0;
  counts: Record<Finding, number> = { '5xx': 0, internal: 0, unmasked: 0, untyped: 0, slow: 0, 'partial-write': 0, unbounded: 0 };
  /** Failures by class, then by `field(slot)`. */
  readonly failures = new Map<string, string[]>();
  /** Codes seen by class (for the report). */
  readonly codes = new Map<string, Map<string, number>>();

  record(cls: string, where: string, inspection: Inspection): void {
    this.requests += 1;
    const byCode = this.codes.get(cls) ?? new Map<string, number>();
    for (const c of inspection.codes) byCode.set(c, (byCode.get(c) ?? 0) + 1);
    this.codes.set(cls, byCode);
    if (!inspection.findings.length) return;
    for (const f of inspection.findings) this.counts[f] += 1;
    const list = this.failures.get(cls) ?? [];
    list.push(`${where}: ${inspection.findings.join(', ')} — ${inspection.details.join(' | ')}`);
    this.failures.set(cls, list);
  }

  line(): string {
    const c = this.counts;
    return (
      `hostile input: ${this.requests} requests, ${c['5xx']} 5xx, ${c.internal} internal errors, ${c.unmasked} unmasked errors, ` +
      `${c.untyped} untyped errors, ${c.slow} answers over ${SLOW_MS / 1000} s, ${c['partial-write']} partial writes, ` +
      `${c.unbounded} unbounded (not sent: would exhaust the server)`
    );
  }
}
