import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { SubmissionsQuery, SubmissionStatus } from '../gql/graphql';
import { useViewer } from '../auth/viewer';
import { isAdmin } from '../auth/permissions';
import {
  RequiredNote,
  TextAreaField,
  EmptyState,
  ErrorNotice,
  Loading,
  Success,
  formatShortDateTime,
  formatJsonValue,
  formatNumber,
  errorMessage,
  fieldErrorsOf,
} from '@essor/web-ui';
import { fieldLabel } from '../lib/labels';
import { usePageTitle } from '../lib/usePageTitle';

export const SUBMISSIONS_QUERY = graphql(`
  query Submissions($status: [SubmissionStatus!], $first: Int, $after: String) {
    submissions(status: $status, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          kind
          status
          createdAt
          submitterName
          submitterEmail
          message
          rejectReason
          reviewedAt
          structure {
            id
            name
          }
          changes {
            field
            current
            proposed
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

export const ACCEPT_SUBMISSION_MUTATION = graphql(`
  mutation AcceptSubmission($id: ID!) {
    acceptSubmission(id: $id) {
      id
      status
      reviewedAt
      structure {
        id
        name
      }
    }
  }
`);

export const REJECT_SUBMISSION_MUTATION = graphql(`
  mutation RejectSubmission($id: ID!, $reason: String!) {
    rejectSubmission(id: $id, reason: $reason) {
      id
      status
      reviewedAt
      rejectReason
    }
  }
`);

type Submission = SubmissionsQuery['submissions']['edges'][number]['node'];

const STATUS_FILTERS: ReadonlyArray<[string, string, SubmissionStatus[] | null]> = [
  ['en-attente', 'En attente', ['PENDING']],
  ['acceptees', 'Acceptées', ['ACCEPTED']],
  ['refusees', 'Refusées', ['REJECTED']],
  ['toutes', 'Toutes', null],
];

const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  PENDING: 'En attente',
  ACCEPTED: 'Acceptée',
  REJECTED: 'Refusée',
};

export const MODERATION_PAGE_SIZE = 20;

function titleOf(s: Submission): string {
  if (s.kind === 'CORRECTION') return `Correction de « ${s.structure?.name ?? 'structure supprimée'} »`;
  const name = s.changes.find((c) => c.field === 'name')?.proposed;
  return `Nouvelle structure : « ${name ? formatJsonValue(name) : 'sans nom'} »`;
}

export function ModerationPage() {
  usePageTitle('Modération');
  const { viewer } = useViewer();
  const canModerate = isAdmin(viewer?.roles);
  const [params, setParams] = useSearchParams();
  const filter = STATUS_FILTERS.find(([key]) => key === params.get('statut')) ?? STATUS_FILTERS[0]!;
  const { data, loading, error, refetch, fetchMore } = useQuery(SUBMISSIONS_QUERY, {
    variables: { status: filter[2], first: MODERATION_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const list = data?.submissions;

  const onDone = (message: string) => {
    setNotice(message);
    void refetch().catch(() => undefined);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  return (
    <>
      <h1>Modération</h1>
      <p className="lead">
        Les propositions du public (« Ajouter ma structure », « Proposer une correction ») attendent une décision avant de changer
        l'annuaire.
      </p>
      <div className="filters filters--inline">
        <div className="field">
          <label className="field__label" htmlFor="moderation-status">
            Propositions affichées
          </label>
          <select
            id="moderation-status"
            className="input"
            value={filter[0]}
            onChange={(e) => {
              setNotice(null);
              setParams(e.target.value === 'en-attente' ? {} : { statut: e.target.value });
            }}
          >
            {STATUS_FILTERS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <Success>{notice}</Success>}
      </div>
      {error && !list ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La file de modération n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !list ? (
        <Loading>Chargement des propositions…</Loading>
      ) : list.edges.length === 0 ? (
        <EmptyState>{filter[0] === 'en-attente' ? 'Aucune proposition en attente.' : 'Aucune proposition.'}</EmptyState>
      ) : (
        <>
          <p className="result-count">
            {formatNumber(list.totalCount)} proposition{list.totalCount > 1 ? 's' : ''}
            {loading && ' — mise à jour…'}
          </p>
          <ul className="card-list">
            {list.edges.map(({ node }) => (
              <li key={node.id}>
                <SubmissionCard submission={node} canModerate={canModerate} onDone={onDone} />
              </li>
            ))}
          </ul>
          {moreError && <ErrorNotice>{moreError}</ErrorNotice>}
          {list.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={loading}
              onClick={() => {
                setMoreError(null);
                fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch((e: unknown) => setMoreError(errorMessage(e)));
              }}
            >
              Voir plus
            </button>
          )}
        </>
      )}
    </>
  );
}

export function SubmissionCard({
  submission: s,
  canModerate,
  onDone,
}: {
  submission: Submission;
  canModerate: boolean;
  onDone: (message: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [accept, { loading: accepting }] = useMutation(ACCEPT_SUBMISSION_MUTATION);
  const [reject, { loading: rejectingNow }] = useMutation(REJECT_SUBMISSION_MUTATION);
  const title = titleOf(s);
  const headingId = `submission-${s.id}`;
  const reasonId = `reject-reason-${s.id}`;

  const onAccept = async () => {
    setError(null);
    try {
      await accept({ variables: { id: s.id } });
      onDone(`Proposition acceptée : ${title}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const onReject = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setReasonError(['Indiquez le motif du refus : il est transmis à la personne qui a fait la proposition.']);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    try {
      await reject({ variables: { id: s.id, reason: reason.trim() } });
      onDone(`Proposition refusée : ${title}.`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.reason) setReasonError(fields.reason);
      else setError(errorMessage(err));
    }
  };

  return (
    <article className="card submission" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      <p className="meta">
        <span className={`badge badge--${s.status.toLowerCase()}`}>{SUBMISSION_STATUS_LABELS[s.status]}</span> Reçue le{' '}
        {formatShortDateTime(s.createdAt)}
        {(s.submitterName || s.submitterEmail) && (
          <>
            {' '}
            par {s.submitterName ?? ''} {s.submitterEmail && <a href={`mailto:${s.submitterEmail}`}>{s.submitterEmail}</a>}
          </>
        )}
        {s.reviewedAt && <> · traitée le {formatShortDateTime(s.reviewedAt)}</>}
      </p>
      {s.structure && (
        <p>
          Structure : <Link to={`/structures/${encodeURIComponent(s.structure.id)}`}>{s.structure.name}</Link>
        </p>
      )}
      {s.message && (
        <blockquote className="submission__message">
          <p>
            <span className="visually-hidden">Message : </span>
            {s.message}
          </p>
        </blockquote>
      )}
      {s.rejectReason && (
        <p>
          <strong>Motif du refus :</strong> {s.rejectReason}
        </p>
      )}
      {s.changes.length > 0 ? (
        <div className="table-wrapper">
          <table className="data-table data-table--compact diff-table">
            <caption>Modifications proposées</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Valeur actuelle</th>
                <th scope="col">Proposition</th>
              </tr>
            </thead>
            <tbody>
              {s.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldLabel(c.field)}</th>
                  <td className="diff-table__current">{formatJsonValue(c.current)}</td>
                  <td className="diff-table__proposed">{formatJsonValue(c.proposed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Aucune modification de champ proposée.</p>
      )}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {canModerate && s.status === 'PENDING' && (
        <>
          {!rejecting ? (
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void onAccept()}
                disabled={accepting}
                aria-describedby={headingId}
              >
                Accepter
              </button>
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setRejecting(true)}
                aria-describedby={headingId}
              >
                Refuser
              </button>
            </div>
          ) : (
            <form className="form reject-form" onSubmit={(e) => void onReject(e)} noValidate aria-label={`Refuser : ${title}`}>
              <RequiredNote />
              <TextAreaField
                id={reasonId}
                label="Motif du refus"
                required
                autoFocus
                rows={3}
                value={reason}
                onChange={setReason}
                errors={reasonError}
                hint="Transmis à la personne qui a fait la proposition."
              />
              <div className="actions">
                <button type="submit" className="button button--danger" disabled={rejectingNow}>
                  Confirmer le refus
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setRejecting(false);
                    setReasonError(undefined);
                  }}
                >
                  Annuler
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </article>
  );
}
