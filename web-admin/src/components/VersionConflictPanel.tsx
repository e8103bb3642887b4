import type { Ref } from 'react';
import { formatShortDateTime, formatValue } from '@essor/web-ui';
import type { VersionConflict } from '../lib/entityForm';

/**
 * Optimistic locking: someone saved in between. Shows, per field, the current value against the
 * person's, and offers to reload the current version or to re-apply the changes on top of it.
 */
export function VersionConflictPanel<V>({
  conflict,
  subject,
  labelOf,
  formatOf = (_field, value) => formatValue(value),
  onReload,
  onReapply,
  busy,
  ref,
}: {
  conflict: VersionConflict<V>;
  /** « Ce secteur a été modifié », « Cette offre a été modifiée »… */
  subject: string;
  labelOf: (field: string) => string;
  formatOf?: (field: string, value: unknown) => string;
  onReload: () => void;
  onReapply: () => void;
  busy: boolean;
  ref?: Ref<HTMLElement>;
}) {
  return (
    <section className="conflict" aria-labelledby="conflict-title" ref={ref} tabIndex={-1}>
      <h2 id="conflict-title">Conflit de modification</h2>
      <p role="alert">
        {conflict.lastChangedBy
          ? `${subject} par ${conflict.lastChangedBy}${conflict.lastChangedAt ? ` le ${formatShortDateTime(conflict.lastChangedAt)}` : ''}`
          : `${subject} entre-temps`}{' '}
        (version {conflict.currentVersion ?? '?'}, vous étiez sur la version {conflict.submittedVersion}). Rien n'a été
        enregistré.
      </p>
      {conflict.changes.length > 0 ? (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption>Champs qui diffèrent de la version actuelle</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Valeur actuelle</th>
                <th scope="col">Votre saisie</th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{labelOf(c.field)}</th>
                  <td>{formatOf(c.field, c.current)}</td>
                  <td>{formatOf(c.field, c.submitted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Les champs que vous avez modifiés n'ont pas changé entre-temps : vous pouvez réappliquer vos modifications.</p>
      )}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onReload} disabled={busy}>
          Recharger la version actuelle
        </button>
        <button type="button" className="button button--primary" onClick={onReapply} disabled={busy}>
          Réappliquer mes modifications
        </button>
      </div>
    </section>
  );
}
