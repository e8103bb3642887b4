const numberFormat = new Intl.NumberFormat('fr-FR');
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** « 27/11/2025 08:15 » (heure de Paris). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** A value of the audit log, a conflict or a submission, for people. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '(aucun)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Values JSON-encoded by the API (audit, submissions); a non-JSON string is shown as it is. */
export function formatJsonValue(encoded: string | null | undefined): string {
  if (encoded === null || encoded === undefined) return '(vide)';
  try {
    return formatValue(JSON.parse(encoded));
  } catch {
    return encoded;
  }
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n > 1 ? many : one}`;
}
