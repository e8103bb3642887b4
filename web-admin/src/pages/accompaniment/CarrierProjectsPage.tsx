import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { CarrierProjectStage, CarrierProjectsQuery } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ARCHIVE_STATUS_FILTERS, ArchiveStatusField, type ArchiveStatusFilter } from '../../components/ArchivableList';
import { FilterSearch, FilterSelect } from '../../components/filters';
import { Pagination } from '../../components/Pagination';
import { SortableTable } from '../../components/SortableTable';
import { EmptyState, ErrorNotice, Loading, Success, formatNumber, plural, errorMessage } from '@essor/web-ui';
import { useLocationNotice } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useUrlParams } from '../../lib/useUrlParams';
import { STAGES, STAGE_BADGES, STAGE_LABELS, formatDay } from './model';
import { CARRIER_PROJECTS_QUERY, CARRIER_PROJECT_REFERENCES_QUERY } from './operations';

type Row = CarrierProjectsQuery['carrierProjects']['items'][number];
type StageCount = CarrierProjectsQuery['carrierProjectPipeline'][number];

const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
/** ?statut= → the API's `archived` (null: both). */
const ARCHIVED_OF: Record<ArchiveStatusFilter, boolean | null> = { '': false, archives: true, tous: null };

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('title', {
    header: 'Projet',
    cell: (info) => (
      <>
        <Link to={`/accompagnement/${encodeURIComponent(info.row.original.id)}`}>{info.getValue()}</Link>
        {info.row.original.archived && (
          <>
            {' '}
            <span className="badge badge--archived">Archivé</span>
          </>
        )}
      </>
    ),
  }),
  column.accessor((row) => row.person.displayName, { id: 'person', header: 'Porteur ou porteuse' }),
  column.accessor((row) => row.commune?.name ?? '', {
    id: 'commune',
    header: 'Commune',
    cell: (info) => info.getValue() || <span className="muted">Non précisée</span>,
  }),
  column.accessor((row) => row.sector?.name ?? '', {
    id: 'sector',
    header: 'Secteur',
    cell: (info) => info.getValue() || <span className="muted">Aucun</span>,
  }),
  column.accessor('stage', {
    header: 'Étape',
    cell: (info) => <span className={`badge ${STAGE_BADGES[info.getValue()]}`}>{STAGE_LABELS[info.getValue()]}</span>,
  }),
  column.accessor('stageChangedOn', { header: 'Depuis le', cell: (info) => formatDay(info.getValue()) }),
];

