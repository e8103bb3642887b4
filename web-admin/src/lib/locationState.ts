import { useLocation } from 'react-router';

/** A creation page opens the new entity's page with `state: { created: true }` (« Réseau créé. »). */
export function useJustCreated(): boolean {
  return (useLocation().state as { created?: boolean } | null)?.created === true;
}

/** The notice a page left when navigating here with `state: { notice }` (« Réseau « X » archivé. »). */
export function useLocationNotice(): string | null {
  return (useLocation().state as { notice?: string } | null)?.notice ?? null;
}
