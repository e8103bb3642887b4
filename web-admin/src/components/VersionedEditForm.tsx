import type { ReactNode } from 'react';
import type { EntityFormValue } from '../lib/entityForm';
import type { VersionedEdit, VersionedEntity } from '../lib/useVersionedEdit';
import { FormErrorSummary, RequiredNote, Success } from '@essor/web-ui';
import { VersionConflictPanel } from './VersionConflictPanel';

/**
 * The edit form of a page using `useVersionedEdit`: the conflict panel when someone saved in
 * between, the error summary, the fields (`children`, disabled when `readOnly`), then « Enregistrer »,
 * « Annuler les changements » and the form's notice.
 */
export function VersionedEditForm<E extends VersionedEntity, V extends { [K in keyof V]: EntityFormValue }>({
  edit,
  label,
  className = 'form',
  readOnly,
  conflictSubject,
  labelOf,
  formatOf,
  children,
}: {
  edit: VersionedEdit<E, V>;
  /** The form's accessible name (« Fiche du réseau »). */
  label: string;
  className?: string;
  readOnly: boolean;
  /** « Ce réseau a été modifié », « Cette offre a été modifiée »… */
  conflictSubject: string;
  /** French label of a field named by the API in a conflict. */
  labelOf: (field: string) => string;
  /** A value of a conflict, in French. */
  formatOf?: (field: string, value: unknown) => string;
  children: ReactNode;
}) {
  const { conflict, conflictRef, reloading, reload, form, submit, saving, reset, notice } = edit;
  return (
    <>
      {conflict && (
        <VersionConflictPanel
          ref={conflictRef}
          conflict={conflict}
          subject={conflictSubject}
          labelOf={labelOf}
          formatOf={formatOf}
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <FormErrorSummary anchorRef={form.summaryRef} items={form.summaryItems} title="L'enregistrement a échoué" />

      <form className={className} onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
        {!readOnly && <RequiredNote />}
        <fieldset disabled={readOnly} className="fieldset--plain">
          {children}
        </fieldset>
        {!readOnly && (
          <div className="form-footer">
            <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
              Enregistrer
            </button>
            <button type="button" className="button button--secondary" onClick={reset} disabled={saving}>
              Annuler les changements
            </button>
            {notice && <Success>{notice}</Success>}
          </div>
        )}
      </form>
    </>
  );
}
