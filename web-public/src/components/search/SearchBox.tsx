import { useId, useState, type FormEvent } from 'react';

interface SearchBoxProps {
  /** Value from the URL (`q`): the field follows it on back/forward. */
  value: string;
  onSearch: (value: string) => void;
  /** Home page variant (large field). */
  large?: boolean;
}

export const SEARCH_LABEL = 'Rechercher une structure, un service, une activité';

export function SearchBox({ value: urlValue, onSearch, large = false }: SearchBoxProps) {
  const [value, setValue] = useState(urlValue);
  const [syncedValue, setSyncedValue] = useState(urlValue);
  const inputId = useId();
  const hintId = useId();

  // The URL is the source of truth: when it changes (back/forward), the field follows,
  // without remounting the component (the keyboard focus is kept).
  if (urlValue !== syncedValue) {
    setSyncedValue(urlValue);
    setValue(urlValue);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form
      role="search"
      className={large ? 'search-box search-box--large' : 'search-box'}
      onSubmit={handleSubmit}
      action="/recherche"
      method="get"
    >
      <label htmlFor={inputId} className="search-box__label">
        {SEARCH_LABEL}
      </label>
      <p id={hintId} className="search-box__hint">
        Exemples : ressourcerie, aide à domicile, jardin partagé, Maubeuge
      </p>
      <div className="search-box__row">
        <input
          id={inputId}
          className="search-box__input"
          type="search"
          name="q"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          enterKeyHint="search"
          spellCheck={false}
        />
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </div>
    </form>
  );
}
