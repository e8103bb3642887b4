import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '@essor/web-ui';
import { ESS_FAMILIES, ESS_FAMILY_LABELS, STATUSES, STATUS_LABELS, WORKFORCE_RANGE_LABELS, fieldLabel } from '../../lib/labels';
import type { FormKey, StructureFormValues } from './model';

export const fieldId = (key: FormKey) => `structure-${key}`;

interface Props {
  values: StructureFormValues;
  onChange: <K extends FormKey>(key: K, value: StructureFormValues[K]) => void;
  errors: Partial<Record<FormKey, string[]>>;
  sectors: ReadonlyArray<{ slug: string; name: string }>;
  networks: ReadonlyArray<{ slug: string; name: string }>;
  /** Mission admins: publication status. */
  canPublish: boolean;
  /** Explanation of the derived ESS family (edit mode). */
  essFamilyHint?: string | undefined;
  communeName?: string | undefined;
}

/** Every editable field of a structure, grouped in fieldsets; each message sits under its field. */
export function StructureFields({ values, onChange, errors, sectors, networks, canPublish, essFamilyHint, communeName }: Props) {
  const text = (
    key: Exclude<FormKey, 'acceptsInterns' | 'seeksVolunteers' | 'esus' | 'markVerified' | 'sectors' | 'networks'>,
  ) => ({
    id: fieldId(key),
    label: fieldLabel(key),
    value: values[key] as string,
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  const check = (key: 'acceptsInterns' | 'seeksVolunteers' | 'esus') => ({
    id: fieldId(key),
    label: fieldLabel(key),
    checked: values[key],
    onChange: (v: boolean) => onChange(key, v),
    errors: errors[key],
  });

  return (
    <>
      <fieldset className="fieldset">
        <legend>Identité</legend>
        <div className="form-grid">
          <TextField {...text('name')} required autoComplete="organization" maxLength={300} />
          <TextField {...text('siret')} inputMode="numeric" hint="14 chiffres (espaces acceptés). Laissez vide pour l'effacer." />
          <TextField {...text('legalCategory')} inputMode="numeric" hint="4 chiffres, par exemple 9220 (association déclarée)." />
          <SelectField
            {...text('essFamilyOverride')}
            label="Famille ESS"
            hint={essFamilyHint}
            options={[
              ['', 'Selon la catégorie juridique (règle)'],
              ...ESS_FAMILIES.map((f) => [f, `Imposée : ${ESS_FAMILY_LABELS[f]}`] as const),
            ]}
          />
          <TextField {...text('nafCode')} hint="NAF rév. 2, par exemple 88.99B." />
          <SelectField
            {...text('workforceRange')}
            options={[['', 'Non renseignée'], ...WORKFORCE_RANGE_LABELS.map(([code, label]) => [code, label] as const)]}
          />
          <TextField {...text('volunteerCount')} inputMode="numeric" />
        </div>
        <CheckboxField {...check('esus')} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Coordonnées</legend>
        <div className="form-grid">
          <TextField {...text('address')} autoComplete="street-address" maxLength={300} />
          <TextField {...text('postalCode')} inputMode="numeric" autoComplete="postal-code" />
          <TextField
            {...text('communeCode')}
            hint={
              communeName
                ? `Commune actuelle : ${communeName}. Code INSEE à 5 caractères (59392 pour Maubeuge).`
                : 'Code INSEE à 5 caractères (59392 pour Maubeuge).'
            }
          />
          <TextField {...text('website')} type="url" inputMode="url" hint="Commence par https:// ou http://." />
          <TextField {...text('email')} type="email" inputMode="email" />
          <TextField {...text('phone')} type="tel" inputMode="tel" autoComplete="tel" />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Présentation</legend>
        <TextAreaField {...text('description')} maxLength={5000} />
        <TextAreaField {...text('services')} maxLength={5000} />
        <TextAreaField {...text('values')} maxLength={5000} rows={3} />
        <CheckboxField {...check('acceptsInterns')} />
        <CheckboxField {...check('seeksVolunteers')} />
      </fieldset>

      <CheckboxGroup
        id={fieldId('sectors')}
        legend="Secteurs"
        options={sectors.map((s) => [s.slug, s.name] as const)}
        selected={values.sectors}
        onChange={(v) => onChange('sectors', v)}
        errors={errors.sectors}
        columns
      />
      <CheckboxGroup
        id={fieldId('networks')}
        legend="Réseaux"
        options={networks.map((n) => [n.slug, n.name] as const)}
        selected={values.networks}
        onChange={(v) => onChange('networks', v)}
        errors={errors.networks}
        columns
      />

      <fieldset className="fieldset">
        <legend>Publication et vérification</legend>
        {canPublish && <SelectField {...text('status')} options={STATUSES.map((s) => [s, STATUS_LABELS[s]] as const)} />}
        <CheckboxField
          id={fieldId('markVerified')}
          label="Marquer les données comme vérifiées aujourd'hui"
          checked={values.markVerified}
          onChange={(v) => onChange('markVerified', v)}
          errors={errors.markVerified}
        />
      </fieldset>
    </>
  );
}
