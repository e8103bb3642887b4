import type { SpaceKind } from '../gql/graphql';
import { SPACE_KIND_PATHS } from './labels';

/** The application's paths (one source for the links). */
export const paths = {
  home: () => '/',
  search: (params?: URLSearchParams | Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    return query ? `/recherche?${query}` : '/recherche';
  },
  structure: (id: string) => `/structures/${encodeURIComponent(id)}`,
  sectors: () => '/secteurs',
  sector: (slug: string) => `/secteurs/${encodeURIComponent(slug)}`,
  networks: () => '/reseaux',
  network: (slug: string) => `/reseaux/${encodeURIComponent(slug)}`,
  space: (kind: SpaceKind, id: string) => `/${SPACE_KIND_PATHS[kind]}/${encodeURIComponent(id)}`,
  epci: (siren: string) => `/territoire/epci/${encodeURIComponent(siren)}`,
  commune: (code: string) => `/territoire/communes/${encodeURIComponent(code)}`,
  mentoring: () => '/tutorat',
  propose: () => '/ajouter',
};
