import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { SpaceKind, SpaceRowFieldsFragment, SpaceStatus } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { canSee } from '../../auth/permissions';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading, formatShortDateTime, formatNumber, plural, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlParams } from '../../lib/useUrlParams';
import {
  KIND_LABELS,
  KIND_PLURAL_LABELS,
  KIND_URL,
  SPACE_KINDS,
  SPACE_STATUSES,
  SPACE_STATUS_BADGE,
  SPACE_STATUS_LABELS,
  kindFromUrl,
} from './model';
import { ADMIN_SPACES_QUERY, SPACE_REFERENCES_QUERY } from './operations';

type Row = SpaceRowFieldsFragment;

const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/** Filters kept in the URL: ?type=ateliers|chantiers|journees&secteur=&etat=&taille=. */
export function readSpaceParams(params: URLSearchParams) {
  const kind: SpaceKind = kindFromUrl(params.get('type')) ?? 'WORKSHOP';
  const sector = params.get('secteur')?.trim() || null;
  const statusParam = params.get('etat');
  const status = SPACE_STATUSES.includes(statusParam as SpaceStatus) ? (statusParam as SpaceStatus) : null;
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  return { kind, sector, status, pageSize };
}

/** The next session to come, else the last one. */
function nextSession(sessions: Row['sessions']): string | null {
  const now = Date.now();
  const dates = sessions.map((s) => s.startsAt).sort();
  return dates.find((d) => new Date(d).getTime() >= now) ?? dates[dates.length - 1] ?? null;
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('title', {
    header: 'Titre',
    cell: (info) => <Link to={`/espaces/${encodeURIComponent(info.row.original.id)}`}>{info.getValue()}</Link>,
  }),
  column.accessor((row) => row.sector.name, { id: 'sector', header: 'Secteur' }),
  column.accessor('status', {
    header: 'État',
    cell: (info) => (
      <span className={`badge ${SPACE_STATUS_BADGE[info.getValue()]}`}>{SPACE_STATUS_LABELS[info.getValue()]}</span>
    ),
  }),
  column.accessor((row) => nextSession(row.sessions), {
    id: 'sessions',
    header: 'Séances',
    cell: (info) => {
      const count = info.row.original.sessions.length;
      const date = info.getValue();
      return count === 0 ? (
        <span className="muted">Aucune</span>
      ) : (
        <>
          {formatNumber(count)}
          {date && <span className="muted"> (prochaine ou dernière : {formatShortDateTime(date)})</span>}
        </>
      );
    },
  }),
  column.accessor((row) => row.participants.length, {
    id: 'participants',
    header: 'Participants',
    cell: (info) => formatNumber(info.getValue()),
  }),
  column.accessor('viewerCanEdit', {
    header: 'Vos droits',
    cell: (info) => (info.getValue() ? 'Modification' : 'Lecture seule'),
  }),
];

