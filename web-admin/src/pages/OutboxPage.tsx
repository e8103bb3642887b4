import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { MailOutboxQuery, MailStatus } from '../gql/graphql';
import { EmptyState, ErrorNotice, Loading, formatShortDateTime, plural, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../lib/usePageTitle';

export const MAIL_OUTBOX_QUERY = graphql(`
  query MailOutbox($first: Int, $status: [MailStatus!]) {
    mailOutbox(first: $first, status: $status) {
      id
      recipient
      subject
      template
      status
      transport
      attempts
      lastError
      body
      createdAt
      sentAt
    }
  }
`);

type Mail = MailOutboxQuery['mailOutbox'][number];

const STATUS_FILTERS: ReadonlyArray<[string, string, MailStatus[] | null]> = [
  ['tous', 'Tous les messages', null],
  ['en-attente', "En file d'attente", ['QUEUED']],
  ['envoyes', 'Envoyés', ['SENT']],
  ['en-echec', 'En échec', ['FAILED']],
];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  QUEUED: "En file d'attente",
  SENT: 'Envoyé',
  FAILED: 'En échec',
};

const STATUS_BADGES: Record<MailStatus, string> = {
  QUEUED: 'badge badge--pending',
  SENT: 'badge badge--accepted',
  FAILED: 'badge badge--rejected',
};

function Delivery({ m }: { m: Mail }) {
  if (m.status === 'QUEUED') {
    return m.attempts > 0 ? (
      <>
        {plural(m.attempts, 'tentative échouée', 'tentatives échouées')} : nouvel essai prévu.
        {m.lastError && <> Dernière erreur : {m.lastError}</>}
      </>
    ) : (
      <>Envoi dans quelques instants.</>
    );
  }
  if (m.status === 'FAILED') {
    return (
      <>
        Abandonné après {plural(m.attempts, 'tentative', 'tentatives')}. Dernière erreur : {m.lastError ?? 'inconnue'}
      </>
    );
  }
  return m.transport === 'OUTBOX' ? (
    <>
      Conservé ici le {formatShortDateTime(m.sentAt)} : aucun serveur SMTP n'est configuré (<code>ESSOR_SMTP_URL</code>), rien ne
      quitte la plateforme.
    </>
  ) : (
    <>Remis au serveur SMTP le {formatShortDateTime(m.sentAt)}.</>
  );
}

/** The platform's mail queue: invitations, password resets, moderation decisions… */
export function OutboxPage() {
  usePageTitle("Boîte d'envoi");
  const [params, setParams] = useSearchParams();
  const filter = STATUS_FILTERS.find(([key]) => key === params.get('statut')) ?? STATUS_FILTERS[0]!;
  const { data, loading, error, refetch } = useQuery(MAIL_OUTBOX_QUERY, {
    variables: { first: 50, status: filter[2] },
    fetchPolicy: 'cache-and-network',
  });
  const messages = data?.mailOutbox;
  return (
    <>
      <div className="page-header">
        <h1>Boîte d'envoi</h1>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void refetch().catch(() => undefined)}
          disabled={loading}
        >
          Actualiser
        </button>
      </div>
      <p className="lead">
        Les 50 derniers messages de la plateforme (invitations, réinitialisations de mot de passe, décisions de modération) et
        leur envoi. Les liens personnels ne sont jamais conservés une fois le message remis au serveur SMTP.
      </p>
      <div className="filters filters--inline">
        <div className="field">
          <label className="field__label" htmlFor="outbox-status">
            Messages affichés
          </label>
          <select
            id="outbox-status"
            className="input"
            value={filter[0]}
            onChange={(e) => setParams(e.target.value === 'tous' ? {} : { statut: e.target.value })}
          >
            {STATUS_FILTERS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && !messages ? (
        <ErrorNotice onRetry={() => void refetch().catch(() => undefined)}>
          {`La boîte d'envoi n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
        </ErrorNotice>
      ) : !messages ? (
        <Loading>Chargement des messages…</Loading>
      ) : messages.length === 0 ? (
        <EmptyState>{filter[2] ? 'Aucun message dans cet état.' : 'Aucun message pour le moment.'}</EmptyState>
      ) : (
        <>
          <p className="result-count" role="status">
            {plural(messages.length, 'message', 'messages')}
          </p>
          <ul className="card-list">
            {messages.map((m) => (
              <li key={m.id} className="card">
                <h2 className="card__title">{m.subject}</h2>
                <p className="meta">
                  <span className={STATUS_BADGES[m.status]}>{MAIL_STATUS_LABELS[m.status]}</span> À <strong>{m.recipient}</strong>
                  , le {formatShortDateTime(m.createdAt)}
                </p>
                <p className="meta">
                  <Delivery m={m} />
                </p>
                {m.body ? (
                  <details>
                    <summary>Lire le message</summary>
                    <pre className="mail-body">{m.body}</pre>
                  </details>
                ) : m.status === 'SENT' ? (
                  <p className="meta muted">Contenu non conservé : il contenait un lien personnel.</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
