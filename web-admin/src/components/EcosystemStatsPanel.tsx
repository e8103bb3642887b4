import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { EcosystemStatsQuery } from '../gql/graphql';
import { formatNumber } from '@essor/web-ui';

export const ECOSYSTEM_STATS_QUERY = graphql(`
  query EcosystemStats {
    ecosystemStats {
      structures
      sectors
      networks
      persons
      workshops
      chantiers
      studyDays
      mentorOffers
      communes
      epcis
    }
  }
`);

type StatKey = Exclude<keyof EcosystemStatsQuery['ecosystemStats'], '__typename'>;

/** Ordre d'affichage et libellés français des compteurs. */
export const STAT_LABELS: ReadonlyArray<{ key: StatKey; label: string }> = [
  { key: 'structures', label: 'Structures' },
  { key: 'sectors', label: 'Secteurs' },
  { key: 'networks', label: 'Réseaux' },
  { key: 'persons', label: 'Personnes' },
  { key: 'workshops', label: 'Ateliers' },
  { key: 'chantiers', label: 'Chantiers' },
  { key: 'studyDays', label: "Journées d'études" },
  { key: 'mentorOffers', label: 'Offres de tutorat' },
  { key: 'communes', label: 'Communes' },
  { key: 'epcis', label: 'EPCI' },
];

export function EcosystemStatsPanel() {
  const { data, error, loading, refetch } = useQuery(ECOSYSTEM_STATS_QUERY);
  const stats = data?.ecosystemStats;

  return (
    <section className="stats" aria-labelledby="stats-title" aria-busy={loading}>
      <h2 id="stats-title">Chiffres clés</h2>
      {error && !stats ? (
        <div role="alert" className="notice notice--error">
          <p>Les indicateurs n'ont pas pu être chargés. Vérifiez que l'API est disponible puis réessayez.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void refetch().catch(() => undefined);
            }}
          >
            Réessayer
          </button>
        </div>
      ) : !stats ? (
        <p role="status" className="notice">
          Chargement des indicateurs…
        </p>
      ) : (
        <dl className="stats__grid">
          {STAT_LABELS.map(({ key, label }) => (
            <div key={key} className="stat-card">
              <dt className="stat-card__label">{label}</dt>
              <dd className="stat-card__value">{formatNumber(stats[key])}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
