import { CheckboxField, TextAreaField, TextField, formatDate } from '@essor/web-ui';
import { StructurePicker } from '../../components/StructurePicker';
import { personFieldId, personFieldLabel, type PersonFormKey, type PersonFormValues } from './model';

type TextKey = 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle' | 'bio';

/**
 * The fields of a person; each message sits under its field. Once the person was anonymised,
 * the personal fields stay empty (read only): the job title and the structure remain editable.
 * The date of last contact starts the retention period: it changes only when there was a contact.
 */
export function PersonFields({
  values,
  onChange,
  errors,
  readOnly = false,
  anonymisedAt = null,
  creating = false,
}: {
  values: PersonFormValues;
  onChange: <K extends PersonFormKey>(key: K, value: PersonFormValues[K]) => void;
  errors: Partial<Record<PersonFormKey, string[]>>;
  readOnly?: boolean;
  anonymisedAt?: string | null;
  creating?: boolean;
}) {
  const locked = !!anonymisedAt;
  const text = (key: TextKey) => ({
    id: personFieldId(key),
    label: personFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  const personal = (key: TextKey) => ({ ...text(key), readOnly: readOnly || locked });
  return (
    <>
      <fieldset className="fieldset">
        <legend>Identité et coordonnées</legend>
        {locked && (
          <p className="field__hint">
            Données personnelles anonymisées le {formatDate(anonymisedAt)} : elles ne peuvent plus être saisies.
          </p>
        )}
        <div className="form-grid">
          <TextField {...personal('firstName')} maxLength={100} autoComplete="off" />
          <TextField {...personal('lastName')} maxLength={100} autoComplete="off" />
          <TextField {...personal('email')} type="email" maxLength={200} autoComplete="off" />
          <TextField {...personal('phone')} type="tel" maxLength={25} autoComplete="off" hint="Chiffres, espaces et + ( ) . -" />
        </div>
        <CheckboxField
          id={personFieldId('isPublic')}
          label="Profil public : la personne a choisi de rendre ses coordonnées publiques"
          hint={
            locked
              ? undefined
              : 'Enregistrez aussi son consentement (par exemple « contact-public ») sur sa fiche, rubrique « Données personnelles ».'
          }
          checked={values.isPublic}
          onChange={(v) => onChange('isPublic', v)}
          errors={errors.isPublic}
          disabled={readOnly || locked}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Rôle</legend>
        <TextField {...text('jobTitle')} maxLength={200} hint="Fonction ou rôle (ce n'est pas une donnée personnelle)." />
        <TextAreaField {...personal('bio')} maxLength={5000} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Suivi</legend>
        <TextField
          id={personFieldId('lastContactAt')}
          label={personFieldLabel('lastContactAt')}
          type="date"
          value={values.lastContactAt}
          onChange={(v) => onChange('lastContactAt', v)}
          errors={errors.lastContactAt}
          readOnly={readOnly || locked}
          hint={
            locked
              ? 'Données personnelles anonymisées : la durée de conservation ne s’applique plus.'
              : creating
                ? 'Vide : aujourd’hui. Les données personnelles sont conservées 2 ans après le dernier contact.'
                : 'À changer seulement après un échange avec la personne : ses données personnelles sont conservées 2 ans après le dernier contact. Corriger la fiche ne change pas cette date.'
          }
        />
      </fieldset>
      {readOnly ? (
        <fieldset className="fieldset">
          <legend>{personFieldLabel('structure')}</legend>
          <p>{values.structure[0]?.name ?? <span className="muted">Aucune structure.</span>}</p>
        </fieldset>
      ) : (
        <StructurePicker
          id="person-structure"
          legend={personFieldLabel('structure')}
          hint="La structure pour laquelle la personne travaille : en choisir une autre remplace la précédente."
          selected={values.structure}
          // One structure: the one added replaces the previous.
          onChange={(next) => onChange('structure', next.slice(-1))}
          errors={errors.structure}
        />
      )}
    </>
  );
}
