import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/roles';

/** What services may do with the HTTP exchange, without knowing about Express. */
export interface HttpExchange {
  ip: string | null;
  userAgent: string | null;
  /** The raw session token of the request's cookie, if any. */
  sessionToken: string | null;
  setSessionCookie(token: string, expires: Date): void;
  clearSessionCookie(): void;
}

/**
 * The per-request DataLoaders of every module, by module name. Empty here: `common` knows no
 * module. Each module's `<module>.loaders.ts` adds its own by declaration merging:
 *
 * ```ts
 * declare module '../../common/context' {
 *   interface Loaders { sector: ReturnType<typeof createSectorLoaders> }
 * }
 * ```
 *
 * so services and resolvers keep `ctx.loaders.sector.byId` typed while importing only `common`. The
 * composition root (`api/src/loaders.ts`) builds them and is typed `(ds) => Loaders`: a module that
 * declares loaders the root does not build (or the other way round) fails the typecheck.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** Builds a request's loaders (the composition root's `createLoaders`). */
export type LoadersFactory = (ds: DataSource) => Loaders;

export interface Context {
  ds: DataSource;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
  http: HttpExchange;
}

const NO_HTTP: HttpExchange = {
  ip: null,
  userAgent: null,
  sessionToken: null,
  setSessionCookie: () => {},
  clearSessionCookie: () => {},
};

/** A request's context; the loaders come from the factory the composition root passes (see `api/src/context.ts`). */
export function createContext(
  createLoaders: LoadersFactory,
  ds: DataSource,
  viewer: Viewer | null,
  requestId: string,
  http: HttpExchange = NO_HTTP,
): Context {
  return { ds, viewer, loaders: createLoaders(ds), requestId, http };
}
