import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ErrorNotice, Loading, Success } from '../../components/status';
import { formatDate, formatNumber, errorCode, errorMessage, fieldErrorsOf } from '@essor/web-ui';
import { usePageTitle } from '../../lib/usePageTitle';
import type { PlanActionFieldsFragment, SteeringMeetingsQuery } from '../../gql/graphql';
import {
  ADD_PLAN_MILESTONE_MUTATION,
  CREATE_STEERING_MEETING_MUTATION,
  PLAN_QUERY,
  RECORD_INDICATOR_VALUE_MUTATION,
  SET_PLAN_MILESTONE_DONE_MUTATION,
  STEERING_MEETINGS_QUERY,
  UPDATE_PLAN_ACTION_MUTATION,
  UPDATE_STEERING_DECISION_MUTATION,
} from './operations';

export const ACTION_STATUS_LABELS: Record<string, string> = {
  NOT_STARTED: 'Non démarrée',
  ON_TRACK: 'En bonne voie',
  AT_RISK: 'À risque',
  LATE: 'En retard',
  DONE: 'Terminée',
};

export const DECISION_STATUS_LABELS: Record<string, string> = {
  OPEN: 'À engager',
  IN_PROGRESS: 'En cours',
  DONE: 'Réalisée',
  DROPPED: 'Abandonnée',
};

const STATUS_BADGE: Record<string, string> = {
  NOT_STARTED: 'badge--archived',
  ON_TRACK: 'badge--accepted',
  AT_RISK: 'badge--pending',
  LATE: 'badge--rejected',
  DONE: 'badge--accepted',
  OPEN: 'badge--pending',
  IN_PROGRESS: 'badge--pending',
  DROPPED: 'badge--archived',
};

function StatusBadge({ status, labels }: { status: string; labels: Record<string, string> }) {
  return <span className={`badge ${STATUS_BADGE[status] ?? ''}`}>{labels[status] ?? status}</span>;
}

const today = () => new Date().toISOString().slice(0, 10);
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(Math.round(v * 100) / 100));

export function PlanPage() {
  usePageTitle("Plan d'action");
  const { viewer } = useViewer();
  const admin = isAdmin(viewer?.roles);
  const { data, error, refetch } = useQuery(PLAN_QUERY);
  const actions = data?.planActions;
  return (
    <>
      <h1>Plan d'action</h1>
      <p className="lead">
        Les actions du plan, leurs objectifs, jalons et indicateurs ; les comités de pilotage et leurs décisions.
      </p>
      <section className="section" aria-labelledby="plan-actions">
        <h2 id="plan-actions">Actions{actions ? ` (${actions.length})` : ''}</h2>
        {error && !actions ? (
          <ErrorNotice message={errorMessage(error, "Le plan d'action n'a pas pu être chargé.")} onRetry={() => void refetch()} />
        ) : !actions ? (
          <Loading>Chargement du plan d'action…</Loading>
        ) : (
          <div className="card-list">
            {actions.map((a) => (
              <ActionCard key={a.id} action={a} admin={admin} onChanged={() => void refetch()} />
            ))}
          </div>
        )}
      </section>
      <MeetingsSection admin={admin} actions={actions ?? []} />
    </>
  );
}

