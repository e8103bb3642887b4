import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success, errorMessage, fieldErrorsOf, formatDate } from '@essor/web-ui';
import { CompactTable } from '../../components/CompactTable';
import { InputField } from './fields';
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
        <CompactTable
          caption={`Jalons de l'action ${action.number}`}
          columns={['Jalon', 'Échéance', 'Réalisé le', ...(admin ? ['Suivi'] : [])]}
        >
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
        </CompactTable>
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
  return (
    <form
      className="form form--inline plan-action__edit"
      aria-label={`Ajouter un jalon à l'action ${action.number}`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <InputField
        id={fieldId('title')}
        label="Intitulé du jalon"
        required
        maxLength={300}
        value={title}
        errors={errors.title}
        onChange={setTitle}
      />
      <InputField
        id={fieldId('dueOn')}
        label="Échéance du jalon"
        type="date"
        value={dueOn}
        errors={errors.dueOn}
        onChange={setDueOn}
      />
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Ajouter le jalon
      </button>
      {done && <Success>Jalon ajouté.</Success>}
      {general && <ErrorNotice>{general}</ErrorNotice>}
    </form>
  );
}
