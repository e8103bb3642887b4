import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { Empty, ErrorNotice, Loading } from '../components/status';
import { formatDateTime, plural } from '../format';
import { errorMessage } from '../lib/errors';
import { usePageTitle } from '../lib/usePageTitle';

export const MAIL_OUTBOX_QUERY = graphql(`
  query MailOutbox($first: Int) {
    mailOutbox(first: $first) {
      id
      recipient
      subject
      body
      createdAt
    }
  }
`);

/** The mail the platform sent (development outbox): invitations, password resets… */
export function OutboxPage() {
  usePageTitle("Boîte d'envoi");
  const { data, loading, error, refetch } = useQuery(MAIL_OUTBOX_QUERY, {
    variables: { first: 50 },
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
        Les 50 derniers messages envoyés par la plateforme (invitations, réinitialisations de mot de passe…).
      </p>
      {error && !messages ? (
        <ErrorNotice
          message={`La boîte d'envoi n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !messages ? (
        <Loading>Chargement des messages…</Loading>
      ) : messages.length === 0 ? (
        <Empty>Aucun message envoyé pour le moment.</Empty>
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
                  À <strong>{m.recipient}</strong>, le {formatDateTime(m.createdAt)}
                </p>
                <details>
                  <summary>Lire le message</summary>
                  <pre className="mail-body">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
