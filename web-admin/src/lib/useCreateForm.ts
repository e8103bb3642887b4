import { useState, type FormEvent } from 'react';
import { slugify, type EntityFormValue } from './entityForm';
import { useFormErrors, type FormErrors, type FormFieldErrors } from './useFormErrors';

type FormValues<V> = { [K in keyof V]: EntityFormValue };

/**
 * The form of a creation page: client-side checks first, then `create` (the mutations and the
 * navigation to the new entity's page); a refusal puts the API's messages next to their fields.
 * With `slugFollowsName`, the `slug` field follows the `name` until the person types one.
 */
export function useCreateForm<V extends FormValues<V>>({
  initial,
  validate,
  create,
  fieldId,
  fieldLabel,
  apiToForm,
  slugFollowsName = false,
  showRefusal,
}: {
  initial: V | (() => V);
  validate: (values: V) => FormFieldErrors<keyof V & string>;
  /** Sends the new entity and opens its page; throws when the API refuses it. */
  create: (values: V) => Promise<void>;
  fieldId: (key: keyof V & string) => string;
  fieldLabel: (key: keyof V & string) => string;
  /** API property names (errors) → form keys. */
  apiToForm?: Record<string, string>;
  slugFollowsName?: boolean;
  /** How a refusal is shown (default: the messages next to their fields, the others at the top). */
  showRefusal?: (error: unknown, form: FormErrors<keyof V & string>) => void;
}) {
  type K = keyof V & string;
  const [values, setValues] = useState<V>(initial);
  const [slugTouched, setSlugTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useFormErrors<K>({ fieldId, fieldLabel });

  const onChange = <F extends keyof V>(key: F, value: V[F]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (slugFollowsName && key === 'name' && !slugTouched) (next as Record<string, unknown>).slug = slugify(value as string);
      return next;
    });
    if (slugFollowsName && key === 'slug') setSlugTouched(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.setFormError(null);
    if (!form.check(validate(values))) return;
    setSaving(true);
    try {
      await create(values);
    } catch (err) {
      setSaving(false);
      if (showRefusal) showRefusal(err, form);
      else form.showServerErrors(err, Object.keys(values) as K[], apiToForm);
    }
  };

  return { values, onChange, errors: form.errors, form, saving, submit };
}

export type CreateForm<V extends FormValues<V>> = ReturnType<typeof useCreateForm<V>>;