/** Filters kept in the URL: ?q=&etape=&secteur=&epci=&commune=&statut=&page=&taille=. */
export function readCarrierProjectParams(params: URLSearchParams) {
  const stage = STAGES.find((s) => s === params.get('etape')) ?? null;
  const statusParam = params.get('statut') ?? '';
  const status = (statusParam in ARCHIVE_STATUS_FILTERS ? statusParam : '') as ArchiveStatusFilter;
  const sizeParam = Number.parseInt(params.get('taille') ?? '', 10);
  return {
    text: params.get('q')?.trim() || null,
    stage,
    sector: params.get('secteur')?.trim() || null,
    epci: params.get('epci')?.trim() || null,
    commune: params.get('commune')?.trim() || null,
    status,
    pageIndex: Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1),
    pageSize: PAGE_SIZES.includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The carriers' projects followed by the mission: the pipeline (how many at each stage, a click filters),
 * filters, and the table by offset pages. The steering committee reads; only the mission creates.
 */
export function CarrierProjectsPage() {
  usePageTitle('Accompagnement des porteurs de projet');
  const { viewer } = useViewer();
  const [params, update] = useUrlParams();
  const state = readCarrierProjectParams(params);
  const arrivedWith = useLocationNotice();
  const { data: refs } = useQuery(CARRIER_PROJECT_REFERENCES_QUERY);
  const { data, previousData, loading, error, refetch } = useQuery(CARRIER_PROJECTS_QUERY, {
    variables: {
      text: state.text,
      stage: state.stage ? [state.stage] : null,
      commune: state.commune ? [state.commune] : null,
      epci: state.epci ? [state.epci] : null,
      sector: state.sector ? [state.sector] : null,
      archived: ARCHIVED_OF[state.status],
      page: state.pageIndex,
      pageSize: state.pageSize,
    },
    // Fresh on arrival (projects moved meanwhile), then pages already seen come from the cache.
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const shown = data ?? previousData;
  const page = shown?.carrierProjects;
  const filtered = !!(state.text || state.stage || state.sector || state.epci || state.commune || state.status);
  // Any new filter starts again from the first page.
  const filter = (changes: Record<string, string | null>) => update({ ...changes, page: null });

  return (
    <>
      <div className="page-header">
        <h1>Accompagnement des porteurs de projet</h1>
        {isAdmin(viewer?.roles) && (
          <Link className="button button--primary" to="/accompagnement/nouveau">
            Nouveau projet
          </Link>
        )}
      </div>
      <p className="lead">
        Les projets accueillis par la mission, de l'accueil au lancement : orientations vers les structures d'accompagnement,
        tutorat et avis technique. Ces données sont personnelles : elles ne sont visibles que de la mission et du comité de
        pilotage.
      </p>
      {arrivedWith && <Success>{arrivedWith}</Success>}
      <CarrierProjectFilters
        key={params.toString()}
        state={state}
        sectors={refs?.sectors ?? []}
        epcis={refs?.epcis.nodes ?? []}
        onApply={filter}
      />
      {shown && (
        <PipelineBar
          counts={shown.carrierProjectPipeline}
          selected={state.stage}
          onSelect={(stage) => filter({ etape: stage === state.stage ? null : stage })}
        />
      )}
      {error && !page ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`Les projets n'ont pas pu être chargés. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !page ? (
        <Loading>Chargement des projets…</Loading>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(page.totalCount, 'projet', 'projets')}
            {loading && ' — mise à jour…'}
          </p>
          {error && <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>{errorMessage(error)}</ErrorNotice>}
          {page.items.length === 0 ? (
            <EmptyState>
              {filtered ? 'Aucun projet ne correspond à ces critères.' : 'Aucun projet accompagné pour le moment.'}
            </EmptyState>
          ) : (
            <SortableTable
              id="carrier-projects"
              caption="Projets accompagnés, des plus récemment modifiés aux plus anciens"
              data={page.items}
              columns={columns}
              getRowId={(row) => row.id}
              busy={loading}
            />
          )}
          <Pagination
            idPrefix="carrier-projects"
            label="Pagination des projets"
            pageIndex={state.pageIndex}
            pageCount={Math.max(1, Math.ceil(page.totalCount / state.pageSize))}
            pageSize={state.pageSize}
            pageSizes={PAGE_SIZES}
            onPageChange={(i) => update({ page: i > 0 ? String(i + 1) : null })}
            onPageSizeChange={(s) => update({ page: null, taille: s === DEFAULT_PAGE_SIZE ? null : String(s) })}
          />
        </>
      )}
    </>
  );
}

/** The filters, applied with « Filtrer » (the text and the commune are typed). */
function CarrierProjectFilters({
  state,
  sectors,
  epcis,
  onApply,
}: {
  state: ReturnType<typeof readCarrierProjectParams>;
  sectors: ReadonlyArray<{ slug: string; name: string }>;
  epcis: ReadonlyArray<{ siren: string; name: string }>;
  onApply: (changes: Record<string, string | null>) => void;
}) {
  const [values, setValues] = useState({
    q: state.text ?? '',
    etape: state.stage ?? '',
    secteur: state.sector ?? '',
    epci: state.epci ?? '',
    commune: state.commune ?? '',
    statut: state.status as string,
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filtrer les projets"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() || null])));
      }}
    >
      <FilterSearch id="carrier-projects-text" label="Projet ou porteur" value={values.q} onChange={set('q')} />
      <FilterSelect
        id="carrier-projects-stage"
        label="Étape"
        value={values.etape}
        onChange={set('etape')}
        options={[['', 'Toutes les étapes'], ...STAGES.map((s) => [s, STAGE_LABELS[s]] as const)]}
      />
      <FilterSelect
        id="carrier-projects-sector"
        label="Secteur"
        value={values.secteur}
        onChange={set('secteur')}
        options={[['', 'Tous les secteurs'], ...sectors.map((s) => [s.slug, s.name] as const)]}
      />
      <FilterSelect
        id="carrier-projects-epci"
        label="EPCI"
        value={values.epci}
        onChange={set('epci')}
        options={[['', 'Tous les EPCI'], ...epcis.map((e) => [e.siren, e.name] as const)]}
      />
      <FilterSearch id="carrier-projects-commune" label="Code commune (INSEE)" value={values.commune} onChange={set('commune')} />
      <ArchiveStatusField id="carrier-projects-status" value={values.statut as ArchiveStatusFilter} onChange={set('statut')} />
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          Filtrer
        </button>
      </div>
    </form>
  );
}

/** How many projects are at each stage: a bar (decoration) and its legend, whose buttons filter by stage. */
export function PipelineBar({
  counts,
  selected,
  onSelect,
}: {
  counts: readonly StageCount[];
  selected: CarrierProjectStage | null;
  onSelect: (stage: CarrierProjectStage) => void;
}) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section className="pipeline" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title" className="pipeline__title">
        Parcours : {plural(total, 'projet', 'projets')}
      </h2>
      <div className="pipeline__bar" aria-hidden="true">
        {counts
          .filter((c) => c.count > 0)
          .map((c) => (
            <span
              key={c.stage}
              className={`pipeline__segment pipeline__segment--${c.stage.toLowerCase()}`}
              style={{ flexGrow: c.count }}
            />
          ))}
      </div>
      <ul className="pipeline__legend">
        {counts.map((c) => (
          <li key={c.stage}>
            <button
              type="button"
              className="pipeline__stage"
              aria-pressed={selected === c.stage}
              onClick={() => onSelect(c.stage)}
            >
              <span className={`pipeline__swatch pipeline__segment--${c.stage.toLowerCase()}`} aria-hidden="true" />
              {STAGE_LABELS[c.stage]} : <strong>{formatNumber(c.count)}</strong>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
