import { SelectField, TextAreaField, TextField } from '@essor/web-ui';
import {
  KIND_LABELS,
  SPACE_KINDS,
  SPACE_STATUSES,
  SPACE_STATUS_LABELS,
  spaceFieldLabel,
  type SpaceFormKey,
  type SpaceFormValues,
} from './model';

export const spaceFieldId = (key: SpaceFormKey) => `space-${key}`;

/** The main fields of a space; each message sits under its field. The kind is chosen at creation only. */
export function SpaceFields({
  values,
  onChange,
  errors,
  sectors,
  withKind,
}: {
  values: SpaceFormValues;
  onChange: (key: SpaceFormKey, value: string) => void;
  errors: Partial<Record<SpaceFormKey, string[]>>;
  /** The sectors the viewer may choose (a facilitator: their own), as [slug, name]. */
  sectors: ReadonlyArray<readonly [string, string]>;
  withKind: boolean;
}) {
  const field = (key: SpaceFormKey) => ({
    id: spaceFieldId(key),
    label: spaceFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  return (
    <fieldset className="fieldset">
      <legend>Description de l'espace</legend>
      <div className="form-grid">
        {withKind && <SelectField {...field('kind')} required options={SPACE_KINDS.map((k) => [k, KIND_LABELS[k]] as const)} />}
        <SelectField {...field('sector')} required options={[['', 'Choisir un secteur'], ...sectors]} />
        <SelectField {...field('status')} options={SPACE_STATUSES.map((s) => [s, SPACE_STATUS_LABELS[s]] as const)} />
        <TextField {...field('title')} required maxLength={300} className="field--wide" />
      </div>
      <TextAreaField
        {...field('goal')}
        required
        maxLength={2000}
        rows={3}
        hint="Ce que l'espace cherche à produire ou à changer."
      />
      <TextAreaField {...field('description')} maxLength={5000} />
    </fieldset>
  );
}
