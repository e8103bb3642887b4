import { findError } from '@essor/web-ui';

/** A value of an edit form: text as typed, a checkbox, a list of codes or of picked items. */
export type EntityFormValue = string | boolean | readonly string[] | ReadonlyArray<{ id: string }>;

const keyOf = (v: string | { id: string }) => (typeof v === 'string' ? v : v.id);

const sameList = (a: ReadonlyArray<string | { id: string }>, b: ReadonlyArray<string | { id: string }>) =>
  a.length === b.length && a.map(keyOf).sort().join('\n') === b.map(keyOf).sort().join('\n');

/** The keys the person changed (compared with what was loaded); text is compared trimmed. */
export function changedKeysOf<V extends { [K in keyof V]: EntityFormValue }>(base: V, values: V): Array<keyof V & string> {
  return (Object.keys(values) as Array<keyof V & string>).filter((k) => {
    const a = base[k] as EntityFormValue;
    const b = values[k] as EntityFormValue;
    if (Array.isArray(a) && Array.isArray(b)) return !sameList(a, b);
    if (typeof a === 'string' && typeof b === 'string') return a.trim() !== b.trim();
    return a !== b;
  });
}

/** Keeps the messages of the form's own fields; the others are returned apart. */
export function splitFieldErrors<K extends string>(
  fields: Record<string, string[]>,
  known: readonly K[],
): { own: Partial<Record<K, string[]>>; others: string[] } {
  const own: Partial<Record<K, string[]>> = {};
  const others: string[] = [];
  for (const [field, messages] of Object.entries(fields)) {
    if ((known as readonly string[]).includes(field)) own[field as K] = messages;
    else others.push(messages.join(' '));
  }
  return { own, others };
}

export interface ConflictChange {
  field: string;
  current: unknown;
  submitted: unknown;
}

/** A CONFLICT answer of a versioned mutation (optimistic locking): nothing was written. */
export interface VersionConflict<V> {
  message: string;
  currentVersion: number | null;
  lastChangedBy: string | null;
  lastChangedAt: string | null;
  changes: ConflictChange[];
  /** What the person had typed, to re-apply onto the current version. */
  mine: Partial<V>;
  submittedVersion: number;
}

export function versionConflictOf<V>(error: unknown, mine: Partial<V>, submittedVersion: number): VersionConflict<V> | null {
  const e = findError(error, 'CONFLICT');
  if (!e) return null;
  const ext = e.extensions ?? {};
  const changes = Array.isArray(ext.changes)
    ? (ext.changes as Array<Record<string, unknown>>)
        .filter((c) => typeof c.field === 'string')
        .map((c) => ({ field: c.field as string, current: c.current, submitted: c.submitted }))
    : [];
  return {
    message: e.message,
    currentVersion: typeof ext.currentVersion === 'number' ? ext.currentVersion : null,
    lastChangedBy: typeof ext.lastChangedBy === 'string' ? ext.lastChangedBy : null,
    lastChangedAt: typeof ext.lastChangedAt === 'string' ? ext.lastChangedAt : null,
    changes,
    mine,
    submittedVersion,
  };
}

/** A stable code from a name: « Services à la personne » → « services-a-la-personne ». */
export function slugify(name: string, max = 80): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/** For searching in the browser: accents and case ignored. */
export const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Moves the focus once React has rendered (error summary, conflict panel, first field). */
export const focusSoon = (el: () => HTMLElement | null) => setTimeout(() => el()?.focus(), 0);
