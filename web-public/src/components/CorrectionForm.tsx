import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { SuggestCorrectionInput } from '../gql/graphql';
import {
  ErrorSummary,
  RequiredNote,
  TextAreaField,
  TextField,
  apiErrorItems,
  parseApiErrors,
  type ApiErrors,
} from '@essor/web-ui';

export const SUGGEST_CORRECTION_MUTATION = graphql(`
  mutation SuggestCorrection($input: SuggestCorrectionInput!) {
    suggestCorrection(input: $input) {
      id
      status
    }
  }
`);

const CORRECTABLE_FIELDS = [
  { name: 'name', label: 'Nom' },
  { name: 'address', label: 'Adresse' },
  { name: 'website', label: 'Site web', type: 'url', hint: 'Commence par https:// ou http://' },
  { name: 'email', label: 'E-mail de la structure', type: 'email' },
  { name: 'phone', label: 'Téléphone', type: 'tel' },
  { name: 'description', label: 'Description', multiline: true },
  { name: 'services', label: 'Services proposés', multiline: true },
] as const;

type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]['name'];

const LABELS: Record<string, string> = {
  ...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f.name, f.label])),
  message: 'Votre message',
  submitterName: 'Votre nom',
  submitterEmail: 'Votre adresse e-mail',
};

const EMPTY_ERRORS: ApiErrors = { fields: {}, general: [] };
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface CorrectionFormProps {
  structureId: string;
  structureName: string;
}

/** « Proposer une correction »: the hub's team moderates the proposal. */
export function CorrectionForm({ structureId, structureName }: CorrectionFormProps) {
  const idPrefix = useId().replace(/:/g, '');
  const [selected, setSelected] = useState<CorrectableField[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ApiErrors>(EMPTY_ERRORS);
  const [sent, setSent] = useState(false);
  const successRef = useRef<HTMLDivElement>(null);
  const [suggestCorrection, { loading }] = useMutation(SUGGEST_CORRECTION_MUTATION);

  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (next: string) => setValues((current) => ({ ...current, [name]: next }));
  const fieldId = (name: string) => `${idPrefix}-${name}`;

  function toggleField(name: CorrectableField, checked: boolean) {
    setSelected((current) => (checked ? [...current, name] : current.filter((f) => f !== name)));
  }

  function validate(): ApiErrors {
    const fields: Record<string, string[]> = {};
    if (value('message').trim().length < 3) fields.message = ['Décrivez la correction (3 caractères au moins).'];
    if (!value('submitterEmail').trim()) fields.submitterEmail = ['Indiquez votre adresse e-mail.'];
    else if (!EMAIL_PATTERN.test(value('submitterEmail').trim()))
      fields.submitterEmail = ["Votre adresse e-mail n'est pas valide."];
    return { fields, general: [] };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const local = validate();
    if (Object.keys(local.fields).length > 0) {
      setErrors(local);
      return;
    }
    const input: SuggestCorrectionInput = {
      structureId,
      message: value('message').trim(),
      submitterEmail: value('submitterEmail').trim(),
    };
    if (value('submitterName').trim()) input.submitterName = value('submitterName').trim();
    for (const field of selected) {
      const v = value(field).trim();
      if (v) input[field] = v;
    }
    try {
      await suggestCorrection({ variables: { input } });
      setErrors(EMPTY_ERRORS);
      setSent(true);
      requestAnimationFrame(() => successRef.current?.focus());
    } catch (error) {
      setErrors(parseApiErrors(error));
    }
  }

  if (sent) {
    return (
      <div ref={successRef} role="status" className="notice notice--success" tabIndex={-1}>
        <p>
          <strong>Merci, votre proposition de correction a bien été envoyée.</strong>
        </p>
        <p>
          L'équipe du pôle ESS la vérifiera avant de mettre à jour la fiche de « {structureName} ». Elle pourra vous répondre à
          l'adresse indiquée.
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSent(false);
            setValues({});
            setSelected([]);
          }}
        >
          Proposer une autre correction
        </button>
      </div>
    );
  }

  const fieldErrors = (name: string) => errors.fields[name];

  return (
    <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-describedby={`${idPrefix}-intro`}>
      <p id={`${idPrefix}-intro`} className="form__intro">
        Une information est inexacte ou manque ? Indiquez-la : l'équipe du pôle vérifie chaque proposition avant de modifier la
        fiche.
      </p>
      <RequiredNote />
      <ErrorSummary
        title="Le formulaire n'a pas pu être envoyé."
        items={apiErrorItems(errors, fieldId, LABELS)}
        focusOn={errors}
      />

      <fieldset className="form__group">
        <legend>Informations à corriger</legend>
        <ul className="checkbox-list">
          {CORRECTABLE_FIELDS.map((field) => (
            <li key={field.name}>
              <label className="facet__option">
                <input
                  type="checkbox"
                  className="facet__checkbox"
                  checked={selected.includes(field.name)}
                  onChange={(event) => toggleField(field.name, event.target.checked)}
                />
                {field.label}
              </label>
            </li>
          ))}
        </ul>
        {CORRECTABLE_FIELDS.filter((field) => selected.includes(field.name) || fieldErrors(field.name)).map((field) =>
          'multiline' in field ? (
            <TextAreaField
              key={field.name}
              id={fieldId(field.name)}
              name={field.name}
              label={`${field.label} corrigé${field.name === 'description' ? 'e' : 's'}`}
              errors={fieldErrors(field.name)}
              value={value(field.name)}
              onChange={set(field.name)}
              rows={4}
            />
          ) : (
            <TextField
              key={field.name}
              id={fieldId(field.name)}
              name={field.name}
              label={`${field.label} (valeur correcte)`}
              hint={'hint' in field ? field.hint : undefined}
              type={'type' in field ? field.type : 'text'}
              errors={fieldErrors(field.name)}
              value={value(field.name)}
              onChange={set(field.name)}
            />
          ),
        )}
      </fieldset>

      <TextAreaField
        id={fieldId('message')}
        name="message"
        label="Votre message"
        hint="Ce qui doit changer et, si possible, votre source."
        required
        errors={fieldErrors('message')}
        value={value('message')}
        onChange={set('message')}
        rows={4}
      />
      <div className="form__row">
        <TextField
          id={fieldId('submitterName')}
          name="submitterName"
          label="Votre nom"
          autoComplete="name"
          errors={fieldErrors('submitterName')}
          value={value('submitterName')}
          onChange={set('submitterName')}
        />
        <TextField
          id={fieldId('submitterEmail')}
          name="submitterEmail"
          label="Votre adresse e-mail"
          hint="Pour vous répondre ; elle n'est pas publiée."
          type="email"
          autoComplete="email"
          required
          errors={fieldErrors('submitterEmail')}
          value={value('submitterEmail')}
          onChange={set('submitterEmail')}
        />
      </div>
      <button type="submit" className="button button--primary" aria-disabled={loading}>
        {loading ? 'Envoi en cours…' : 'Envoyer la correction'}
      </button>
    </form>
  );
}
