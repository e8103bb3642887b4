import { TextAreaField, TextField } from '@essor/web-ui';
import { PersonPicker } from '../../components/PersonPicker';
import { sectorFieldId, sectorFieldLabel, type SectorFormKey, type SectorFormValues } from './model';

/** The fields of a sector; each message sits under its field. */
export function SectorFields({
  values,
  onChange,
  errors,
  creating,
  readOnly = false,
}: {
  values: SectorFormValues;
  onChange: <K extends SectorFormKey>(key: K, value: SectorFormValues[K]) => void;
  errors: Partial<Record<SectorFormKey, string[]>>;
  creating: boolean;
  readOnly?: boolean;
}) {
  const text = (key: 'slug' | 'name' | 'description') => ({
    id: sectorFieldId(key),
    label: sectorFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  return (
    <>
      <fieldset className="fieldset">
        <legend>Secteur</legend>
        <div className="form-grid">
          <TextField {...text('name')} required={!readOnly} maxLength={120} />
          <TextField
            {...text('slug')}
            required={creating}
            readOnly={!creating}
            maxLength={80}
            hint={
              creating
                ? 'Minuscules, chiffres et tirets (ex. services-a-la-personne). Il sert dans les filtres et ne pourra plus changer.'
                : 'Le code sert dans les filtres : il ne change pas.'
            }
          />
        </div>
        <TextAreaField {...text('description')} maxLength={5000} />
      </fieldset>
      <PersonPicker
        id={sectorFieldId('facilitators')}
        legend={sectorFieldLabel('facilitators')}
        hint={readOnly ? undefined : 'Les personnes qui animent le secteur (20 au plus).'}
        selected={values.facilitators}
        onChange={(next) => onChange('facilitators', next)}
        errors={errors.facilitators}
        disabled={readOnly}
      />
    </>
  );
}