function ActionCard({ action, admin, onChanged }: { action: PlanActionFieldsFragment; admin: boolean; onChanged: () => void }) {
  const titleId = useId();
  return (
    <article className="card plan-action" aria-labelledby={titleId}>
      <div className="plan-action__header">
        <h3 id={titleId} className="card__title">
          Action {action.number} — {action.title}
        </h3>
        <StatusBadge status={action.status} labels={ACTION_STATUS_LABELS} />
      </div>
      <p className="meta">Responsable : {action.owner || 'non désigné·e'}</p>
      {action.description && <p>{action.description}</p>}
      {action.objectives.length > 0 && (
        <>
          <h4>Objectifs</h4>
          <ul>
            {action.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </>
      )}
      <h4>Jalons</h4>
      {action.milestones.length === 0 ? (
        <p className="muted">Aucun jalon.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption>Jalons de l'action {action.number}</caption>
            <thead>
              <tr>
                <th scope="col">Jalon</th>
                <th scope="col">Échéance</th>
                <th scope="col">Réalisé le</th>
                {admin && <th scope="col">Suivi</th>}
              </tr>
            </thead>
            <tbody>
              {action.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.title}</th>
                  <td>{formatDate(m.dueOn)}</td>
                  <td>{m.doneOn ? formatDate(m.doneOn) : 'à venir'}</td>
                  {admin && (
                    <td>
                      <MilestoneDoneButton milestone={m} onChanged={onChanged} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && <MilestoneForm action={action} onAdded={onChanged} />}
      {action.indicators.map((ind) => (
        <Indicator key={ind.id} indicator={ind} admin={admin} onRecorded={onChanged} />
      ))}
      {admin && <ActionStatusForm action={action} onConflict={onChanged} />}
    </article>
  );
}

type MilestoneT = PlanActionFieldsFragment['milestones'][number];

/** Marks a milestone done today, or not done again. */
function MilestoneDoneButton({ milestone, onChanged }: { milestone: MilestoneT; onChanged: () => void }) {
  const [setDone, { loading, error }] = useMutation(SET_PLAN_MILESTONE_DONE_MUTATION);
  const done = !!milestone.doneOn;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={loading}
        aria-busy={loading || undefined}
        aria-label={`${done ? 'Marquer non réalisé' : 'Marquer réalisé'} : ${milestone.title}`}
        onClick={() =>
          void setDone({ variables: { id: milestone.id, doneOn: done ? null : today() } })
            .then(onChanged)
            .catch(() => undefined)
        }
      >
        {done ? 'Marquer non réalisé' : 'Marquer réalisé'}
      </button>
      {error && (
        <p role="alert" className="field__error">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}

type MilestoneKey = 'title' | 'dueOn';

function MilestoneForm({ action, onAdded }: { action: PlanActionFieldsFragment; onAdded: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Partial<Record<MilestoneKey, string[]>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [add, { loading }] = useMutation(ADD_PLAN_MILESTONE_MUTATION);
  const fieldId = (k: MilestoneKey) => `${id}-${k}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setGeneral(null);
    if (title.trim().length < 2) {
      setErrors({ title: ['Intitulé trop court.'] });
      document.getElementById(fieldId('title'))?.focus();
      return;
    }
    setErrors({});
    try {
      await add({ variables: { number: action.number, title: title.trim(), dueOn: dueOn || null } });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const own: Partial<Record<MilestoneKey, string[]>> = {};
      if (fields.title) own.title = fields.title;
      if (fields.dueOn) own.dueOn = fields.dueOn;
      setErrors(own);
      const first = (Object.keys(own) as MilestoneKey[])[0];
      if (first) document.getElementById(fieldId(first))?.focus();
      else setGeneral(errorMessage(err));
      return;
    }
    setTitle('');
    setDueOn('');
    setDone(true);
    onAdded();
  };
  const describedBy = (k: MilestoneKey) => (errors[k]?.length ? `${fieldId(k)}-error` : undefined);
  return (
    <form
      className="form form--inline plan-action__edit"
      aria-label={`Ajouter un jalon à l'action ${action.number}`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="field">
        <label className="field__label" htmlFor={fieldId('title')}>
          Intitulé du jalon
        </label>
        <input
          id={fieldId('title')}
          className="input"
          required
          maxLength={300}
          value={title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        {errors.title && (
          <p id={`${fieldId('title')}-error`} className="field__error">
            {errors.title.join(' ')}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={fieldId('dueOn')}>
          Échéance du jalon
        </label>
        <input
          id={fieldId('dueOn')}
          className="input"
          type="date"
          value={dueOn}
          aria-invalid={errors.dueOn ? true : undefined}
          aria-describedby={describedBy('dueOn')}
          onChange={(e) => setDueOn(e.target.value)}
        />
        {errors.dueOn && (
          <p id={`${fieldId('dueOn')}-error`} className="field__error">
            {errors.dueOn.join(' ')}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Ajouter le jalon
      </button>
      {done && <Success>Jalon ajouté.</Success>}
      {general && <ErrorNotice message={general} />}
    </form>
  );
}

type IndicatorT = PlanActionFieldsFragment['indicators'][number];

/** « 12 / 20 structures (60 %) », or the value alone without a target. */
export function progressText(ind: Pick<IndicatorT, 'current' | 'target' | 'unit'>): string {
  const unit = ind.unit ? ` ${ind.unit}` : '';
  if (ind.current === null || ind.current === undefined)
    return `Aucune valeur${ind.target ? ` (cible : ${fmt(ind.target)}${unit})` : ''}`;
  if (!ind.target) return `${fmt(ind.current)}${unit}`;
  return `${fmt(ind.current)} / ${fmt(ind.target)}${unit} (${Math.round((ind.current / ind.target) * 100)} %)`;
}

function Indicator({ indicator: ind, admin, onRecorded }: { indicator: IndicatorT; admin: boolean; onRecorded: () => void }) {
  const labelId = useId();
  const textId = useId();
  return (
    <div className="indicator">
      <h4 id={labelId}>
        {ind.title} <span className="muted">({ind.computedKey ? 'calculé' : 'saisi'})</span>
      </h4>
      {ind.target ? (
        <progress
          className="indicator__bar"
          max={ind.target}
          value={Math.min(ind.current ?? 0, ind.target)}
          aria-labelledby={labelId}
          aria-describedby={textId}
        />
      ) : null}
      <p id={textId} className="indicator__text">
        {progressText(ind)}
      </p>
      {ind.history.length > 0 && (
        <details className="indicator__history">
          <summary>Historique ({ind.history.length})</summary>
          <div className="table-wrapper">
            <table className="data-table data-table--compact">
              <caption>Historique de « {ind.title} »</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Valeur</th>
                  <th scope="col">Source</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {ind.history.map((h, i) => (
                  <tr key={`${h.measuredOn}-${i}`}>
                    <th scope="row">{formatDate(h.measuredOn)}</th>
                    <td>{fmt(h.value)}</td>
                    <td>{h.source === 'COMPUTED' ? 'Calcul' : 'Saisie'}</td>
                    <td>{h.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {admin && !ind.computedKey && <RecordValueForm indicator={ind} onRecorded={onRecorded} />}
    </div>
  );
}

function RecordValueForm({ indicator, onRecorded }: { indicator: IndicatorT; onRecorded: () => void }) {
  const id = useId();
  const [measuredOn, setMeasuredOn] = useState(today());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [record, { loading, error }] = useMutation(RECORD_INDICATOR_VALUE_MUTATION);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n)) {
      setInvalid('Saisissez un nombre.');
      return;
    }
    setInvalid(null);
    try {
      await record({ variables: { code: indicator.code, measuredOn, value: n, note: note.trim() || null } });
    } catch {
      return;
    }
    setValue('');
    setNote('');
    setDone(true);
    onRecorded();
  };
  return (
    <form
      className="form--inline indicator__form"
      aria-label={`Saisir une valeur pour « ${indicator.title} »`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-date`}>
          Date de mesure
        </label>
        <input
          id={`${id}-date`}
          className="input"
          type="date"
          required
          value={measuredOn}
          onChange={(e) => setMeasuredOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-value`}>
          Valeur{indicator.unit ? ` (${indicator.unit})` : ''}
        </label>
        <input
          id={`${id}-value`}
          className="input"
          inputMode="decimal"
          value={value}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {invalid && (
          <p id={`${id}-error`} className="field__error">
            {invalid}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          Note
        </label>
        <input id={`${id}-note`} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Enregistrer la valeur
      </button>
      {done && <Success>Valeur enregistrée.</Success>}
      {error && <ErrorNotice message={errorMessage(error)} />}
    </form>
  );
}

function ActionStatusForm({ action, onConflict }: { action: PlanActionFieldsFragment; onConflict: () => void }) {
  const id = useId();
  const [status, setStatus] = useState(action.status);
  const [owner, setOwner] = useState(action.owner ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'conflict' | 'error'; text: string } | null>(null);
  const [update, { loading }] = useMutation(UPDATE_PLAN_ACTION_MUTATION);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await update({ variables: { number: action.number, version: action.version, status, owner: owner.trim() || null } });
      setMessage({ kind: 'ok', text: 'Action mise à jour.' });
    } catch (err) {
      if (errorCode(err) === 'CONFLICT') {
        setMessage({
          kind: 'conflict',
          text: "Cette action a été modifiée par quelqu'un d'autre entre-temps : la version actuelle est rechargée, vérifiez-la puis réappliquez votre changement.",
        });
        onConflict();
      } else {
        setMessage({ kind: 'error', text: errorMessage(err) });
      }
    }
  };
  return (
    <form
      className="form--inline plan-action__edit"
      aria-label={`Modifier l'action ${action.number}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-status`}>
          Statut
        </label>
        <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
          {Object.entries(ACTION_STATUS_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-owner`}>
          Responsable
        </label>
        <input id={`${id}-owner`} className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Enregistrer
      </button>
      {message?.kind === 'ok' && <Success>{message.text}</Success>}
      {message && message.kind !== 'ok' && <ErrorNotice message={message.text} />}
    </form>
  );
}

type Meeting = SteeringMeetingsQuery['steeringMeetings'][number];

function MeetingsSection({ admin, actions }: { admin: boolean; actions: readonly PlanActionFieldsFragment[] }) {
  const { data, error, refetch } = useQuery(STEERING_MEETINGS_QUERY);
  const meetings = data?.steeringMeetings;
  return (
    <section className="section" aria-labelledby="plan-meetings">
      <h2 id="plan-meetings">Comités de pilotage</h2>
      {admin && <NewMeetingForm actions={actions} onCreated={() => void refetch()} />}
      {error && !meetings ? (
        <ErrorNotice message={errorMessage(error, "Les comités n'ont pas pu être chargés.")} onRetry={() => void refetch()} />
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
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption>Décisions du comité du {formatDate(meeting.heldOn)}</caption>
            <thead>
              <tr>
                <th scope="col">Décision</th>
                <th scope="col">Action</th>
                <th scope="col">Responsable</th>
                <th scope="col">Échéance</th>
                <th scope="col">Statut</th>
                <th scope="col">Suivi</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function DecisionForm({ decision, onSaved }: { decision: Meeting['decisions'][number]; onSaved: () => void }) {
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
        {Object.entries(DECISION_STATUS_LABELS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-follow`}>
        Suivi
      </label>
      <input id={`${id}-follow`} className="input input--inline" value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
      <button type="submit" className="button button--secondary button--small" disabled={loading}>
        Mettre à jour
      </button>
      {error && <ErrorNotice message={errorMessage(error)} />}
    </form>
  );
}

interface DecisionDraft {
  key: number;
  text: string;
  owner: string;
  dueOn: string;
  actionNumber: string;
}

function NewMeetingForm({ actions, onCreated }: { actions: readonly PlanActionFieldsFragment[]; onCreated: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [heldOn, setHeldOn] = useState(today());
  const [title, setTitle] = useState('Comité de pilotage');
  const [notes, setNotes] = useState('');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [done, setDone] = useState(false);
  const [create, { loading, error }] = useMutation(CREATE_STEERING_MEETING_MUTATION);
  const patch = (key: number, p: Partial<DecisionDraft>) =>
    setDecisions((ds) => ds.map((d) => (d.key === key ? { ...d, ...p } : d)));
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => (setOpen(true), setDone(false))}>
          Nouveau comité
        </button>
        {done && <Success>Comité enregistré.</Success>}
      </div>
    );
  }
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await create({
        variables: {
          input: {
            heldOn,
            title: title.trim(),
            notes: notes.trim() || null,
            decisions: decisions
              .filter((d) => d.text.trim())
              .map((d) => ({
                text: d.text.trim(),
                owner: d.owner.trim() || null,
                dueOn: d.dueOn || null,
                actionNumber: d.actionNumber ? Number(d.actionNumber) : null,
              })),
          },
        },
      });
    } catch {
      return;
    }
    setOpen(false);
    setDone(true);
    setDecisions([]);
    setNotes('');
    onCreated();
  };
  return (
    <form className="form card" aria-label="Nouveau comité de pilotage" onSubmit={(e) => void onSubmit(e)}>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-date`}>
            Date
          </label>
          <input
            id={`${id}-date`}
            className="input"
            type="date"
            required
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            Titre
          </label>
          <input id={`${id}-title`} className="input" required value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field field--wide">
          <label className="field__label" htmlFor={`${id}-notes`}>
            Relevé
          </label>
          <textarea id={`${id}-notes`} className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
      </div>
      {decisions.map((d, i) => (
        <fieldset key={d.key} className="fieldset">
          <legend>Décision {i + 1}</legend>
          <div className="form-grid">
            <div className="field field--wide">
              <label className="field__label" htmlFor={`${id}-d${d.key}-text`}>
                Décision
              </label>
              <input
                id={`${id}-d${d.key}-text`}
                className="input"
                required
                value={d.text}
                onChange={(e) => patch(d.key, { text: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-d${d.key}-owner`}>
                Responsable
              </label>
              <input
                id={`${id}-d${d.key}-owner`}
                className="input"
                value={d.owner}
                onChange={(e) => patch(d.key, { owner: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-d${d.key}-due`}>
                Échéance
              </label>
              <input
                id={`${id}-d${d.key}-due`}
                className="input"
                type="date"
                value={d.dueOn}
                onChange={(e) => patch(d.key, { dueOn: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-d${d.key}-action`}>
                Action liée
              </label>
              <select
                id={`${id}-d${d.key}-action`}
                className="input"
                value={d.actionNumber}
                onChange={(e) => patch(d.key, { actionNumber: e.target.value })}
              >
                <option value="">Aucune</option>
                {actions.map((a) => (
                  <option key={a.number} value={a.number}>
                    {a.number}. {a.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button
            type="button"
            className="button button--danger-outline button--small"
            onClick={() => setDecisions((ds) => ds.filter((x) => x.key !== d.key))}
          >
            Retirer la décision {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setDecisions((ds) => [...ds, { key: Date.now() + ds.length, text: '', owner: '', dueOn: '', actionNumber: '' }])
          }
        >
          Ajouter une décision
        </button>
        <button type="submit" className="button button--primary" disabled={loading}>
          Enregistrer le comité
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Annuler
        </button>
      </div>
      {error && <ErrorNotice message={errorMessage(error)} />}
    </form>
  );
}
