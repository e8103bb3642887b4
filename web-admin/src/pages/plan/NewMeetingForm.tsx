import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success } from '../../components/status';
import { errorMessage } from '../../lib/errors';
import { today, type PlanAction } from './model';
import { CREATE_STEERING_MEETING_MUTATION } from './operations';

interface DecisionDraft {
  key: number;
  text: string;
  owner: string;
  dueOn: string;
  actionNumber: string;
}

/** A new steering committee with its decisions, behind a « Nouveau comité » button. */
export function NewMeetingForm({ actions, onCreated }: { actions: readonly PlanAction[]; onCreated: () => void }) {
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
