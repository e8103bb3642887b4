import type { DataSource } from 'typeorm';
import type { Viewer } from './common/auth/roles';
import { createContext, type Context, type HttpExchange } from './common/context';
import { createLoaders } from './loaders';

/** A request's context with every module's loaders (composition root: common/context.ts knows no module). */
export function createAppContext(ds: DataSource, viewer: Viewer | null, requestId: string, http?: HttpExchange): Context {
  return createContext(createLoaders, ds, viewer, requestId, http);
}
