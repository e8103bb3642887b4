import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  Breadcrumb,
  ErrorSummary,
  RequiredNote,
  SelectField,
  TextAreaField,
  TextField,
  apiErrorItems,
  parseApiErrors,
  type ApiErrors,
} from '@essor/web-ui';
import { graphql } from '../gql';
import type { ProposeStructureInput } from '../gql/graphql';
import { paths } from '../lib/paths';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useTerritoryCommunes } from '../lib/useTerritoryCommunes';

export const PROPOSE_STRUCTURE_MUTATION = graphql(`
  mutation ProposeStructure($input: ProposeStructureInput!) {
    proposeStructure(input: $input) {
      id
      status
    }
  }
`);

const LABELS: Record<string, string> = {
  name: 'Nom de la structure',
  siret: 'SIRET',
  communeCode: 'Commune',
  address: 'Adresse',
  website: 'Site web',
  email: 'E-mail de la structure',
  phone: 'Téléphone',
  description: 'Présentation',
  submitterName: 'Votre nom',
  submitterEmail: 'Votre adresse e-mail',
  message: 'Message pour l’équipe',
};

const OPTIONAL_FIELDS = ['siret', 'address', 'website', 'email', 'phone', 'description', 'submitterName', 'message'] as const;
const EMPTY_ERRORS: ApiErrors = { fields: {}, general: [] };
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ProposeStructurePage() {
  useDocumentTitle('Ajouter ma structure');
  const idPrefix = useId().replace(/:/g, '');
  const { communes, loading: communesLoading, error: communesError } = useTerritoryCommunes();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ApiErrors>(EMPTY_ERRORS);
  const [sent, setSent] = useState(false);
  const successRef = useRef<HTMLDivElement>(null);
  const [proposeStructure, { loading }] = useMutation(PROPOSE_STRUCTURE_MUTATION);

  const value = (name: string) => values[name] ?? '';
  const setValue = (name: string, next: string) => setValues((current) => ({ ...current, [name]: next }));
  const fieldId = (name: string) => `${idPrefix}-${name}`;
  const bind = (name: string) => ({
    id: fieldId(name),
    name,
    label: LABELS[name] ?? name,
    value: value(name),
    errors: errors.fields[name],
    onChange: (next: string) => setValue(name, next),
  });

  function validate(): ApiErrors {
    const fields: Record<string, string[]> = {};
    if (value('name').trim().length < 2) fields.name = ['Indiquez le nom de la structure.'];
    if (!value('communeCode').trim()) fields.communeCode = ['Choisissez la commune de la structure.'];
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
    const input: ProposeStructureInput = {
      name: value('name').trim(),
      communeCode: value('communeCode').trim(),
      submitterEmail: value('submitterEmail').trim(),
    };
    for (const field of OPTIONAL_FIELDS) {
      const v = value(field).trim();
      if (v) input[field] = v;
    }
    try {
      await proposeStructure({ variables: { input } });
      setErrors(EMPTY_ERRORS);
      setSent(true);
      requestAnimationFrame(() => successRef.current?.focus());
    } catch (error) {
      setErrors(parseApiErrors(error));
    }
  }

  return (
    <div className="container page page--narrow">
      <Breadcrumb items={[{ label: 'Ajouter ma structure' }]} />
      <h1>Ajouter ma structure</h1>
      {sent ? (
        <div ref={successRef} role="status" className="notice notice--success" tabIndex={-1}>
          <p>
            <strong>Merci, votre proposition a bien été envoyée.</strong>
          </p>
          <p>L'équipe du pôle ESS va la vérifier avant publication dans l'annuaire ; elle vous répondra à l'adresse indiquée.</p>
          <p>
            <Link to={paths.home()}>Revenir à l'accueil</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">
            Votre association, coopérative, mutuelle, fondation ou entreprise de l'ESS agit en Sambre-Avesnois ? Présentez-la :
            l'équipe du pôle vérifie chaque proposition avant de la publier.
          </p>
          <RequiredNote />
          <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
            <ErrorSummary
              title="Le formulaire n'a pas pu être envoyé."
              items={apiErrorItems(errors, fieldId, LABELS)}
              focusOn={errors}
            />
            <fieldset className="form__group">
              <legend>La structure</legend>
              <TextField {...bind('name')} required autoComplete="organization" />
              <TextField
                {...bind('siret')}
                hint="14 chiffres, espaces acceptés. Vous le trouverez sur annuaire-entreprises.data.gouv.fr."
                inputMode="numeric"
              />
              <SelectField
                id={fieldId('communeCode')}
                name="communeCode"
                label={LABELS.communeCode ?? 'Commune'}
                required
                value={value('communeCode')}
                onChange={(next) => setValue('communeCode', next)}
                errors={errors.fields.communeCode}
                hint={communesError ? 'La liste des communes n’a pas pu être chargée.' : undefined}
              >
                <option value="">{communesLoading && communes.length === 0 ? 'Chargement…' : 'Choisir une commune'}</option>
                {communes.map((commune) => (
                  <option key={commune.code} value={commune.code}>
                    {commune.name}
                    {commune.postalCodes[0] ? ` (${commune.postalCodes[0]})` : ''}
                  </option>
                ))}
              </SelectField>
              <TextField {...bind('address')} autoComplete="street-address" />
              <TextField {...bind('website')} type="url" hint="Commence par https:// ou http://" autoComplete="url" />
              <div className="form__row">
                <TextField {...bind('email')} type="email" />
                <TextField {...bind('phone')} type="tel" />
              </div>
              <TextAreaField {...bind('description')} rows={5} hint="Activités, publics, services proposés." />
            </fieldset>
            <fieldset className="form__group">
              <legend>Vous</legend>
              <div className="form__row">
                <TextField {...bind('submitterName')} autoComplete="name" />
                <TextField
                  {...bind('submitterEmail')}
                  type="email"
                  required
                  autoComplete="email"
                  hint="Pour vous répondre ; elle n'est pas publiée."
                />
              </div>
              <TextAreaField {...bind('message')} rows={3} />
            </fieldset>
            <button type="submit" className="button button--primary" aria-disabled={loading}>
              {loading ? 'Envoi en cours…' : 'Envoyer ma proposition'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
