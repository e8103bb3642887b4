import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { AdminMentorOffersQuery, MentorOfferStatus, MentorTheme } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { FilterSelect } from '../../components/filters';
import { Pagination } from '../../components/Pagination';
import { SortableTable } from '../../components/SortableTable';
import { EmptyState, ErrorNotice, Loading, plural, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlParams } from '../../lib/useUrlParams';
import {
  MENTOR_OFFER_STATUSES,
  MENTOR_OFFER_STATUS_BADGES,
  MENTOR_OFFER_STATUS_LABELS,
  MENTOR_THEMES,
  MENTOR_THEME_LABELS,
  themeList,
} from './model';
import { ADMIN_MENTOR_OFFERS_QUERY } from './operations';

type Row = AdminMentorOffersQuery['mentorOffers']['nodes'][number];

const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_MENTOR_PAGE_SIZE = 20;

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('title', {
    header: 'Offre',
    cell: (info) => <Link to={`/tutorat/${encodeURIComponent(info.row.original.id)}`}>{info.getValue()}</Link>,
  }),
  column.accessor((row) => row.mentor.displayName, { id: 'mentor', header: 'Tuteur ou tutrice' }),
  column.accessor((row) => themeList(row.themes), { id: 'themes', header: 'Thèmes' }),
  column.accessor((row) => row.availability ?? '', {
    id: 'availability',
    header: 'Disponibilité',
    cell: (info) => info.getValue() || <span className="muted">Non précisée</span>,
  }),
  column.accessor('status', {
    header: 'Statut',
    cell: (info) => (
      <span className={`badge ${MENTOR_OFFER_STATUS_BADGES[info.getValue()]}`}>
        {MENTOR_OFFER_STATUS_LABELS[info.getValue()]}
      </span>
    ),
  }),
];

/** Filters kept in the URL: ?statut=&theme=&taille= (the API pages with cursors, forward only). */
export function readMentorOfferParams(params: URLSearchParams) {
  const status = MENTOR_OFFER_STATUSES.find((s) => s === params.get('statut')) ?? null;
  const theme = MENTOR_THEMES.find((t) => t === params.get('theme')) ?? null;
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_MENTOR_PAGE_SIZE;
  return { status, theme, pageSize };
}

export function MentorOffersPage() {
  usePageTitle('Offres de tutorat');
  const { viewer } = useViewer();
  const [params, update] = useUrlParams();
  const state = readMentorOfferParams(params);

  return (
    <>
      <div className="page-header">
        <h1>Offres de tutorat</h1>
        {isAdmin(viewer?.roles) && (
          <Link className="button button--primary" to="/tutorat/nouvelle">
            Nouvelle offre
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label="Filtrer les offres de tutorat" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="mentor-filter-status"
          label="Statut"
          value={state.status ?? ''}
          onChange={(statut) => update({ statut })}
          options={[['', 'Tous les statuts'], ...MENTOR_OFFER_STATUSES.map((s) => [s, MENTOR_OFFER_STATUS_LABELS[s]] as const)]}
        />
        <FilterSelect
          id="mentor-filter-theme"
          label="Thème"
          value={state.theme ?? ''}
          onChange={(theme) => update({ theme })}
          options={[['', 'Tous les thèmes'], ...MENTOR_THEMES.map((t) => [t, MENTOR_THEME_LABELS[t]] as const)]}
        />
      </form>
      {/* New filters or page size: back to the first page (cursors belong to one query). */}
      <MentorOfferTable
        key={`${state.status}|${state.theme}|${state.pageSize}`}
        status={state.status}
        theme={state.theme}
        pageSize={state.pageSize}
        onPageSizeChange={(size) => update({ taille: size === DEFAULT_MENTOR_PAGE_SIZE ? null : String(size) })}
      />
    </>
  );
}

function MentorOfferTable({
  status,
  theme,
  pageSize,
  onPageSizeChange,
}: {
  status: MentorOfferStatus | null;
  theme: MentorTheme | null;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
}) {
  // The cursor each page starts after (page 1: none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  const variables = {
    first: pageSize,
    after: cursors[pageIndex] ?? null,
    status: status ? [status] : null,
    theme: theme ? [theme] : null,
  };
  const { data, previousData, loading, error, refetch } = useQuery(ADMIN_MENTOR_OFFERS_QUERY, {
    variables,
    // Fresh on arrival (offers edited meanwhile), then pages already seen come from the cache.
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const page = (data ?? previousData)?.mentorOffers;
  const totalCount = page?.totalCount ?? 0;
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));

  const goTo = (index: number) => {
    if (index > pageIndex) {
      const end = data?.mentorOffers.pageInfo.endCursor;
      if (!end || !data?.mentorOffers.pageInfo.hasNextPage) return;
      setCursors((c) => [...c.slice(0, index), end]);
    }
    setPageIndex(Math.max(0, index));
  };

  if (error && !page) {
    return (
      <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
        {`Les offres de tutorat n'ont pas pu être chargées. ${errorMessage(error, '')}`.trim()}
      </ErrorNotice>
    );
  }
  if (!page) return <Loading>Chargement des offres…</Loading>;
  return (
    <>
      <p className="result-count" role="status">
        {plural(totalCount, 'offre', 'offres')}
        {loading && ' — mise à jour…'}
      </p>
      {error && <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>{errorMessage(error)}</ErrorNotice>}
      {page.nodes.length === 0 ? (
        <EmptyState>
          {status || theme ? 'Aucune offre ne correspond à ces critères.' : 'Aucune offre de tutorat pour le moment.'}
        </EmptyState>
      ) : (
        <SortableTable
          id="mentor-offers"
          caption="Offres de tutorat, des plus anciennes aux plus récentes"
          data={page.nodes}
          columns={columns}
          getRowId={(row) => row.id}
          busy={loading}
        />
      )}
      <Pagination
        idPrefix="mentor-offers"
        label="Pagination des offres de tutorat"
        pageIndex={pageIndex}
        pageCount={pageCount}
        pageSize={pageSize}
        pageSizes={PAGE_SIZES}
        onPageChange={goTo}
        onPageSizeChange={onPageSizeChange}
      />
    </>
  );
}
