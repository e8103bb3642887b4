import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { SearchForm } from '../components/SearchForm';
import { StructureResults } from '../components/StructureResults';

export const PAGE_TITLE = "Annuaire de l'ESS en Sambre-Avesnois";

export function DirectoryPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = (searchParams.get('q') ?? '').trim();

  useEffect(() => {
    document.title = search ? `« ${search} » — ${PAGE_TITLE} — Essor` : `${PAGE_TITLE} — Essor`;
  }, [search]);

  function handleSearch(value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) {
      next.set('q', value);
    } else {
      next.delete('q');
    }
    // Nouvelle entrée d'historique : précédent/suivant restaurent la recherche.
    setSearchParams(next);
  }

  return (
    <>
      <h1>{PAGE_TITLE}</h1>
      <p className="lead">
        Associations, coopératives, mutuelles, fondations et entreprises de l'économie sociale et solidaire du territoire.
      </p>
      <SearchForm initialValue={search} onSearch={handleSearch} />
      <StructureResults search={search} />
    </>
  );
}
