import { Link } from 'react-router';
import type { SpaceKind, SpaceStatus } from '../gql/graphql';
import { SPACE_STATUS_LABELS } from '../lib/labels';
import { paths } from '../lib/paths';

interface SpaceItem {
  id: string;
  kind: SpaceKind;
  title: string;
  status: SpaceStatus;
  goal?: string | null;
}

export function SpaceList({ spaces, empty }: { spaces: SpaceItem[]; empty: string }) {
  if (spaces.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="space-list">
      {spaces.map((space) => (
        <li key={space.id} className="space-item">
          <Link to={paths.space(space.kind, space.id)} className="space-item__title">
            {space.title}
          </Link>
          <span className={`status status--${space.status.toLowerCase()}`}>{SPACE_STATUS_LABELS[space.status]}</span>
          {space.goal ? <p className="space-item__goal">{space.goal}</p> : null}
        </li>
      ))}
    </ul>
  );
}
