import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { commonErrors, type DomainError } from '../domain-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field()
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true })
  startCursor: string | null;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, ${MAX_PAGE_SIZE} at most (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (endCursor of the previous page).' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  /** Runs only if the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw commonErrors.firstOutOfRange({ max: MAX_PAGE_SIZE, first }, { field: 'first', value: first });
  }
  return size;
}

/** Offset paging of the admin tables (TanStack Table asks for page indexes): page ≥ 0, size 1–100. */
export function assertOffsetPage(page: number, size: number): void {
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw commonErrors.pageOutOfRange({ max: MAX_PAGE_SIZE }, { field: 'pageSize' });
  }
}

/** Opaque cursor: base64url of the JSON sort key. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each position of a cursor's key must be: it goes into SQL as a parameter of that type, so a
 * forged cursor is refused here (INVALID_CURSOR) rather than by PostgreSQL.
 */
export type CursorPart =
  /** A row id (bigint): 1 to 18 digits. */
  | 'id'
  /** A text key (a name, a code): no control character, no lone surrogate, 1,000 characters at most. */
  | 'text'
  /** A finite number (a rank, a distance). */
  | 'number'
  /** An ISO timestamp (a creation date). */
  | 'timestamp'
  /** 0 or 1. */
  | 'flag'
  /** A text or a finite number, checked by the caller. */
  | 'key';

const ID_KEY = /^[0-9]{1,18}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isSafeText = (v: string, max = 1000) => v.length <= max && !UNSAFE_TEXT.test(v);

const CURSOR_PARTS: Record<CursorPart, (v: unknown) => boolean> = {
  id: (v) => (typeof v === 'string' || typeof v === 'number') && ID_KEY.test(String(v)),
  text: (v) => typeof v === 'string' && isSafeText(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  timestamp: (v) => typeof v === 'string' && ISO_TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)),
  flag: (v) => v === 0 || v === 1,
  key: (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && isSafeText(v)),
};

/** The key of a cursor, each position checked against `parts` (or only its count). */
export function decodeCursor(cursor: string | null | undefined, parts: number | readonly CursorPart[]): unknown[] | null {
  if (cursor == null) return null;
  const shape: readonly CursorPart[] = typeof parts === 'number' ? Array.from({ length: parts }, () => 'key') : parts;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => CURSOR_PARTS[shape[i]](v))) {
      return key;
    }
  } catch {
    /* fall through */
  }
  throw commonErrors.invalidCursor({ field: 'after' });
}

/** A cursor whose key does not fit the list it is used with (another sort, another list). */
export function invalidCursor(): DomainError {
  return commonErrors.invalidCursor({ field: 'after' });
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds a Relay connection type `<Name>Connection` with `<Name>Edge`, `nodes` and a lazy `totalCount`. */
export function ConnectionType<T extends object>(nodeType: ClassType<T> | (() => unknown), name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;
    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay cursor connection).` })
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];
    @Field(() => [nodeType])
    nodes: T[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of items matching the filters, all pages together.' })
    totalCount: number | Promise<number>;
  }
  return ConnectionClass as unknown as ClassType<Connection<T>>;
}

/**
 * Turns the rows of a keyset query (fetched with limit = size + 1) into a connection.
 * `keyOf` gives the sort key of a row, which becomes its cursor.
 */
export function toConnection<T>(
  rows: T[],
  size: number,
  after: unknown[] | null,
  keyOf: (row: T) => unknown[],
  count: () => Promise<number>,
): Connection<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  // Cursors are encoded only when the query reads them (a nested list often reads `nodes` only).
  let edges: Array<{ cursor: string; node: T }> | undefined;
  let memo: Promise<number> | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })));
    },
    nodes,
    get pageInfo() {
      return {
        hasNextPage,
        hasPreviousPage: after !== null,
        startCursor: nodes.length ? encodeCursor(keyOf(nodes[0])) : null,
        endCursor: nodes.length ? encodeCursor(keyOf(nodes[nodes.length - 1])) : null,
      };
    },
    get totalCount() {
      return (memo ??= count()) as unknown as number;
    },
  };
}
