import { Link } from 'react-router';
import { graphql } from '../gql';
import type { StructureCardFragment } from '../gql/graphql';
import { essFamilyLabel } from '../lib/essFamily';
import { formatDistance } from '@essor/web-ui';
import { paths } from '../lib/paths';

export const STRUCTURE_CARD_FRAGMENT = graphql(`
  fragment StructureCard on Structure {
    id
    name
    essFamily
    description
    commune {
      id
      code
      name
    }
    sectors {
      id
      slug
      name
    }
  }
`);

interface StructureCardProps {
  structure: StructureCardFragment;
  /** Distance to the centre of a proximity search. */
  distanceKm?: number | null;
  headingLevel?: 2 | 3;
}

export function StructureCard({ structure, distanceKm, headingLevel = 3 }: StructureCardProps) {
  const titleId = `structure-${structure.id}`;
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="structure-card" aria-labelledby={titleId} data-testid="result-card">
      <div className="structure-card__top">
        <span className={`badge badge--family badge--${structure.essFamily.toLowerCase()}`}>
          {essFamilyLabel(structure.essFamily)}
        </span>
        {distanceKm != null ? (
          <span className="structure-card__distance">
            <span className="visually-hidden">Distance : </span>à {formatDistance(distanceKm)}
          </span>
        ) : null}
      </div>
      <Heading id={titleId} className="structure-card__title">
        <Link to={paths.structure(structure.id)} className="structure-card__link" data-focus-target="">
          {structure.name}
        </Link>
      </Heading>
      <dl className="structure-card__meta">
        <div>
          <dt>Commune</dt>
          <dd>{structure.commune?.name ?? 'Non renseignée'}</dd>
        </div>
        <div>
          <dt>Secteurs</dt>
          <dd>
            {structure.sectors.length > 0 ? (
              <ul className="tags">
                {structure.sectors.map((sector) => (
                  <li key={sector.id} className="tag">
                    {sector.name}
                  </li>
                ))}
              </ul>
            ) : (
              'Non renseignés'
            )}
          </dd>
        </div>
      </dl>
      {structure.description ? <p className="structure-card__description">{structure.description}</p> : null}
    </article>
  );
}