export function SpacesPage() {
  usePageTitle("Ateliers, chantiers et journées d'études");
  const { viewer } = useViewer();
  const [params, update] = useUrlParams();
  const state = readSpaceParams(params);
  const refs = useQuery(SPACE_REFERENCES_QUERY);
  // Cursor pagination: the cursors of the pages seen, for « page précédente » (reset by any filter).
  const filtersKey = `${state.kind}|${state.sector ?? ''}|${state.status ?? ''}|${state.pageSize}`;
  const [cursorState, setCursorState] = useState<{ key: string; cursors: Array<string | null> }>({
    key: filtersKey,
    cursors: [null],
  });
  const cursors = cursorState.key === filtersKey ? cursorState.cursors : [null];
  const pageIndex = cursors.length - 1;

  const { data, previousData, loading, error, refetch } = useQuery(ADMIN_SPACES_QUERY, {
    variables: {
      workshops: state.kind === 'WORKSHOP',
      chantiers: state.kind === 'CHANTIER',
      studyDays: state.kind === 'STUDY_DAY',
      sector: state.sector ? [state.sector] : null,
      status: state.status ? [state.status] : null,
      first: state.pageSize,
      after: cursors[pageIndex] ?? null,
    },
  });
  const pick = (d: typeof data) =>
    state.kind === 'WORKSHOP' ? d?.workshops : state.kind === 'CHANTIER' ? d?.chantiers : d?.studyDays;
  const page = pick(data) ?? pick(previousData);
  const totalCount = page?.totalCount ?? 0;
  const pageCount = Math.max(1, Math.ceil(totalCount / state.pageSize));

  const goTo = (index: number) => {
    if (index > pageIndex && page?.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      setCursorState({ key: filtersKey, cursors: [...cursors, page.pageInfo.endCursor] });
    } else if (index < pageIndex) {
      setCursorState({ key: filtersKey, cursors: cursors.slice(0, Math.max(index, 0) + 1) });
    }
  };

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table renders the rows of the page; nothing is memoized from it.
  const table = useReactTable({
    data: page?.nodes ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    rowCount: totalCount,
  });

  const sectors = refs.data?.sectors ?? [];
  const mySectors = refs.data?.viewer?.sectors ?? [];
  const canCreate = canSee(viewer?.roles, 'newSpace');
  const kindLabel = KIND_PLURAL_LABELS[state.kind];
  const sectorName = sectors.find((s) => s.slug === state.sector)?.name ?? state.sector;

  return (
    <>
      <div className="page-header">
        <h1>Ateliers, chantiers et journées d'études</h1>
        {canCreate && (
          <Link className="button button--primary" to={`/espaces/nouveau?type=${KIND_URL[state.kind]}`}>
            Nouvel espace
          </Link>
        )}
      </div>
      {mySectors.length > 0 && (
        <p className="lead">
          Vous animez : {mySectors.map((s) => s.name).join(', ')}. Vous pouvez modifier les espaces de ces secteurs.
        </p>
      )}
      <SpaceFilters
        key={params.toString()}
        kind={state.kind}
        sector={state.sector ?? ''}
        status={state.status ?? ''}
        sectors={sectors}
        mySectors={mySectors}
        onApply={(kind, sector, status) => update({ type: KIND_URL[kind], secteur: sector || null, etat: status || null })}
      />
      {error && !page ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La liste n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !page ? (
        <Loading>Chargement des espaces…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {kindLabel} : {plural(totalCount, 'espace', 'espaces')}
            {sectorName && ` dans le secteur « ${sectorName} »`}
            {loading && ' — mise à jour…'}
          </p>
          {error && <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>{errorMessage(error)}</ErrorNotice>}
          {page.nodes.length === 0 ? (
            <EmptyState>
              {state.sector || state.status
                ? 'Aucun espace ne correspond à ces critères.'
                : `Aucun espace de type « ${KIND_LABELS[state.kind]} » pour le moment.`}
            </EmptyState>
          ) : (
            <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="spaces-caption">
              <table className="data-table" aria-busy={loading || undefined}>
                <caption id="spaces-caption" className="visually-hidden">
                  {kindLabel}
                  {sectorName ? ` du secteur « ${sectorName} »` : ''}
                </caption>
                <thead>
                  {table.getHeaderGroups().map((group) => (
                    <tr key={group.id}>
                      {group.headers.map((header) => (
                        <th key={header.id} scope="col">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                        </th>
                      ))}
                    </tr>
                  ))}
                </thead>
                <tbody>
                  {table.getRowModel().rows.map((row) => (
                    <tr key={row.id}>
                      {row.getVisibleCells().map((cell) =>
                        cell.column.id === 'title' ? (
                          <th key={cell.id} scope="row">
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </th>
                        ) : (
                          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            idPrefix="spaces"
            label="Pagination des espaces"
            pageIndex={pageIndex}
            pageCount={page.pageInfo.hasNextPage ? Math.max(pageCount, pageIndex + 2) : pageIndex + 1}
            pageSize={state.pageSize}
            pageSizes={PAGE_SIZES}
            onPageChange={goTo}
            onPageSizeChange={(s) => update({ taille: s !== DEFAULT_PAGE_SIZE ? String(s) : null })}
          />
        </>
      )}
    </>
  );
}

/** Applied on submit: one request per search. */
function SpaceFilters({
  kind: initialKind,
  sector: initialSector,
  status: initialStatus,
  sectors,
  mySectors,
  onApply,
}: {
  kind: SpaceKind;
  sector: string;
  status: string;
  sectors: ReadonlyArray<{ slug: string; name: string }>;
  mySectors: ReadonlyArray<{ slug: string; name: string }>;
  onApply: (kind: SpaceKind, sector: string, status: string) => void;
}) {
  const [kind, setKind] = useState<SpaceKind>(initialKind);
  const [sector, setSector] = useState(initialSector);
  const [status, setStatus] = useState(initialStatus);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(kind, sector, status);
  };
  const others = sectors.filter((s) => !mySectors.some((m) => m.slug === s.slug));
  return (
    <form className="filters" role="search" aria-label="Filtrer les espaces" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="filter-kind">
          Type d'espace
        </label>
        <select id="filter-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as SpaceKind)}>
          {SPACE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_PLURAL_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-sector">
          Secteur
        </label>
        <select id="filter-sector" className="input" value={sector} onChange={(e) => setSector(e.target.value)}>
          <option value="">Tous les secteurs</option>
          {mySectors.length > 0 ? (
            <>
              <optgroup label="Mes secteurs">
                {mySectors.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Autres secteurs">
                {others.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            </>
          ) : (
            sectors.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))
          )}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="filter-status">
          État
        </label>
        <select id="filter-status" className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Tous les états</option>
          {SPACE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {SPACE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Filtrer
        </button>
        {(initialSector || initialStatus) && (
          <button type="button" className="button button--secondary" onClick={() => onApply(initialKind, '', '')}>
            Effacer les filtres
          </button>
        )}
      </div>
    </form>
  );
}
