import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/roles';
import { createLoaders, type Loaders } from '../loaders';

export interface Context {
  ds: DataSource;
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
}

export function createContext(ds: DataSource, viewer: Viewer | null, requestId: string): Context {
  return { ds, viewer, loaders: createLoaders(ds), requestId };
}
