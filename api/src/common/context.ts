import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/roles';
import { createLoaders, type Loaders } from '../loaders';

/** What services may do with the HTTP exchange, without knowing about Express. */
export interface HttpExchange {
  ip: string | null;
  userAgent: string | null;
  /** The raw session token of the request's cookie, if any. */
  sessionToken: string | null;
  setSessionCookie(token: string, expires: Date): void;
  clearSessionCookie(): void;
}

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

export function createContext(ds: DataSource, viewer: Viewer | null, requestId: string, http: HttpExchange = NO_HTTP): Context {
  return { ds, viewer, loaders: createLoaders(ds), requestId, http };
}
