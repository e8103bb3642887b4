import { SelectField, TextAreaField, TextField } from '@essor/web-ui';
import { PersonPicker } from '../../components/PersonPicker';
import {
  carrierProjectFieldId,
  carrierProjectFieldLabel,
  type CarrierProjectFormKey,
  type CarrierProjectFormValues,
} from './model';

/** The project's own fields; each message sits under its field. The carrier and the day of welcome at creation only. */
export function CarrierProjectFields({
  values,
  onChange,
  errors,
  sectors,
  creating,
  readOnly = false,
}: {
  values: CarrierProjectFormValues;
  onChange: <K extends CarrierProjectFormKey>(key: K, value: CarrierProjectFormValues[K]) => void;
  errors: Partial<Record<CarrierProjectFormKey, string[]>>;
  sectors: ReadonlyArray<{ slug: string; name: string }>;
  creating: boolean;
  readOnly?: boolean;
}) {
  const text = (key: 'title' | 'description' | 'communeCode' | 'sectorSlug' | 'receivedOn') => ({
    id: carrierProjectFieldId(key),
    label: carrierProjectFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  // The project's sector stays listed even if it was archived since.
  const sectorOptions =
    sectors.some((s) => s.slug === values.sectorSlug) || !values.sectorSlug
      ? sectors
      : [...sectors, { slug: values.sectorSlug, name: values.sectorSlug }];
  return (
    <>
      {creating && (
        <PersonPicker
          id={carrierProjectFieldId('person')}
          legend={carrierProjectFieldLabel('person')}
          hint="Créez d'abord sa fiche dans « Personnes » si besoin ; elle ne pourra plus changer."
          selected={values.person}
          onChange={(next) => onChange('person', next)}
          errors={errors.person}
          single
          required
        />
      )}
      <fieldset className="fieldset">
        <legend>Projet</legend>
        <div className="form-grid">
          <TextField {...text('title')} required={!readOnly} maxLength={200} />
          <TextField
            {...text('communeCode')}
            maxLength={5}
            inputMode="numeric"
            autoComplete="off"
            hint="Par exemple 59392 pour Maubeuge."
          />
          <SelectField
            {...text('sectorSlug')}
            options={[['', 'Aucun secteur'], ...sectorOptions.map((s) => [s.slug, s.name] as const)]}
          />
          {creating && <TextField {...text('receivedOn')} type="date" hint="Par défaut : aujourd'hui." />}
        </div>
        <TextAreaField
          {...text('description')}
          maxLength={5000}
          hint="Évitez d'y écrire des données personnelles qui ne servent pas au suivi du projet."
        />
      </fieldset>
    </>
  );
}
