import { useId, useState, type FormEvent } from 'react';

interface SearchFormProps {
  initialValue: string;
  onSearch: (value: string) => void;
}

export function SearchForm({ initialValue, onSearch }: SearchFormProps) {
  const [value, setValue] = useState(initialValue);
  const [syncedValue, setSyncedValue] = useState(initialValue);
  const inputId = useId();

  // L'URL fait foi : si elle change (précédent/suivant), le champ suit,
  // sans remonter le composant (le focus clavier est conservé).
  if (initialValue !== syncedValue) {
    setSyncedValue(initialValue);
    setValue(initialValue);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form role="search" className="search-form" onSubmit={handleSubmit} action="" method="get">
      <label htmlFor={inputId} className="search-form__label">
        Rechercher une structure
      </label>
      <div className="search-form__row">
        <input
          id={inputId}
          className="search-form__input"
          type="search"
          name="q"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="Nom, activité, commune…"
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className="button button--primary">
          Rechercher
        </button>
      </div>
    </form>
  );
}
