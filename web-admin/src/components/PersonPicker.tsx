import { useState, type ReactNode } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { FieldMessages, errorMessage, fieldDescribedBy } from '@essor/web-ui';

export const PERSON_PICKER_QUERY = graphql(`
  query PersonPickerSearch($text: String, $page: Int, $pageSize: Int) {
    adminPersons(text: $text, page: $page, pageSize: $pageSize) {
      totalCount
      items {
        id
        displayName
        jobTitle
        structure {
          id
          name
        }
      }
    }
  }
`);

export interface PickedPerson {
  id: string;
  displayName: string;
}

/**
 * Chooses persons by name (facilitators of a sector, the mentor of an offer). With `single`,
 * adding a person replaces the one chosen before.
 */
export function PersonPicker({
  id,
  legend,
  hint,
  selected,
  onChange,
  errors,
  single = false,
  required = false,
  disabled = false,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  selected: readonly PickedPerson[];
  onChange: (next: PickedPerson[]) => void;
  errors?: readonly string[] | undefined;
  single?: boolean;
  required?: boolean;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const [search, { data, loading, error, called }] = useLazyQuery(PERSON_PICKER_QUERY);
  const results = data?.adminPersons.items.filter((p) => !selected.some((x) => x.id === p.id)) ?? [];
  const run = () => {
    void search({ variables: { text: text.trim() || null, page: 0, pageSize: 10 } }).catch(() => undefined);
  };
  return (
    <fieldset className="fieldset" id={id} tabIndex={-1} aria-describedby={fieldDescribedBy(id, hint, errors)}>
      <legend>
        {legend}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <FieldMessages id={id} hint={hint} errors={errors} />
      {selected.length > 0 ? (
        <ul className="chip-list" aria-label={single ? 'Personne choisie' : 'Personnes choisies'}>
          {selected.map((p) => (
            <li key={p.id} className="chip">
              {p.displayName}
              {!disabled && (
                <button
                  type="button"
                  className="chip__remove"
                  onClick={() => onChange(selected.filter((x) => x.id !== p.id))}
                  aria-label={`Retirer ${p.displayName}`}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucune personne.</p>
      )}
      {!disabled && (
        <>
          <div className="inline-search">
            <label className="field__label" htmlFor={`${id}-search`}>
              Chercher une personne
            </label>
            <div className="inline-search__row">
              <input
                id={`${id}-search`}
                className="input"
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    run();
                  }
                }}
              />
              <button type="button" className="button button--secondary" onClick={run} disabled={loading}>
                Rechercher
              </button>
            </div>
          </div>
          <div aria-live="polite">
            {error && <p className="field__error">{errorMessage(error)}</p>}
            {called && !loading && !error && results.length === 0 && <p className="muted">Aucune personne trouvée.</p>}
            {results.length > 0 && (
              <ul className="picker-results">
                {results.map((p) => (
                  <li key={p.id}>
                    <span>
                      {p.displayName}
                      {(p.jobTitle || p.structure) && (
                        <span className="muted"> — {[p.jobTitle, p.structure?.name].filter(Boolean).join(', ')}</span>
                      )}
                    </span>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        const picked = { id: p.id, displayName: p.displayName };
                        onChange(single ? [picked] : [...selected, picked]);
                      }}
                      aria-label={`${single ? 'Choisir' : 'Ajouter'} ${p.displayName}`}
                    >
                      {single ? 'Choisir' : 'Ajouter'}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
