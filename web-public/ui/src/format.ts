/** French formatting of numbers and dates (Paris time), shared by both SPAs. */
const numberFormat = new Intl.NumberFormat('fr-FR');
const decimalFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pluralRules = new Intl.PluralRules('fr-FR');
const longDateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
const shortDateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** « 0 structure », « 1 membre », « 1 204 structures ». */
export function plural(count: number, one: string, other: string): string {
  return `${numberFormat.format(count)} ${pluralRules.select(count) === 'one' ? one : other}`;
}

/** « 0 structure », « 1 structure », « 312 structures », « 1 204 structures ». */
export function formatStructureCount(count: number): string {
  return plural(count, 'structure', 'structures');
}

/** « 3,2 km », « 12 km ». */
export function formatDistance(km: number): string {
  return `${decimalFormat.format(km)} km`;
}

/** « lundi 30 novembre 2026 à 14:00 » (Paris time); an unreadable date is shown as it is. */
export function formatLongDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDateTimeFormat.format(date);
}

/** « 27/11/2025 08:15 » (Paris time); « — » without a date. */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDateTimeFormat.format(date);
}

/** « 30 novembre 2026 »; takes « YYYY-MM-DD » or a full ISO date; « — » without a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** « 14:00 » (Paris time); empty for an unreadable date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
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

/** Telephone link: « 03 27 00 00 00 » → « tel:+33327000000 ». */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return `tel:${digits.startsWith('0') ? `+33${digits.slice(1)}` : digits}`;
}

/** Readable host and path of a URL (« www.exemple.fr/page »). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
