import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success, errorCode, errorMessage } from '@essor/web-ui';
import { Field, InputField } from './fields';
import { ACTION_STATUS_LABELS, type PlanAction } from './model';
import { UPDATE_PLAN_ACTION_MUTATION } from './operations';
import { StatusOptions } from './Status';

/** Status and owner of an action; on a version conflict the current version is reloaded. */
export function ActionStatusForm({ action, onConflict }: { action: PlanAction; onConflict: () => void }) {
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
      <Field id={`${id}-status`} label="Statut">
        <select id={`${id}-status`} className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
          <StatusOptions labels={ACTION_STATUS_LABELS} />
        </select>
      </Field>
      <InputField id={`${id}-owner`} label="Responsable" value={owner} onChange={setOwner} />
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Enregistrer
      </button>
      {message?.kind === 'ok' && <Success>{message.text}</Success>}
      {message && message.kind !== 'ok' && <ErrorNotice>{message.text}</ErrorNotice>}
    </form>
  );
}
