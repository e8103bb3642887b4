import { useState } from 'react';
import { useLazyQuery } from '@apollo/client/react';
import { ADMIN_STRUCTURES_QUERY } from '../pages/StructuresPage';
import { errorMessage } from '../lib/errors';

export interface PickedStructure {
  id: string;
  name: string;
}

/** Chooses structures by name (for the scopes of a structure editor). */
export function StructurePicker({
  id,
  selected,
  onChange,
  errors,
}: {
  id: string;
  selected: readonly PickedStructure[];
  onChange: (next: PickedStructure[]) => void;
  errors?: readonly string[] | undefined;
}) {
  const [text, setText] = useState('');
  const [search, { data, loading, error, called }] = useLazyQuery(ADMIN_STRUCTURES_QUERY);
  const results = data?.adminStructures.items.filter((s) => !selected.some((x) => x.id === s.id)) ?? [];
  const run = () => {
    void search({
      variables: { text: text.trim() || null, status: null, sort: 'NAME', descending: false, page: 0, pageSize: 10 },
    }).catch(() => undefined);
  };
  return (
    <fieldset className="fieldset" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>Structures confiées</legend>
      <p className="field__hint">Pour un compte d'éditeur·rice de structure : les structures qu'il ou elle peut modifier.</p>
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
