import { useId, useState, type FormEvent } from 'react';

interface SearchBoxProps {
  /** Valeur de l'URL (`q`) : le champ la suit lors de précédent/suivant. */
  value: string;
  onSearch: (value: string) => void;
  /** Variante de la page d'accueil (grand champ). */
  large?: boolean;
}

export const SEARCH_LABEL = 'Rechercher une structure, un service, une activité';

export function SearchBox({ value: urlValue, onSearch, large = false }: SearchBoxProps) {
  const [value, setValue] = useState(urlValue);
  const [syncedValue, setSyncedValue] = useState(urlValue);
  const inputId = useId();
  const hintId = useId();

  // L'URL fait foi : si elle change (précédent/suivant), le champ suit,
  // sans remonter le composant (le focus clavier est conservé).
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
