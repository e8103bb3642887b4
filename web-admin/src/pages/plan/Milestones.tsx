import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success } from '../../components/status';
import { formatDate } from '../../format';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { today, type Milestone, type PlanAction } from './model';
import { ADD_PLAN_MILESTONE_MUTATION, SET_PLAN_MILESTONE_DONE_MUTATION } from './operations';

/** The milestones of an action, as a table; the mission marks them done and adds new ones. */
export function Milestones({ action, admin, onChanged }: { action: PlanAction; admin: boolean; onChanged: () => void }) {
  return (
    <>
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
    </>
  );
}

/** Marks a milestone done today, or not done again. */
function MilestoneDoneButton({ milestone, onChanged }: { milestone: Milestone; onChanged: () => void }) {
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

function MilestoneForm({ action, onAdded }: { action: PlanAction; onAdded: () => void }) {
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
