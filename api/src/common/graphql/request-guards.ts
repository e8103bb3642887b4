import type { ApolloServerPlugin } from '@apollo/server';
import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors';
import { logger } from '../log/logger';
import { currentRequestScope } from '../log/request-scope';

/** Largest accepted body of a GraphQL request. */
export const MAX_BODY = '1mb';
/** Deepest accepted nesting of arrays and objects in a JSON body (variables included). */
export const MAX_JSON_DEPTH = 64;

/** An HTTP-level refusal of a request body (before GraphQL sees it). */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Nesting depth of a JSON text, counting brackets outside strings: one pass over the bytes, so
 * that a body nested 10,000 deep is refused before JSON.parse and the recursive walks after it
 * (graphql-js's coercion, hashing of the variables) ever see it. Hand-written: body-parser has
 * no depth option.
 */
export function jsonDepth(buf: Uint8Array, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > max) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * The JSON body parser of /graphql: size limit, strict UTF-8 (invalid bytes are refused rather
 * than silently replaced by U+FFFD), bounded nesting.
 */
export function graphqlJsonParser() {
  return express.json({
    limit: MAX_BODY,
    verify: (_req, _res, buf) => {
      try {
        utf8.decode(buf);
      } catch {
        throw new BodyError(400, ErrorCode.INVALID_TEXT, 'Le corps de la requête n’est pas du texte UTF-8 valide.');
      }
      if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        throw new BodyError(
          400,
          ErrorCode.BAD_USER_INPUT,
          `Le corps de la requête est imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux.`,
        );
      }
    },
  });
}

/** body-parser's error types → status, code and a French message. */
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, ErrorCode.PAYLOAD_TOO_LARGE, `Le corps de la requête dépasse ${MAX_BODY}.`],
  'entity.parse.failed': [400, 'BAD_REQUEST', 'Le corps de la requête n’est pas du JSON valide.'],
  'encoding.unsupported': [415, 'BAD_REQUEST', 'Encodage du corps non pris en charge.'],
  'charset.unsupported': [415, 'BAD_REQUEST', 'Jeu de caractères non pris en charge (UTF-8 seulement).'],
  'request.aborted': [400, 'BAD_REQUEST', 'Requête interrompue.'],
  'request.size.invalid': [400, 'BAD_REQUEST', 'Taille du corps incohérente avec Content-Length.'],
  'stream.encoding.set': [500, ErrorCode.INTERNAL_SERVER_ERROR, 'Erreur interne du serveur.'],
};

/**
 * Last Express handler: errors raised outside GraphQL (a /graphql body that is not JSON, too large,
 * not UTF-8, too deep; a static file that cannot be sent) answered as GraphQL errors in JSON.
 * Express's own handler would print the whole error with console.error — body-parser's carries the
 * raw body, e-mails included — and answer an HTML page with the stack outside production. Only
 * unexpected (5xx) errors are logged, sanitised; the request line already records the status.
 */
export const httpErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  let status = 500;
  let code: string = ErrorCode.INTERNAL_SERVER_ERROR;
  let message = 'Erreur interne du serveur.';
  if (err instanceof BodyError) {
    [status, code, message] = [err.status, err.code, err.message];
  } else if (typeof err?.type === 'string' && BODY_PARSER_ERRORS[err.type]) {
    [status, code, message] = BODY_PARSER_ERRORS[err.type];
  } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
    [status, code, message] = [err.status, 'BAD_REQUEST', 'Requête invalide.'];
  }
  if (status >= 500) logger.error({ err }, 'http error');
  const requestId = currentRequestScope()?.requestId ?? res.getHeader('x-request-id');
  res.status(status).json({
    errors: [{ message, extensions: { code, ...(status >= 500 && requestId ? { requestId } : {}) } }],
  });
};

/** NUL characters and lone UTF-16 surrogates: no PostgreSQL text can hold them. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const INVALID_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Path of the first string of a JSON value that is not valid text, walked without recursion. */
export function invalidTextPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (INVALID_TEXT.test(v)) return at;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], `${at}[${i}]`]);
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (INVALID_TEXT.test(k)) return `${at}.${k.replace(INVALID_TEXT, '?')}`;
        stack.push([child, at ? `${at}.${k}` : k]);
      }
    }
  }
  return null;
}

/** Whether a parsed document holds a string literal that is not valid text (cached per document). */
const documentsWithInvalidText = new WeakMap<DocumentNode, boolean>();
function documentHasInvalidText(document: DocumentNode): boolean {
  let known = documentsWithInvalidText.get(document);
  if (known === undefined) {
    known = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (INVALID_TEXT.test(node.value)) known = true;
      },
    });
    documentsWithInvalidText.set(document, known);
  }
  return known;
}

const invalidText = (where: string) =>
  new GraphQLError(`Texte invalide ${where} : caractère nul (U+0000) ou demi-caractère UTF-16 isolé. Retirez ces caractères.`, {
    extensions: { code: ErrorCode.INVALID_TEXT, http: { status: 400 } },
  });

/**
 * Refuses, before any resolver runs, text that no column can hold: in the variables and in the
 * string literals of the document. (Valid text reaches the services as it is.)
 */
export function inputTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const at = invalidTextPath(request.variables ?? {});
          if (at !== null) throw invalidText(`dans la variable « ${at} »`);
          if (documentHasInvalidText(document)) throw invalidText('dans la requête');
        },
      };
    },
  };
}
