import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success, errorMessage } from '@essor/web-ui';
import { Field, InputField } from './fields';
import { today, type PlanAction } from './model';
import { CREATE_STEERING_MEETING_MUTATION } from './operations';

/** A decision being written in the new committee's form; `key` tells the drafts apart. */
interface DecisionDraft {
  key: number;
  text: string;
  owner: string;
  dueOn: string;
  actionNumber: string;
}

/** The list of decision drafts: add one, patch one, remove one, clear them all. */
function useDecisionDrafts() {
  const [drafts, setDrafts] = useState<DecisionDraft[]>([]);
  return {
    drafts,
    add: () => setDrafts((ds) => [...ds, { key: Date.now() + ds.length, text: '', owner: '', dueOn: '', actionNumber: '' }]),
    patch: (key: number, p: Partial<DecisionDraft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...p } : d))),
    remove: (key: number) => setDrafts((ds) => ds.filter((x) => x.key !== key)),
    clear: () => setDrafts([]),
  };
}

/** The written decisions, as the API's decision inputs (the empty ones are left out). */
const decisionInputs = (drafts: readonly DecisionDraft[]) =>
  drafts
    .filter((d) => d.text.trim())
    .map((d) => ({
      text: d.text.trim(),
      owner: d.owner.trim() || null,
      dueOn: d.dueOn || null,
      actionNumber: d.actionNumber ? Number(d.actionNumber) : null,
    }));

/** A new steering committee with its decisions, behind a « Nouveau comité » button. */
export function NewMeetingForm({ actions, onCreated }: { actions: readonly PlanAction[]; onCreated: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [heldOn, setHeldOn] = useState(today());
  const [title, setTitle] = useState('Comité de pilotage');
  const [notes, setNotes] = useState('');
  const decisions = useDecisionDrafts();
  const [done, setDone] = useState(false);
  const [create, { loading, error }] = useMutation(CREATE_STEERING_MEETING_MUTATION);
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
          input: { heldOn, title: title.trim(), notes: notes.trim() || null, decisions: decisionInputs(decisions.drafts) },
        },
      });
    } catch {
      return;
    }
    setOpen(false);
    setDone(true);
    decisions.clear();
    setNotes('');
    onCreated();
  };
  return (
    <form className="form card" aria-label="Nouveau comité de pilotage" onSubmit={(e) => void onSubmit(e)}>
      <div className="form-grid">
        <InputField id={`${id}-date`} label="Date" type="date" required value={heldOn} onChange={setHeldOn} />
        <InputField id={`${id}-title`} label="Titre" required value={title} onChange={setTitle} />
        <Field id={`${id}-notes`} label="Relevé" wide>
          <textarea id={`${id}-notes`} className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
      </div>
      {decisions.drafts.map((d, i) => (
        <DecisionFieldset
          key={d.key}
          draft={d}
          index={i}
          idPrefix={`${id}-d${d.key}`}
          actions={actions}
          onPatch={(p) => decisions.patch(d.key, p)}
          onRemove={() => decisions.remove(d.key)}
        />
      ))}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={decisions.add}>
          Ajouter une décision
        </button>
        <button type="submit" className="button button--primary" disabled={loading}>
          Enregistrer le comité
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Annuler
        </button>
      </div>
      {error && <ErrorNotice>{errorMessage(error)}</ErrorNotice>}
    </form>
  );
}

/** The fields of one decision draft (« Décision 1 », « Décision 2 »…), with its own remove button. */
function DecisionFieldset({
  draft: d,
  index: i,
  idPrefix,
  actions,
  onPatch,
  onRemove,
}: {
  draft: DecisionDraft;
  index: number;
  idPrefix: string;
  actions: readonly PlanAction[];
  onPatch: (p: Partial<DecisionDraft>) => void;
  onRemove: () => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>Décision {i + 1}</legend>
      <div className="form-grid">
        <InputField
          id={`${idPrefix}-text`}
          label="Décision"
          wide
          required
          value={d.text}
          onChange={(text) => onPatch({ text })}
        />
        <InputField id={`${idPrefix}-owner`} label="Responsable" value={d.owner} onChange={(owner) => onPatch({ owner })} />
        <InputField
          id={`${idPrefix}-due`}
          label="Échéance"
          type="date"
          value={d.dueOn}
          onChange={(dueOn) => onPatch({ dueOn })}
        />
        <Field id={`${idPrefix}-action`} label="Action liée">
          <select
            id={`${idPrefix}-action`}
            className="input"
            value={d.actionNumber}
            onChange={(e) => onPatch({ actionNumber: e.target.value })}
          >
            <option value="">Aucune</option>
            {actions.map((a) => (
              <option key={a.number} value={a.number}>
                {a.number}. {a.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="button" className="button button--danger-outline button--small" onClick={onRemove}>
        Retirer la décision {i + 1}
      </button>
    </fieldset>
  );
}
