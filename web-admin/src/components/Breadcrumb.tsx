import { Breadcrumb as SharedBreadcrumb } from '@essor/web-ui';

/** The list a page belongs to: « Réseaux » at /reseaux. */
export interface ListLink {
  to: string;
  label: string;
}

/** « Fil d'Ariane » of the back office: the list, then the current page. */
export function Breadcrumb({ list, current }: { list: ListLink; current: string }) {
  return <SharedBreadcrumb home={null} items={[list, { label: current }]} />;
}
