import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice, Loading, errorMessage, formatDate } from '@essor/web-ui';
import { CompactTable } from '../../components/CompactTable';
import { DECISION_STATUS_LABELS, type Decision, type Meeting, type PlanAction } from './model';
import { NewMeetingForm } from './NewMeetingForm';
import { STEERING_MEETINGS_QUERY, UPDATE_STEERING_DECISION_MUTATION } from './operations';
import { StatusBadge, StatusOptions } from './Status';

/** The steering committees and their decisions; the mission records a committee and follows its decisions. */
export function MeetingsSection({ admin, actions }: { admin: boolean; actions: readonly PlanAction[] }) {
  const { data, error, refetch } = useQuery(STEERING_MEETINGS_QUERY);
  const meetings = data?.steeringMeetings;
  return (
    <section className="section" aria-labelledby="plan-meetings">
      <h2 id="plan-meetings">Comités de pilotage</h2>
      {admin && <NewMeetingForm actions={actions} onCreated={() => void refetch()} />}
      {error && !meetings ? (
        <ErrorNotice onRetry={() => void refetch()}>{errorMessage(error, "Les comités n'ont pas pu être chargés.")}</ErrorNotice>
      ) : !meetings ? (
        <Loading>Chargement des comités…</Loading>
      ) : meetings.length === 0 ? (
        <p className="notice notice--empty">Aucun comité enregistré.</p>
      ) : (
        meetings.map((m) => <MeetingCard key={m.id} meeting={m} admin={admin} onChanged={() => void refetch()} />)
      )}
    </section>
  );
}

function MeetingCard({ meeting, admin, onChanged }: { meeting: Meeting; admin: boolean; onChanged: () => void }) {
  const titleId = useId();
  return (
    <article className="card meeting" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        {meeting.title} — {formatDate(meeting.heldOn)}
      </h3>
      {meeting.notes && <p>{meeting.notes}</p>}
      {meeting.decisions.length === 0 ? (
        <p className="muted">Aucune décision.</p>
      ) : (
        <CompactTable
          caption={`Décisions du comité du ${formatDate(meeting.heldOn)}`}
          columns={['Décision', 'Action', 'Responsable', 'Échéance', 'Statut', 'Suivi']}
        >
          {meeting.decisions.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.text}</th>
              <td>{d.actionNumber ?? '—'}</td>
              <td>{d.owner ?? '—'}</td>
              <td>{formatDate(d.dueOn)}</td>
              <td>
                <StatusBadge status={d.status} labels={DECISION_STATUS_LABELS} />
              </td>
              <td>{admin ? <DecisionForm decision={d} onSaved={onChanged} /> : (d.followUp ?? '—')}</td>
            </tr>
          ))}
        </CompactTable>
      )}
    </article>
  );
}

function DecisionForm({ decision, onSaved }: { decision: Decision; onSaved: () => void }) {
  const id = useId();
  const [status, setStatus] = useState(decision.status);
  const [followUp, setFollowUp] = useState(decision.followUp ?? '');
  const [save, { loading, error }] = useMutation(UPDATE_STEERING_DECISION_MUTATION);
  return (
    <form
      className="decision-form"
      aria-label={`Suivi de la décision « ${decision.text} »`}
      onSubmit={(e) => {
        e.preventDefault();
        void save({ variables: { id: decision.id, status, followUp: followUp.trim() || null } })
          .then(onSaved)
          .catch(() => undefined);
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-status`}>
        Statut de la décision
      </label>
      <select id={`${id}-status`} className="input input--inline" value={status} onChange={(e) => setStatus(e.target.value)}>
        <StatusOptions labels={DECISION_STATUS_LABELS} />
      </select>
      <label className="visually-hidden" htmlFor={`${id}-follow`}>
        Suivi
      </label>
      <input id={`${id}-follow`} className="input input--inline" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
      <button type="submit" className="button button--secondary button--small" disabled={loading}>
        Mettre à jour
      </button>
      {error && <ErrorNotice>{errorMessage(error)}</ErrorNotice>}
    </form>
  );
}
