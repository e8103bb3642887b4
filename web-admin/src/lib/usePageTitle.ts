import { useEffect } from 'react';

/** « <page> — Pilotage Essor » in the tab and for screen readers announcing the page. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Pilotage Essor`;
  }, [title]);
}
