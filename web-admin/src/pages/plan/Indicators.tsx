import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorNotice, Success, errorMessage, formatDate } from '@essor/web-ui';
import { CompactTable } from '../../components/CompactTable';
import { InputField } from './fields';
import { fmt, progressText, today, type Indicator } from './model';
import { RECORD_INDICATOR_VALUE_MUTATION } from './operations';

/** One indicator of an action: its progress, its history and, for a value typed in, the form to record one. */
export function IndicatorPanel({
  indicator: ind,
  admin,
  onRecorded,
}: {
  indicator: Indicator;
  admin: boolean;
  onRecorded: () => void;
}) {
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
          <CompactTable caption={`Historique de « ${ind.title} »`} columns={['Date', 'Valeur', 'Source', 'Note']}>
            {ind.history.map((h, i) => (
              <tr key={`${h.measuredOn}-${i}`}>
                <th scope="row">{formatDate(h.measuredOn)}</th>
                <td>{fmt(h.value)}</td>
                <td>{h.source === 'COMPUTED' ? 'Calcul' : 'Saisie'}</td>
                <td>{h.note ?? ''}</td>
              </tr>
            ))}
          </CompactTable>
        </details>
      )}
      {admin && !ind.computedKey && <RecordValueForm indicator={ind} onRecorded={onRecorded} />}
    </div>
  );
}

/** Records a value typed in for an indicator (the computed ones are measured by the API). */
function RecordValueForm({ indicator, onRecorded }: { indicator: Indicator; onRecorded: () => void }) {
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
      <InputField id={`${id}-date`} label="Date de mesure" type="date" required value={measuredOn} onChange={setMeasuredOn} />
      <InputField
        id={`${id}-value`}
        label={<>Valeur{indicator.unit ? ` (${indicator.unit})` : ''}</>}
        inputMode="decimal"
        value={value}
        errors={invalid ? [invalid] : undefined}
        errorId={`${id}-error`}
        onChange={setValue}
      />
      <InputField id={`${id}-note`} label="Note" value={note} onChange={setNote} />
      <button type="submit" className="button button--primary button--small" disabled={loading}>
        Enregistrer la valeur
      </button>
      {done && <Success>Valeur enregistrée.</Success>}
      {error && <ErrorNotice>{errorMessage(error)}</ErrorNotice>}
    </form>
  );
}
