import { useRef, useState, type FormEvent } from 'react';
import { changedKeysOf, focusSoon, versionConflictOf, type EntityFormValue, type VersionConflict } from './entityForm';
import { errorMessage, findError } from '@essor/web-ui';
import { useFormErrors, type FormFieldErrors } from './useFormErrors';

export const SAVED_NOTICE = 'Modifications enregistrées.';

/** Where the focus goes when the API refuses a change to the viewer (`permissionNotice`). */
export const PERMISSION_NOTICE_ID = 'permission-notice';

/** Fetch policy of an edit page's query: the form edits what the server has now (its version), not an older cached copy. */
export const FRESH_FOR_EDITING = { fetchPolicy: 'network-only', nextFetchPolicy: 'cache-first' } as const;

/** An entity edited under optimistic locking: every mutation names the version it was made from. */
export interface VersionedEntity {
  id: string;
  version: number;
}

type FormValues<V> = { [K in keyof V]: EntityFormValue };

/** What a save sends: the changed fields of `values` against `base`, under `current.version`. */
export interface SaveRequest<E, V> {
  current: E;
  base: V;
  values: V;
  changed: Array<keyof V & string>;
}

export interface VersionedEditOptions<E extends VersionedEntity, V extends FormValues<V>> {
  /** The version loaded by the page. */
  entity: E;
  /** The form's values for a version of the entity. */
  valuesOf: (entity: E) => V;
  /** Client-side checks, before anything is sent. */
  validate: (values: V) => FormFieldErrors<keyof V & string>;
  /**
   * Sends the changes (only called when there are some) and returns the entity as saved. A save made
   * of several mutations calls `progress` with what each one returned, so that a later failure knows
   * which version the server holds now.
   */
  save: (request: SaveRequest<E, V>, progress: (latest: E) => void) => Promise<E>;
  /** Loads the current version from the server, for « Recharger » and « Réappliquer mes modifications ». */
  load: (current: E) => Promise<E | null | undefined>;
  fieldId: (key: keyof V & string) => string;
  fieldLabel: (key: keyof V & string) => string;
  /** The field focused after a reload. */
  firstField: keyof V & string;
  /** API property names (errors) → form keys. */
  apiToForm?: Record<string, string>;
  /** The notice shown first (« Réseau créé. » after a creation). */
  initialNotice?: string | null;
  /**
   * FORBIDDEN and UNAUTHENTICATED answers become `forbidden` (a notice with the id
   * PERMISSION_NOTICE_ID, focused) instead of a message of the error summary.
   */
  permissionNotice?: boolean;
  /** The form's values after a save (default: those of the saved entity). */
  savedValuesOf?: (latest: E, submitted: V) => V;
  /**
   * When a save of several mutations failed after some went through: the new base of the form and
   * the fields still to save (default: the same base, every changed field).
   */
  afterPartialSave?: (latest: E, request: SaveRequest<E, V>) => { base: V; pending: Array<keyof V & string> };
  /** After a save (refresh the history). */
  onSaved?: () => void;
}

/**
 * The edit form of a versioned entity: sends only the changed fields with the loaded version; on
 * CONFLICT (someone saved in between) keeps what the person typed for the conflict panel, which
 * reloads the current version or re-applies the changes on top of it; otherwise puts the API's
 * messages next to their fields. `current` is the version the form edits; `base` its values, against
 * which the changes are computed.
 */
export function useVersionedEdit<E extends VersionedEntity, V extends FormValues<V>>(options: VersionedEditOptions<E, V>) {
  type K = keyof V & string;
  const { valuesOf, fieldId, firstField } = options;
  const [current, setCurrent] = useState(options.entity);
  const [base, setBase] = useState(() => valuesOf(options.entity));
  const [values, setValues] = useState(base);
  const [conflict, setConflict] = useState<VersionConflict<V> | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(options.initialNotice ?? null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const conflictRef = useRef<HTMLElement>(null);
  const form = useFormErrors<K>({ fieldId, fieldLabel: options.fieldLabel });

  const onChange = <F extends keyof V>(key: F, value: V[F]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const failed = (error: unknown, request: SaveRequest<E, V>, latest: E) => {
    let pending = request.changed;
    if (latest !== request.current) {
      // Some mutations went through: the form now edits the version they left.
      setCurrent(latest);
      if (options.afterPartialSave) {
        const after = options.afterPartialSave(latest, request);
        setBase(after.base);
        pending = after.pending;
      }
    }
    const mine = Object.fromEntries(pending.map((k) => [k, request.values[k]])) as Partial<V>;
    const c = versionConflictOf<V>(error, mine, latest.version);
    if (c) {
      setConflict(c);
      focusSoon(() => conflictRef.current);
      return;
    }
    const denied = options.permissionNotice ? (findError(error, 'FORBIDDEN') ?? findError(error, 'UNAUTHENTICATED')) : undefined;
    if (denied) {
      setForbidden(denied.message);
      focusSoon(() => document.getElementById(PERMISSION_NOTICE_ID));
      return;
    }
    form.showServerErrors(error, Object.keys(request.values) as K[], options.apiToForm);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.setFormError(null);
    setNotice(null);
    if (!form.check(options.validate(values))) return;
    const changed = changedKeysOf(base, values);
    if (!changed.length) {
      setNotice('Aucune modification à enregistrer.');
      return;
    }
    const request: SaveRequest<E, V> = { current, base, values, changed };
    let latest = current;
    setSaving(true);
    try {
      latest = await options.save(request, (saved) => {
        latest = saved;
      });
    } catch (err) {
      setSaving(false);
      failed(err, request, latest);
      return;
    }
    setSaving(false);
    const next = options.savedValuesOf ? options.savedValuesOf(latest, values) : valuesOf(latest);
    setCurrent(latest);
    setBase(next);
    setValues(next);
    form.setErrors({});
    setConflict(null);
    setForbidden(null);
    setNotice(SAVED_NOTICE);
    options.onSaved?.();
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const fresh = await options.load(current);
      if (!fresh) throw new Error('Introuvable');
      const freshValues = valuesOf(fresh);
      setCurrent(fresh);
      setBase(freshValues);
      setValues(reapply && conflict ? { ...freshValues, ...conflict.mine } : freshValues);
      form.clear();
      setConflict(null);
      setNotice(
        reapply
          ? `Vos modifications ont été réappliquées sur la version actuelle (version ${fresh.version}). Vérifiez-les puis enregistrez.`
          : `Version actuelle rechargée (version ${fresh.version}).`,
      );
      focusSoon(() => document.getElementById(fieldId(firstField)));
    } catch (err) {
      form.setFormError(`La version actuelle n'a pas pu être chargée. ${errorMessage(err, '')}`.trim());
    } finally {
      setReloading(false);
    }
  };

  /** « Annuler les changements »: back to the values of the version edited. */
  const reset = () => {
    setValues(base);
    form.clear();
    setNotice(null);
  };

  /** Another mutation (archive, restore) returned a new version: the form edits it, keeping what was typed. */
  const rebase = (entity: E) => {
    setCurrent(entity);
    setBase(valuesOf(entity));
  };

  return {
    current,
    setCurrent,
    base,
    values,
    setValues,
    onChange,
    errors: form.errors,
    form,
    conflict,
    conflictRef,
    forbidden,
    notice,
    setNotice,
    saving,
    reloading,
    submit,
    reload,
    reset,
    rebase,
  };
}

export type VersionedEdit<E extends VersionedEntity, V extends FormValues<V>> = ReturnType<typeof useVersionedEdit<E, V>>;
