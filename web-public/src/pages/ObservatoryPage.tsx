import { useEffect, useId, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import {
  Breadcrumb,
  EmptyState,
  ErrorNotice,
  Loading,
  SelectField,
  requestErrorMessages,
  formatDate,
  formatNumber,
  plural,
} from '@essor/web-ui';
import { BarList } from '../components/observatory/BarList';
import { OBSERVATORY_QUERY } from '../components/observatory/observatoryDocuments';
import { Breakdown, DataTable, type BreakdownRow } from '../components/observatory/ObservatoryTables';
import '../components/observatory/observatory.css';
import type { EssFamily, ObservatoryQuery } from '../gql/graphql';
import { ESS_FAMILIES, essFamilyLabel, isEssFamily } from '../lib/essFamily';
import {
  clearObservatoryFilters,
  formatEmployees,
  formatPercent,
  formatReferenceValue,
  hasObservatoryFilters,
  OBSERVATORY_EPCIS,
  parseObservatoryParams,
  readableScope,
  referenceIndicatorLabel,
  territoryRank,
  toObservatoryFilters,
  TOP_COMMUNES,
  withParam,
} from '../lib/observatory';
import { paths } from '../lib/paths';
import { TERRITORY_NAME } from '../lib/territory';

export const OBSERVATORY_TITLE = "Observatoire de l'ESS";
export const OBSERVATORY_DOCUMENT_TITLE = `${OBSERVATORY_TITLE} — Essor`;

type Report = ObservatoryQuery['observatory'];
type Item = Report['byFamily'][number];

function rowsOf(items: readonly Item[], extra?: (item: Item) => Partial<BreakdownRow>): BreakdownRow[] {
  return items.map((item) => ({
    key: item.key || '∅',
    label: item.label || 'Non renseigné',
    figures: item.figures,
    ...extra?.(item),
  }));
}

export function ObservatoryPage() {
  useEffect(() => {
    document.title = OBSERVATORY_DOCUMENT_TITLE;
  }, []);
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseObservatoryParams(searchParams), [searchParams]);
  const variables = useMemo(() => toObservatoryFilters(state), [state]);
  const epciId = useId();
  const yearId = useId();

  const { data, previousData, loading, error, refetch } = useQuery(OBSERVATORY_QUERY, { variables });
  // While another scope loads, the previous figures stay visible (dimmed).
  const report = data?.observatory ?? (loading && !error ? previousData?.observatory : undefined);
  const stale = loading && report !== undefined;
  const filtered = hasObservatoryFilters(state);

  const years = useMemo(() => {
    const known = new Set((report?.series ?? []).map((point) => point.year));
    if (report) known.add(report.year);
    if (state.annee !== null) known.add(state.annee);
    return [...known].sort((a, b) => b - a);
  }, [report, state.annee]);

  function toggleFamily(family: EssFamily, checked: boolean) {
    const values = state.famille.filter((f) => f !== family);
    if (checked) values.push(family);
    setSearchParams(withParam(searchParams, 'famille', values));
  }

  const requestErrors = error ? requestErrorMessages(error) : [];

  return (
    <div className="container page obs-page">
      <Breadcrumb items={[{ label: OBSERVATORY_TITLE }]} />
      <header className="page-header">
        <p className="page-header__kicker">{TERRITORY_NAME}</p>
        <h1>{OBSERVATORY_TITLE}</h1>
        <p className="lead">
          Le poids de l'économie sociale et solidaire sur le territoire : établissements, employeurs et salariés, par famille,
          activité, intercommunalité, secteur et commune, comparés à la région et à la France.
        </p>
      </header>

      <section className="panel obs-filters" aria-labelledby="obs-filters-title">
        <h2 id="obs-filters-title" className="obs-filters__title">
          Périmètre
        </h2>
        <div className="obs-filters__grid">
          <SelectField
            id={epciId}
            label="Intercommunalité"
            value={state.epci ?? ''}
            onChange={(value) => setSearchParams(withParam(searchParams, 'epci', [value]))}
            options={[
              ['', `Tout le territoire (${TERRITORY_NAME})`],
              ...OBSERVATORY_EPCIS.map((epci) => [epci.siren, epci.name] as const),
            ]}
          />
          <SelectField
            id={yearId}
            label="Année"
            value={state.annee === null ? '' : String(state.annee)}
            onChange={(value) => setSearchParams(withParam(searchParams, 'annee', [value]))}
            options={[['', 'Dernière année disponible'], ...years.map((year) => [String(year), String(year)] as const)]}
          />
          <fieldset className="facet obs-filters__families">
            <legend className="facet__legend">Familles de l'ESS</legend>
            <ul className="obs-filters__checkboxes">
              {ESS_FAMILIES.map((family) => (
                <li key={family}>
                  <label className="facet__option">
                    <input
                      type="checkbox"
                      className="facet__checkbox"
                      checked={state.famille.includes(family)}
                      onChange={(event) => toggleFamily(family, event.target.checked)}
                    />
                    {essFamilyLabel(family)}
                  </label>
                </li>
              ))}
            </ul>
            <p className="field__hint">Aucune case cochée : toutes les familles.</p>
          </fieldset>
        </div>
        {filtered ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setSearchParams(clearObservatoryFilters(searchParams))}
          >
            Réinitialiser les filtres
          </button>
        ) : null}
      </section>

      <p className="obs-status" aria-live="polite" aria-atomic="true">
        {stale ? (
          'Mise à jour des chiffres…'
        ) : report ? (
          <>
            Périmètre : <strong>{readableScope(report.scope)}</strong> · année <strong>{report.year}</strong>
          </>
        ) : null}
      </p>

      {error && !report ? (
        requestErrors.length > 0 ? (
          <div role="alert" className="notice notice--error">
            <p>Les chiffres n'ont pas pu être calculés : {requestErrors.join(' ')}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setSearchParams(clearObservatoryFilters(searchParams))}
            >
              Réinitialiser les filtres
            </button>
          </div>
        ) : (
          <ErrorNotice onRetry={() => refetch()}>
            Les chiffres de l'observatoire n'ont pas pu être chargés. Vérifiez votre connexion puis réessayez.
          </ErrorNotice>
        )
      ) : null}
      {!report && !error ? <Loading>Chargement des chiffres de l'observatoire…</Loading> : null}

      {report ? (
        <div className={stale ? 'obs-report results--stale' : 'obs-report'} aria-busy={stale}>
          <ObservatoryReport
            report={report}
            onClearFilters={filtered ? () => setSearchParams(clearObservatoryFilters(searchParams)) : undefined}
          />
        </div>
      ) : null}
    </div>
  );
}

