import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { BackgroundJobsQuery, JobOutcome, JobTrigger } from '../gql/graphql';
import { EmptyState, ErrorNotice, Loading, Success, formatShortDateTime, formatNumber, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../lib/usePageTitle';

export const BACKGROUND_JOBS_QUERY = graphql(`
  query BackgroundJobs {
    jobs {
      name
      label
      schedule
      scheduleLabel
      manual
      waiting
      lastRun {
        id
        startedAt
        durationMs
        outcome
        error
        attempt
        maxAttempts
        trigger
      }
    }
  }
`);

export const JOB_RUNS_QUERY = graphql(`
  query JobRuns($name: String, $first: Int, $after: String) {
    jobRuns(name: $name, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          startedAt
          durationMs
          outcome
          error
          attempt
          maxAttempts
          trigger
          counts {
            name
            value
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RUN_JOB_NOW_MUTATION = graphql(`
  mutation RunJobNow($name: String!) {
    runJobNow(name: $name) {
      name
      waiting
    }
  }
`);

export const JOB_RUNS_PAGE_SIZE = 20;

type Job = BackgroundJobsQuery['jobs'][number];

export const OUTCOME_LABELS: Record<JobOutcome, string> = {
  SUCCESS: 'Réussie',
  RETRY: 'Échec, nouvel essai prévu',
  FAILURE: 'Échec définitif',
};

const OUTCOME_BADGES: Record<JobOutcome, string> = {
  SUCCESS: 'badge badge--accepted',
  RETRY: 'badge badge--pending',
  FAILURE: 'badge badge--rejected',
};

const TRIGGER_LABELS: Record<JobTrigger, string> = {
  SCHEDULE: 'Planification',
  MANUAL: 'Lancée à la main',
  EVENT: 'Événement',
};

/** What the jobs report, for people. */
const COUNT_LABELS: Record<string, string> = {
  anonymised: 'personnes anonymisées',
  sessions: 'sessions expirées',
  loginAttempts: 'tentatives de connexion',
  passwordResets: 'jetons de réinitialisation',
  mails: 'e-mails',
  jobRuns: "lignes d'historique",
  rateLimitCounters: 'compteurs de limites',
  sent: 'e-mail envoyé',
  keptInOutbox: "e-mail conservé dans la boîte d'envoi",
  cancelled: 'e-mail annulé',
  alreadyDone: 'e-mail déjà traité',
};

function formatDuration(ms: number): string {
  return ms < 1000 ? `${formatNumber(ms)} ms` : `${formatNumber(Math.round(ms / 100) / 10)} s`;
}

function Outcome({ outcome }: { outcome: JobOutcome }) {
  return <span className={OUTCOME_BADGES[outcome]}>{OUTCOME_LABELS[outcome]}</span>;
}

function JobsTable({ jobs, onRun, running }: { jobs: Job[]; onRun: (job: Job) => void; running: string | null }) {
  return (
    <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="jobs-caption">
      <table className="data-table">
        <caption id="jobs-caption" className="visually-hidden">
          Tâches de la plateforme
        </caption>
        <thead>
          <tr>
            <th scope="col">Tâche</th>
            <th scope="col">Fréquence</th>
            <th scope="col">Dernière exécution</th>
            <th scope="col">En attente</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.name}>
              <th scope="row">
                {job.label}
                <br />
                <code className="muted">{job.name}</code>
              </th>
              <td>
                {job.scheduleLabel ?? 'À chaque message à envoyer'}
                {job.schedule && (
                  <>
                    <br />
                    <code className="muted" title="Expression cron, heure UTC">
                      {job.schedule}
                    </code>
                  </>
                )}
              </td>
              <td>
                {job.lastRun ? (
                  <>
                    <Outcome outcome={job.lastRun.outcome} /> le {formatShortDateTime(job.lastRun.startedAt)} (
                    {formatDuration(job.lastRun.durationMs)})
                    {job.lastRun.error && (
                      <>
                        <br />
                        <span className="muted">{job.lastRun.error}</span>
                      </>
                    )}
                  </>
                ) : (
                  <span className="muted">Jamais exécutée</span>
                )}
              </td>
              <td>{formatNumber(job.waiting)}</td>
              <td>
                {job.manual && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={running !== null}
                    aria-label={`Lancer maintenant : ${job.label}`}
                    onClick={() => onRun(job)}
                  >
                    {running === job.name ? 'Lancement…' : 'Lancer maintenant'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunHistory({ jobs }: { jobs: Job[] }) {
  const [params, setParams] = useSearchParams();
  const name = jobs.some((j) => j.name === params.get('tache')) ? params.get('tache') : null;
  const { data, loading, error, refetch, fetchMore } = useQuery(JOB_RUNS_QUERY, {
    variables: { name, first: JOB_RUNS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState<string | null>(null);
  const runs = data?.jobRuns;
  const labelOf = (n: string) => jobs.find((j) => j.name === n)?.label ?? n;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Historique des exécutions</h2>
      <div className="filters filters--inline">
        <div className="field">
          <label className="field__label" htmlFor="history-job">
            Tâche
          </label>
          <select
            id="history-job"
            className="input"
            value={name ?? ''}
            onChange={(e) => setParams(e.target.value ? { tache: e.target.value } : {})}
          >
            <option value="">Toutes les tâches</option>
            {jobs.map((j) => (
              <option key={j.name} value={j.name}>
                {j.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && !runs ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`L'historique n'a pas pu être chargé. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !runs ? (
        <Loading>Chargement de l'historique…</Loading>
      ) : runs.edges.length === 0 ? (
        <EmptyState>Aucune exécution enregistrée.</EmptyState>
      ) : (
        <>
          <p className="result-count">
            {formatNumber(runs.totalCount)} exécution{runs.totalCount > 1 ? 's' : ''}
            {loading && ' — mise à jour…'}
          </p>
          <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="history-caption">
            <table className="data-table data-table--compact">
              <caption id="history-caption" className="visually-hidden">
                Exécutions, de la plus récente à la plus ancienne
              </caption>
              <thead>
                <tr>
                  <th scope="col">Début</th>
                  <th scope="col">Tâche</th>
                  <th scope="col">Déclenchement</th>
                  <th scope="col">Résultat</th>
                  <th scope="col">Tentative</th>
                  <th scope="col">Durée</th>
                  <th scope="col">Détails</th>
                </tr>
              </thead>
              <tbody>
                {runs.edges.map(({ node: r }) => (
                  <tr key={r.id}>
                    <td>{formatShortDateTime(r.startedAt)}</td>
                    <td>{labelOf(r.name)}</td>
                    <td>{TRIGGER_LABELS[r.trigger]}</td>
                    <td>
                      <Outcome outcome={r.outcome} />
                    </td>
                    <td>
                      {r.attempt} sur {r.maxAttempts}
                    </td>
                    <td>{formatDuration(r.durationMs)}</td>
                    <td>
                      {r.error ??
                        (r.counts.length
                          ? r.counts.map((c) => `${formatNumber(c.value)} ${COUNT_LABELS[c.name] ?? c.name}`).join(', ')
                          : '—')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreError && <ErrorNotice>{moreError}</ErrorNotice>}
          {runs.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={loading}
              onClick={() => {
                setMoreError(null);
                fetchMore({ variables: { after: runs.pageInfo.endCursor } }).catch((e: unknown) => setMoreError(errorMessage(e)));
              }}
            >
              Voir plus
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** « Tâches planifiées »: the background jobs, their last outcome, their history; « Lancer maintenant ». */
export function JobsPage() {
  usePageTitle('Tâches planifiées');
  const { data, error, refetch } = useQuery(BACKGROUND_JOBS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [runNow] = useMutation(RUN_JOB_NOW_MUTATION, { refetchQueries: [BACKGROUND_JOBS_QUERY, JOB_RUNS_QUERY] });
  const [running, setRunning] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const jobs = data?.jobs;

  const onRun = async (job: Job) => {
    setNotice(null);
    setRunning(job.name);
    try {
      await runNow({ variables: { name: job.name } });
      setNotice({ ok: true, text: `« ${job.label} » est en file d'attente : elle s'exécute dans quelques instants.` });
    } catch (err) {
      setNotice({ ok: false, text: `« ${job.label} » n'a pas pu être lancée. ${errorMessage(err)}` });
    } finally {
      setRunning(null);
      setTimeout(() => noticeRef.current?.focus(), 0);
    }
  };

  return (
    <>
      <div className="page-header">
        <h1>Tâches planifiées</h1>
        <button type="button" className="button button--secondary" onClick={() => void refetch().catch(() => undefined)}>
          Actualiser
        </button>
      </div>
      <p className="lead">
        Les travaux de fond de la plateforme : envoi des e-mails, instantanés de l'observatoire, durées de conservation et purges.
        Chacun s'exécute une seule fois, quel que soit le nombre de serveurs ; un échec est réessayé, de plus en plus espacé.
      </p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice &&
          (notice.ok ? (
            <Success>{notice.text}</Success>
          ) : (
            <p role="alert" className="notice notice--error">
              {notice.text}
            </p>
          ))}
      </div>
      {error && !jobs ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`Les tâches n'ont pas pu être chargées. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !jobs ? (
        <Loading>Chargement des tâches…</Loading>
      ) : (
        <>
          <JobsTable jobs={jobs} onRun={(job) => void onRun(job)} running={running} />
          <RunHistory jobs={jobs} />
        </>
      )}
    </>
  );
}
