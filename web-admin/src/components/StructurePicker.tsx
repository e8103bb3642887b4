import { useState, type ReactNode } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { ADMIN_STRUCTURES_QUERY } from '../pages/StructuresPage';
import { errorMessage } from '@essor/web-ui';

/** Published structures of the directory (for roles that may not list the admin table, e.g. facilitators). */
export const PICKER_DIRECTORY_QUERY = graphql(`
  query PickerDirectoryStructures($text: String, $first: Int) {
    searchStructures(text: $text, first: $first) {
      nodes {
        id
        name
      }
    }
  }
`);

export interface PickedStructure {
  id: string;
  name: string;
}

/** Chooses structures by name (for the scopes of a structure editor, the members of a network). */
export function StructurePicker({
  id,
  selected,
  onChange,
  errors,
  legend = 'Structures confiées',
  hint = "Pour un compte d'éditeur·rice de structure : les structures qu'il ou elle peut modifier.",
  busy = false,
  source = 'admin',
}: {
  id: string;
  selected: readonly PickedStructure[];
  onChange: (next: PickedStructure[]) => void;
  errors?: readonly string[] | undefined;
  legend?: ReactNode;
  hint?: ReactNode;
  /** While a change is being saved: no other change. */
  busy?: boolean;
  /** `directory`: the published structures of the directory (any role) instead of the admin table. */
  source?: 'admin' | 'directory';
}) {
  const [text, setText] = useState('');
  const [searchAdmin, admin] = useLazyQuery(ADMIN_STRUCTURES_QUERY);
  const [searchDirectory, directory] = useLazyQuery(PICKER_DIRECTORY_QUERY);
  const { loading, error, called } = source === 'directory' ? directory : admin;
  const found = source === 'directory' ? directory.data?.searchStructures.nodes : admin.data?.adminStructures.items;
  const results = found?.filter((s) => !selected.some((x) => x.id === s.id)) ?? [];
  const run = () => {
    const words = text.trim() || null;
    const request =
      source === 'directory'
        ? searchDirectory({ variables: { text: words, first: 10 } })
        : searchAdmin({ variables: { text: words, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 10 } });
    void request.catch(() => undefined);
  };
  return (
    <fieldset className="fieldset" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {errors && errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
      {selected.length > 0 ? (
        <ul className="chip-list" aria-label="Structures sélectionnées">
          {selected.map((s) => (
            <li key={s.id} className="chip">
              {s.name}
              <button
                type="button"
                className="chip__remove"
                onClick={() => onChange(selected.filter((x) => x.id !== s.id))}
                disabled={busy}
                aria-label={`Retirer ${s.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucune structure.</p>
      )}
      <div className="inline-search">
        <label className="field__label" htmlFor={`${id}-search`}>
          Chercher une structure
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
        {called && !loading && !error && results.length === 0 && <p className="muted">Aucune structure trouvée.</p>}
        {results.length > 0 && (
          <ul className="picker-results">
            {results.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onChange([...selected, { id: s.id, name: s.name }])}
                  disabled={busy}
                  aria-label={`Ajouter ${s.name}`}
                >
                  Ajouter
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
