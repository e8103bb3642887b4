import { SelectField, TextAreaField, TextField } from '@essor/web-ui';
import {
  NETWORK_KINDS,
  NETWORK_KIND_LABELS,
  NETWORK_SCOPES,
  NETWORK_SCOPE_LABELS,
  networkFieldId,
  networkFieldLabel,
  type NetworkFormKey,
  type NetworkFormValues,
} from './model';

/** The fields of a network; each message sits under its field. */
export function NetworkFields({
  values,
  onChange,
  errors,
  creating,
  readOnly = false,
}: {
  values: NetworkFormValues;
  onChange: <K extends NetworkFormKey>(key: K, value: NetworkFormValues[K]) => void;
  errors: Partial<Record<NetworkFormKey, string[]>>;
  creating: boolean;
  readOnly?: boolean;
}) {
  const field = (key: NetworkFormKey) => ({
    id: networkFieldId(key),
    label: networkFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  return (
    <fieldset className="fieldset">
      <legend>Réseau</legend>
      <div className="form-grid">
        <TextField {...field('name')} required={!readOnly} maxLength={200} autoComplete="organization" />
        <TextField {...field('acronym')} maxLength={30} hint="Par exemple CRESS, APES. Laissez vide pour l'effacer." />
        <TextField
          {...field('slug')}
          required={creating}
          readOnly={!creating}
          maxLength={80}
          hint={
            creating
              ? 'Minuscules, chiffres et tirets (ex. cress-hdf). Il sert dans les filtres et ne pourra plus changer.'
              : 'Le code sert dans les filtres : il ne change pas.'
          }
        />
        <SelectField {...field('kind')} options={NETWORK_KINDS.map((k) => [k, NETWORK_KIND_LABELS[k]] as const)} />
        <SelectField {...field('scope')} options={NETWORK_SCOPES.map((s) => [s, NETWORK_SCOPE_LABELS[s]] as const)} />
        <TextField {...field('website')} type="url" inputMode="url" maxLength={300} hint="Commence par https:// ou http://." />
      </div>
      <TextAreaField {...field('description')} maxLength={5000} />
    </fieldset>
  );
}
