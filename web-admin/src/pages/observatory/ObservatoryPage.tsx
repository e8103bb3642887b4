import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ExportableTable } from '../../components/ExportableTable';
import { ErrorNotice, Loading, SelectField, Success, formatShortDateTime, formatNumber, errorMessage } from '@essor/web-ui';
import { ESS_FAMILIES, ESS_FAMILY_LABELS } from '../../lib/labels';
import type { TableModel } from '../../lib/exportTable';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  EPCIS,
  EPCI_SIRENS,
  breakdownTable,
  comparisonTable,
  filtersFromParams,
  paramsFromFilters,
  seriesTable,
  shareTable,
  variablesFromFilters,
  type ObservatoryFilters,
  type Report,
} from './model';
import {
  OBSERVATORY_QUERY,
  OBSERVATORY_SECTORS_QUERY,
  REFRESH_OBSERVATORY_MUTATION,
  TERRITORY_COMMUNES_QUERY,
} from './operations';

// Recharts and Leaflet are large: loaded with the charts and the map only.
const HorizontalBars = lazy(() => import('./ObservatoryCharts').then((m) => ({ default: m.HorizontalBars })));
const SeriesLines = lazy(() => import('./ObservatoryCharts').then((m) => ({ default: m.SeriesLines })));
const ProportionalMap = lazy(() => import('./ObservatoryMap').then((m) => ({ default: m.ProportionalMap })));

function ChartSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="chart chart--loading muted">Chargement du graphique…</p>}>{children}</Suspense>;
}

export function ObservatoryPage() {
  usePageTitle("Observatoire de l'ESS");
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const { viewer } = useViewer();
  const { data, previousData, error, loading, refetch } = useQuery(OBSERVATORY_QUERY, {
    variables: variablesFromFilters(filters),
  });
  const report = (data ?? previousData)?.observatory;
  const apply = (next: ObservatoryFilters) => setParams(paramsFromFilters(next));

  return (
    <div className="observatory">
      <div className="page-header">
        <h1>Observatoire de l'ESS</h1>
        <div className="actions no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Imprimer le panorama
          </button>
        </div>
      </div>
      <p className="lead">
        Poids de l'économie sociale et solidaire en Sambre-Avesnois : établissements, employeurs et salariés, par famille,
        activité, territoire et secteur.
      </p>
      <ObservatoryFiltersForm filters={filters} years={report?.series.map((s) => s.year) ?? []} onChange={apply} />
      {isAdmin(viewer?.roles) && <RefreshSnapshot year={report?.year ?? filters.year} onDone={() => void refetch()} />}
      {error && !report ? (
        <ErrorNotice onRetry={() => void refetch()}>{errorMessage(error, "L'observatoire n'a pas pu être chargé.")}</ErrorNotice>
      ) : !report ? (
        <Loading>Chargement de l'observatoire…</Loading>
      ) : (
        <div aria-busy={loading}>
          <ObservatoryReportView report={report} epci={filters.epci} />
        </div>
      )}
    </div>
  );
}

