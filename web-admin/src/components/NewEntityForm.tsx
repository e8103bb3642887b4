import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { FormErrors } from '../lib/useFormErrors';
import type { ListLink } from './Breadcrumb';
import { FormErrorSummary, RequiredNote } from '@essor/web-ui';

/**
 * The form of a creation page using `useCreateForm`: the error summary, the fields (`children`),
 * then the submit button and « Annuler » back to the list.
 */
export function NewEntityForm({
  form,
  label,
  className = 'form',
  submitLabel,
  list,
  children,
}: {
  /** What `useCreateForm` returns. */
  form: {
    form: Pick<FormErrors<string>, 'summaryRef' | 'summaryItems'>;
    submit: (e: FormEvent) => Promise<void>;
    saving: boolean;
  };
  /** The form's accessible name (« Nouveau réseau »). */
  label: string;
  className?: string;
  /** « Créer le réseau ». */
  submitLabel: string;
  list: ListLink;
  children: ReactNode;
}) {
  const { form: errors, submit, saving } = form;
  return (
    <>
      <FormErrorSummary anchorRef={errors.summaryRef} items={errors.summaryItems} title="La création a échoué" />
      <form className={className} onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
        <RequiredNote />
        {children}
        <div className="form-footer">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
            {submitLabel}
          </button>
          <Link to={list.to}>Annuler</Link>
        </div>
      </form>
    </>
  );
}
