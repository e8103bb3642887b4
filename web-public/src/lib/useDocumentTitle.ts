import { useEffect } from 'react';

export const SITE_NAME = "Annuaire de l'ESS en Sambre-Avesnois";

/** The document title: « <page> — Annuaire de l'ESS en Sambre-Avesnois ». */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} — ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