function ObservatoryFiltersForm({
  filters,
  years,
  onChange,
}: {
  filters: ObservatoryFilters;
  years: number[];
  onChange: (f: ObservatoryFilters) => void;
}) {
  const { data } = useQuery(OBSERVATORY_SECTORS_QUERY);
  const yearOptions = [...new Set([...years, ...(filters.year ? [filters.year] : [])])].sort((a, b) => b - a);
  const toggleFamily = (family: (typeof ESS_FAMILIES)[number], checked: boolean) =>
    onChange({
      ...filters,
      families: checked
        ? ESS_FAMILIES.filter((f) => f === family || filters.families.includes(f))
        : filters.families.filter((f) => f !== family),
    });
  return (
    <form
      className="filters observatory-filters no-print"
      role="search"
      aria-label="Filtrer l'observatoire"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        id="obs-year"
        label="Année"
        value={filters.year === null ? '' : String(filters.year)}
        onChange={(value) => onChange({ ...filters, year: value ? Number(value) : null })}
        options={[['', 'Dernière année disponible'], ...yearOptions.map((y) => [String(y), String(y)] as const)]}
      />
      <SelectField
        id="obs-territory"
        label="Territoire"
        value={filters.epci ?? ''}
        onChange={(value) => onChange({ ...filters, epci: EPCI_SIRENS.includes(value) ? value : null })}
        options={[['', 'Sambre-Avesnois (4 EPCI)'], ...EPCIS.map((e) => [e.siren, e.name] as const)]}
      />
      <SelectField
        id="obs-sector"
        label="Secteur"
        value={filters.sector ?? ''}
        onChange={(value) => onChange({ ...filters, sector: value || null })}
      >
        <option value="">Tous les secteurs</option>
        {filters.sector && !data?.sectors.some((s) => s.slug === filters.sector) && (
          <option value={filters.sector}>{filters.sector}</option>
        )}
        {data?.sectors.map((s) => (
          <option key={s.id} value={s.slug}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset fieldset--plain observatory-filters__families">
        <legend className="field__label">Famille de l'ESS</legend>
        <ul className="checkbox-list checkbox-list--columns">
          {ESS_FAMILIES.map((f) => (
            <li key={f}>
              <input
                id={`obs-family-${f}`}
                type="checkbox"
                checked={filters.families.includes(f)}
                onChange={(e) => toggleFamily(f, e.target.checked)}
              />
              <label htmlFor={`obs-family-${f}`}>{ESS_FAMILY_LABELS[f]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {(filters.year || filters.epci || filters.families.length > 0 || filters.sector) && (
        <div className="filters__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ year: null, epci: null, families: [], sector: null })}
          >
            Effacer les filtres
          </button>
        </div>
      )}
    </form>
  );
}

function RefreshSnapshot({ year, onDone }: { year: number | null; onDone: () => void }) {
  const [refresh, { loading, error }] = useMutation(REFRESH_OBSERVATORY_MUTATION);
  const [done, setDone] = useState<number | null>(null);
  return (
    <div className="observatory-refresh no-print">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={loading}
        onClick={() => {
          setDone(null);
          void refresh({ variables: { year } })
            .then((r) => {
              setDone(r.data?.refreshObservatory ?? 0);
              onDone();
            })
            .catch(() => undefined);
        }}
      >
        {loading ? 'Recalcul en cours…' : `Recalculer l'instantané${year ? ` ${year}` : ''}`}
      </button>
      {done !== null && <Success>Instantané recalculé : {formatNumber(done)} structures comptées.</Success>}
      {error && <ErrorNotice>{errorMessage(error, 'Le recalcul a échoué.')}</ErrorNotice>}
    </div>
  );
}

function Headline({ report }: { report: Report }) {
  const t = report.totals;
  return (
    <dl className="stats__grid" data-testid="observatory-totals">
      <div className="stat-card">
        <dt className="stat-card__label">Établissements</dt>
        <dd className="stat-card__value">{formatNumber(t.establishments)}</dd>
      </div>
      <div className="stat-card">
        <dt className="stat-card__label">dont employeurs</dt>
        <dd className="stat-card__value">{formatNumber(t.employers)}</dd>
      </div>
      <div className="stat-card">
        <dt className="stat-card__label">Salariés (estimation centrale)</dt>
        <dd className="stat-card__value">
          {formatNumber(Math.round(t.employeesMid))}
          <span className="stat-card__range">
            entre {formatNumber(Math.round(t.employeesLow))} et {formatNumber(Math.round(t.employeesHigh))}
          </span>
        </dd>
      </div>
      {report.share && (
        <div className="stat-card">
          <dt className="stat-card__label">Part de l'ESS dans l'emploi salarié</dt>
          <dd className="stat-card__value">
            {formatNumber(Math.round(report.share.percent * 10) / 10)} %
            <span className="stat-card__range">référence {report.share.referenceYear}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

function TableSection({
  id,
  title,
  table,
  fileName,
  chart,
}: {
  id: string;
  title: string;
  table: TableModel;
  fileName: string;
  chart?: ReactNode;
}) {
  return (
    <section className="section observatory-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {table.rows.length === 0 ? (
        <p className="notice notice--empty">Aucune donnée pour ces filtres.</p>
      ) : (
        <div className="observatory-section__body">
          {chart && <ChartSlot>{chart}</ChartSlot>}
          <ExportableTable table={table} fileName={fileName} compact />
        </div>
      )}
    </section>
  );
}

function ObservatoryReportView({ report, epci }: { report: Report; epci: string | null }) {
  const base = `observatoire-${report.year}`;
  const bars = (items: Report['byFamily']) => items.map((i) => ({ label: i.label, value: i.figures.establishments }));
  const families = breakdownTable('Répartition par famille', 'Famille', report.byFamily);
  const naf = breakdownTable('Répartition par section NAF', 'Section NAF', report.byNafSection, 'Code');
  const epcis = breakdownTable('Répartition par EPCI', 'EPCI', report.byEpci, 'SIREN');
  const sectors = breakdownTable('Répartition par secteur', 'Secteur', report.bySector);
  const series = seriesTable(report);
  const scopeName = epci ? (EPCIS.find((e) => e.siren === epci)?.name ?? epci) : 'Sambre-Avesnois';
  const comparison = comparisonTable(report, scopeName);
  const share = shareTable(report);
  return (
    <>
      <section className="section" aria-labelledby="obs-headline">
        <h2 id="obs-headline">
          Chiffres clés {report.year} — {report.scope}
        </h2>
        <Headline report={report} />
        <p className="meta">
          Instantané calculé le {formatShortDateTime(report.computedAt)}
          {report.ruleVersion ? ` (règles ${report.ruleVersion})` : ''}.
        </p>
      </section>
      <TableSection
        id="obs-family"
        title="Par famille de l'ESS"
        table={families}
        fileName={`${base}-par-famille`}
        chart={<HorizontalBars data={bars(report.byFamily)} valueLabel="Établissements" />}
      />
      <TableSection
        id="obs-naf"
        title="Par activité (section NAF)"
        table={naf}
        fileName={`${base}-par-section-naf`}
        chart={<HorizontalBars data={bars(report.byNafSection)} valueLabel="Établissements" />}
      />
      <TableSection
        id="obs-epci"
        title="Par EPCI"
        table={epcis}
        fileName={`${base}-par-epci`}
        chart={<HorizontalBars data={bars(report.byEpci)} valueLabel="Établissements" />}
      />
      <TableSection
        id="obs-sector"
        title="Par secteur du réseau"
        table={sectors}
        fileName={`${base}-par-secteur`}
        chart={<HorizontalBars data={bars(report.bySector)} valueLabel="Établissements" />}
      />
      <TableSection
        id="obs-series"
        title="Évolution"
        table={series}
        fileName={`${base}-evolution`}
        chart={
          <SeriesLines
            data={report.series.map((s) => ({
              year: s.year,
              establishments: s.figures.establishments,
              employees: Math.round(s.figures.employeesMid),
            }))}
          />
        }
      />
      <TableSection id="obs-comparison" title="Comparaison" table={comparison} fileName={`${base}-comparaison`} />
      {share && <TableSection id="obs-share" title="Part dans l'emploi" table={share} fileName={`${base}-part-emploi`} />}
      <TerritoryMapSection report={report} base={base} />
      {report.notes.length > 0 && (
        <section className="section" aria-labelledby="obs-notes">
          <h2 id="obs-notes">Notes de méthode</h2>
          <ul>
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Commune centroids of the four EPCIs (150 communes: two pages of 100). */
function useTerritoryCommunes() {
  const first = useQuery(TERRITORY_COMMUNES_QUERY, { variables: { epci: EPCI_SIRENS } });
  const page1 = first.data?.communes;
  const second = useQuery(TERRITORY_COMMUNES_QUERY, {
    variables: { epci: EPCI_SIRENS, after: page1?.pageInfo.endCursor ?? null },
    skip: !page1?.pageInfo.hasNextPage,
  });
  const complete = !!page1 && (!page1.pageInfo.hasNextPage || !!second.data);
  const nodes = [...(page1?.nodes ?? []), ...(page1?.pageInfo.hasNextPage ? (second.data?.communes.nodes ?? []) : [])];
  return { nodes, complete, error: first.error ?? second.error };
}

function TerritoryMapSection({ report, base }: { report: Report; base: string }) {
  const { nodes, complete, error } = useTerritoryCommunes();
  const located = new Map(nodes.filter((c) => c.latitude != null && c.longitude != null).map((c) => [c.code, c] as const));
  const communes = report.byCommune.flatMap((item) => {
    const c = located.get(item.key);
    return c
      ? [{ key: item.key, name: item.label, latitude: c.latitude!, longitude: c.longitude!, value: item.figures.establishments }]
      : [];
  });
  const epcis = report.byEpci.flatMap((item) => {
    const own = [...located.values()].filter((c) => c.epciSiren === item.key);
    if (!own.length) return [];
    return [
      {
        key: item.key,
        name: item.label,
        latitude: own.reduce((s, c) => s + c.latitude!, 0) / own.length,
        longitude: own.reduce((s, c) => s + c.longitude!, 0) / own.length,
        value: item.figures.establishments,
      },
    ];
  });
  const table = breakdownTable('Répartition par commune', 'Commune', report.byCommune, 'Code INSEE');
  return (
    <section className="section observatory-section" aria-labelledby="obs-map">
      <h2 id="obs-map">Carte du territoire</h2>
      {error ? (
        <p className="notice notice--warning">
          Les positions des communes n'ont pas pu être chargées : la carte est indisponible.
        </p>
      ) : !complete ? (
        <Loading>Chargement de la carte…</Loading>
      ) : (
        <Suspense fallback={<Loading>Chargement de la carte…</Loading>}>
          <ProportionalMap communes={communes} epcis={epcis} />
        </Suspense>
      )}
      {table.rows.length === 0 ? (
        <p className="notice notice--empty">
          Aucune donnée par commune pour ces filtres (la répartition par commune n'est donnée que pour une zone, des
          intercommunalités ou un seul département).
        </p>
      ) : (
        <ExportableTable table={table} fileName={`${base}-par-commune`} compact />
      )}
    </section>
  );
}
