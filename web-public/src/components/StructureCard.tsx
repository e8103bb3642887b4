import { graphql } from '../gql';
import type { StructureCardFragment } from '../gql/graphql';
import { essFamilyLabel } from '../essFamily';

export const STRUCTURE_CARD_FRAGMENT = graphql(`
  fragment StructureCard on Structure {
    id
    name
    essFamily
    description
    commune {
      id
      name
    }
    sectors {
      id
      name
    }
  }
`);

interface StructureCardProps {
  structure: StructureCardFragment;
}

export function StructureCard({ structure }: StructureCardProps) {
  const titleId = `structure-${structure.id}`;
  return (
    <article className="structure-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="structure-card__title" tabIndex={-1} data-focus-target="">
        {structure.name}
      </h3>
      <dl className="structure-card__meta">
        <div>
          <dt>Famille</dt>
          <dd>
            <span className="badge">{essFamilyLabel(structure.essFamily)}</span>
          </dd>
        </div>
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
