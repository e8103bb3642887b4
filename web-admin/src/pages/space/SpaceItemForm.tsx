import { useState, type FormEvent, type ReactNode } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { SpaceItem } from '../../gql/graphql';
import { ErrorNotice, Success, errorMessage, fieldErrorsOf, type FieldErrors } from '@essor/web-ui';
import { focusSoon } from '../../lib/entityForm';
import type { Space } from './model';

/** Messages of the fields of a small form; the others (and errors without a field) in one sentence. */
export function splitErrors<K extends string>(error: unknown, keys: readonly K[], rename: Record<string, K> = {}) {
  const fields: FieldErrors = fieldErrorsOf(error, rename);
  const own: Partial<Record<K, string[]>> = {};
  const others: string[] = [];
  for (const [k, m] of Object.entries(fields)) {
    if ((keys as readonly string[]).includes(k)) own[k as K] = m;
    else others.push(m.join(' '));
  }
  const general = others.length ? others.join(' ') : Object.keys(own).length ? null : errorMessage(error);
  return { own, general };
}

/** A text typed in, trimmed; null when blank. */
export const trimmedOrNull = (value: string) => value.trim() || null;

/** The card form that adds an item to a space (`<item>-form-title` names it), with its submit button and messages. */
export function SpaceItemForm({
  item,
  title,
  submitLabel,
  busy,
  done,
  general,
  onSubmit,
  children,
}: {
  item: SpaceItem;
  title: string;
  submitLabel: string;
  busy: boolean;
  /** The success message, or null. */
  done: string | null;
  /** The message of an error no field carries, or null. */
  general: string | null;
  onSubmit: (e: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form className="form card" aria-labelledby={`${item}-form-title`} noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3 id={`${item}-form-title`} className="card__title">
        {title}
      </h3>
      {children}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
          {submitLabel}
        </button>
        {done && <Success>{done}</Success>}
      </div>
      {general && <ErrorNotice>{general}</ErrorNotice>}
    </form>
  );
}

/** The client-side check of an item form: the messages per field, or the input to send. */
export type ItemCheck<K extends string, I> = { errors: Partial<Record<K, string[]>> } | { input: I };

/** What tells one item form from another (besides its fields). */
export interface ItemFormSpec<K extends string, I> {
  item: SpaceItem;
  /** The mutation that adds the item, with the variables `(spaceId, input)`. */
  mutation: TypedDocumentNode<unknown, { spaceId: string; input: I }>;
  /** The initial values, one per field. */
  empty: Record<K, string>;
  check: (values: Record<K, string>) => ItemCheck<K, I>;
  /** API property names → field keys. */
  rename?: Record<string, K>;
  /** The message once the item is added. */
  done: string;
}

/**
 * The state of a form of plain fields that adds one item with one mutation `(spaceId, input)`: the values,
 * the messages under the fields (client-side, then the API's), the focus on the first field in error.
 */
export function useItemForm<K extends string, I>({
  space,
  onChanged,
  item,
  mutation,
  empty,
  check,
  rename,
  done: doneMessage,
}: ItemFormSpec<K, I> & { space: Space; onChanged: () => void }) {
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<K, string[]>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [add, { loading }] = useMutation(mutation);
  const id = (k: K) => `${item}-${k}`;
  const focusFirst = (errs: Partial<Record<K, string[]>>) => {
    const first = Object.keys(errs)[0] as K | undefined;
    if (first) focusSoon(() => document.getElementById(id(first)));
  };
  const field = (k: K, label: string) => ({
    id: id(k),
    label,
    value: values[k],
    errors: errors[k],
    onChange: (v: string) => {
      setValues((old) => ({ ...old, [k]: v }));
      setDone(false);
    },
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    setDone(false);
    const checked = check(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    try {
      await add({ variables: { spaceId: space.id, input: checked.input } });
    } catch (err) {
      const { own, general: g } = splitErrors(err, Object.keys(empty) as K[], rename);
      setErrors(own);
      setGeneral(g);
      focusFirst(own);
      return;
    }
    setValues(empty);
    setErrors({});
    setDone(true);
    onChanged();
  };
  return { field, shell: { item, busy: loading, done: done ? doneMessage : null, general, onSubmit } };
}