function ObservatoryReport({ report, onClearFilters }: { report: Report; onClearFilters?: () => void }) {
  const { totals } = report;
  const empty = totals.establishments === 0;
  const scope = readableScope(report.scope);
  const context = `${scope}, ${report.year}`;
  // Listed communes (at most 1,000; beyond, the API groups the others in a last entry without a key).
  const communeCount = report.byCommune.filter((item) => item.key !== '').length;
  // Without a sector filter, the API returns a single entry without a key (the whole scope): not a breakdown.
  const sectorRows = rowsOf(
    report.bySector.filter((item) => item.key !== ''),
    (item) => ({ href: paths.sector(item.key) }),
  );

  return (
    <>
      {report.notes.length > 0 ? (
        <div className="notice notice--info obs-notes" role="note" aria-labelledby="obs-notes-title">
          <p id="obs-notes-title" className="obs-notes__title">
            À noter
          </p>
          <ul>
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section className="section" aria-labelledby="obs-key-title">
        <div className="section__header">
          <h2 id="obs-key-title">Chiffres clés {report.year}</h2>
          <p className="section__kicker">
            {report.computedAt ? (
              <>
                Données calculées le <time dateTime={report.computedAt}>{formatDate(report.computedAt)}</time>
              </>
            ) : (
              `Données non calculées pour ${report.year}`
            )}
          </p>
        </div>

        {empty ? (
          <EmptyState>
            Aucun établissement de l'ESS ne correspond à ce périmètre pour {report.year}.
            {onClearFilters ? (
              <>
                {' '}
                <button type="button" className="link-button" onClick={onClearFilters}>
                  Réinitialiser les filtres
                </button>
              </>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <dl className="key-figures obs-key-figures">
              <div>
                <dt>Établissements de l'ESS</dt>
                <dd>{formatNumber(totals.establishments)}</dd>
              </div>
              <div>
                <dt>dont employeurs</dt>
                <dd>{formatNumber(totals.employers)}</dd>
              </div>
              <div>
                <dt>Salariés (estimation)</dt>
                <dd>
                  {formatEmployees(totals.employeesMid)}{' '}
                  <span className="obs-key-figures__range">
                    entre {formatEmployees(totals.employeesLow)} et {formatEmployees(totals.employeesHigh)}
                  </span>
                </dd>
              </div>
              {report.share ? (
                <div>
                  <dt>Part de l'ESS dans l'emploi</dt>
                  <dd>
                    {formatPercent(report.share.percent)}{' '}
                    <span className="obs-key-figures__range">emploi total de {report.share.referenceYear}</span>
                  </dd>
                </div>
              ) : null}
            </dl>
            <p className="obs-estimate-note">
              <strong>Salariés : des estimations.</strong> Les effectifs sont estimés à partir des tranches d'effectifs salariés
              de l'INSEE (répertoire Sirene) : le chiffre retenu est le milieu de chaque tranche, la fourchette va de leurs bornes
              basses à leurs bornes hautes. Lorsqu'une structure a déclaré son nombre de salariés, ce chiffre remplace
              l'estimation
              {totals.declaredEstablishments > 0
                ? ` : c'est le cas de ${plural(totals.declaredEstablishments, 'établissement', 'établissements')} (${plural(
                    totals.declaredEmployees,
                    'salarié déclaré',
                    'salariés déclarés',
                  )}).`
                : ' ; aucun effectif déclaré pour ce périmètre à ce jour.'}
            </p>
          </>
        )}

        <details className="obs-method">
          <summary>Méthode</summary>
          <p>
            Sont comptés les établissements actifs de l'annuaire qui relèvent de l'économie sociale et solidaire (associations,
            coopératives, mutuelles, fondations, entreprises commerciales de l'ESS) et dont la commune est connue. Les chiffres
            sont lus dans un instantané annuel, recalculé après les imports et les mises à jour.
          </p>
          <p>
            Un établissement est employeur s'il a déclaré des salariés, si sa tranche d'effectifs n'est pas nulle ou s'il est
            signalé comme employeur. Les salariés sont estimés à partir des tranches d'effectifs de l'INSEE (milieu de tranche,
            fourchette entre les bornes), remplacées par les effectifs déclarés lorsqu'ils sont connus.
          </p>
          <p>
            Les chiffres de comparaison sont ceux publiés par l'INSEE et la CRESS ; leurs années et leurs méthodes diffèrent : ils
            donnent des ordres de grandeur.
          </p>
          <p>Version des règles de calcul : {report.ruleVersion ? <code>{report.ruleVersion}</code> : 'non disponible'}.</p>
        </details>
      </section>

      {empty ? null : (
        <section className="section" aria-labelledby="obs-breakdowns-title">
          <h2 id="obs-breakdowns-title">Répartitions</h2>
          <Breakdown
            id="obs-family"
            title="Par famille de l'ESS"
            dimension="Famille"
            caption={`Établissements et salariés de l'ESS par famille — ${context}`}
            rows={rowsOf(report.byFamily, (item) =>
              isEssFamily(item.key) ? { label: essFamilyLabel(item.key), tone: item.key.toLowerCase() } : {},
            )}
            totals={totals}
            empty="Aucune répartition par famille pour ce périmètre."
          />
          <Breakdown
            id="obs-naf"
            title="Par section d'activité (NAF)"
            dimension="Section NAF"
            caption={`Établissements et salariés de l'ESS par section d'activité (NAF) — ${context}`}
            rows={rowsOf(report.byNafSection)}
            totals={totals}
            empty="Aucune répartition par activité pour ce périmètre."
          />
          <Breakdown
            id="obs-epci"
            title="Par intercommunalité"
            dimension="Intercommunalité"
            caption={`Établissements et salariés de l'ESS par intercommunalité — ${context}`}
            rows={rowsOf(report.byEpci, (item) => (item.key ? { href: paths.epci(item.key) } : {}))}
            totals={totals}
            empty="Aucune répartition par intercommunalité pour ce périmètre."
          />
          <Breakdown
            id="obs-sector"
            title="Par secteur de l'annuaire"
            dimension="Secteur"
            caption={`Établissements et salariés de l'ESS par secteur — ${context}`}
            rows={sectorRows}
            totals={totals}
            note={
              sectorRows.length > 0
                ? "Une structure active dans plusieurs secteurs compte dans chacun d'eux : les parts peuvent dépasser 100 % au total."
                : undefined
            }
            empty="La répartition par secteur n'est pas encore disponible pour ce périmètre."
          />
          <Breakdown
            id="obs-commune"
            title={`Les ${TOP_COMMUNES} premières communes`}
            dimension="Commune"
            caption={`Établissements et salariés de l'ESS des ${TOP_COMMUNES} premières communes — ${context}`}
            rows={rowsOf(report.byCommune.slice(0, TOP_COMMUNES), (item) => (item.key ? { href: paths.commune(item.key) } : {}))}
            totals={totals}
            note={
              communeCount > TOP_COMMUNES
                ? `Communes classées par nombre d'établissements ; ${formatNumber(TOP_COMMUNES)} sur ${plural(
                    communeCount,
                    'commune',
                    'communes',
                  )} comptant au moins un établissement.`
                : undefined
            }
            empty="Aucune répartition par commune pour ce périmètre : elle n'est donnée que pour une zone, des intercommunalités ou un seul département."
          />
        </section>
      )}

      <SeriesSection report={report} />
      <ComparisonSection report={report} />
    </>
  );
}

function SeriesSection({ report }: { report: Report }) {
  const series = [...report.series].sort((a, b) => a.year - b.year);
  return (
    <section className="section" aria-labelledby="obs-series-title">
      <h2 id="obs-series-title">Évolution</h2>
      {series.length === 0 ? (
        <EmptyState>Aucune année n'a encore été calculée pour ce périmètre.</EmptyState>
      ) : (
        <div className={series.length > 1 ? 'obs-breakdown__body obs-breakdown__body--split' : 'obs-breakdown__body'}>
          {series.length > 1 ? (
            <BarList
              label="Nombre d'établissements de l'ESS par année"
              items={series.map((point) => ({
                key: String(point.year),
                label: String(point.year),
                value: point.figures.establishments,
                valueText: formatNumber(point.figures.establishments),
              }))}
            />
          ) : null}
          <DataTable caption={`Établissements et salariés de l'ESS par année — ${readableScope(report.scope)}`}>
            <thead>
              <tr>
                <th scope="col">Année</th>
                <th scope="col" className="table__number">
                  Établissements
                </th>
                <th scope="col" className="table__number">
                  Employeurs
                </th>
                <th scope="col" className="table__number">
                  Salariés (estimation)
                </th>
                <th scope="col" className="table__number">
                  Fourchette
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.year}>
                  <th scope="row">{point.year}</th>
                  <td className="table__number">{formatNumber(point.figures.establishments)}</td>
                  <td className="table__number">{formatNumber(point.figures.employers)}</td>
                  <td className="table__number">{formatEmployees(point.figures.employeesMid)}</td>
                  <td className="table__number">
                    {formatEmployees(point.figures.employeesLow)} à {formatEmployees(point.figures.employeesHigh)}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </section>
  );
}

function ComparisonSection({ report }: { report: Report }) {
  const references = [...report.references].sort(
    (a, b) =>
      territoryRank(a.territoryType) - territoryRank(b.territoryType) ||
      a.territoryName.localeCompare(b.territoryName, 'fr') ||
      a.indicator.localeCompare(b.indicator) ||
      b.year - a.year,
  );
  const { share } = report;
  return (
    <section className="section" aria-labelledby="obs-comparison-title">
      <h2 id="obs-comparison-title">Comparaison avec la région et la France</h2>
      {share ? (
        <p className="obs-share">
          <strong>Part de l'ESS dans l'emploi : {formatPercent(share.percent)}</strong> — {formatEmployees(share.essEmployees)}{' '}
          salariés de l'ESS (estimation) sur {formatEmployees(share.totalEmployees)} emplois au total ({share.referenceYear},
          source : {share.source}).
        </p>
      ) : null}
      {references.length === 0 ? (
        <EmptyState>Aucun chiffre de référence n'est disponible pour le moment.</EmptyState>
      ) : (
        <>
          <p className="muted">
            Chiffres publiés, à comparer en ordre de grandeur : leurs années et leurs méthodes diffèrent de celles de
            l'observatoire.
          </p>
          <DataTable caption="Chiffres de référence publiés (territoire, région, France)">
            <thead>
              <tr>
                <th scope="col">Territoire</th>
                <th scope="col">Indicateur</th>
                <th scope="col" className="table__number">
                  Année
                </th>
                <th scope="col" className="table__number">
                  Valeur
                </th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {references.map((ref) => (
                <tr key={`${ref.territoryType}-${ref.territoryCode}-${ref.indicator}-${ref.year}`}>
                  <th scope="row">{ref.territoryName}</th>
                  <td>{referenceIndicatorLabel(ref.indicator)}</td>
                  <td className="table__number">{ref.year}</td>
                  <td className="table__number">{formatReferenceValue(ref.indicator, ref.value)}</td>
                  <td className="obs-table__source">{ref.source}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}
