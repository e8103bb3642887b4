import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@essor/web-ui';
import { PersonPicker } from '../../components/PersonPicker';
import {
  MENTOR_OFFER_STATUSES,
  MENTOR_OFFER_STATUS_LABELS,
  MENTOR_THEMES,
  MENTOR_THEME_LABELS,
  mentorOfferFieldId,
  mentorOfferFieldLabel,
  type MentorOfferFormKey,
  type MentorOfferFormValues,
} from './model';

/** The fields of a mentor offer; each message sits under its field. The mentor is chosen at creation only. */
export function MentorOfferFields({
  values,
  onChange,
  errors,
  creating,
  readOnly = false,
}: {
  values: MentorOfferFormValues;
  onChange: <K extends MentorOfferFormKey>(key: K, value: MentorOfferFormValues[K]) => void;
  errors: Partial<Record<MentorOfferFormKey, string[]>>;
  creating: boolean;
  readOnly?: boolean;
}) {
  const text = (key: 'title' | 'availability' | 'description' | 'status') => ({
    id: mentorOfferFieldId(key),
    label: mentorOfferFieldLabel(key),
    value: values[key],
    onChange: (v: string) => onChange(key, v),
    errors: errors[key],
  });
  return (
    <>
      {creating && (
        <PersonPicker
          id={mentorOfferFieldId('mentor')}
          legend={mentorOfferFieldLabel('mentor')}
          hint="La personne qui propose le tutorat ; elle ne pourra plus changer."
          selected={values.mentor}
          onChange={(next) => onChange('mentor', next)}
          errors={errors.mentor}
          single
          required
        />
      )}
      <fieldset className="fieldset">
        <legend>Offre</legend>
        <div className="form-grid">
          <TextField {...text('title')} required={!readOnly} maxLength={200} />
          <SelectField
            {...text('status')}
            options={MENTOR_OFFER_STATUSES.map((s) => [s, MENTOR_OFFER_STATUS_LABELS[s]] as const)}
          />
          <TextField {...text('availability')} maxLength={300} hint="Par exemple : deux demi-journées par mois." />
        </div>
        <TextAreaField {...text('description')} maxLength={5000} />
      </fieldset>
      <CheckboxGroup
        id={mentorOfferFieldId('themes')}
        legend={readOnly ? 'Thèmes' : 'Thèmes (au moins un)'}
        options={MENTOR_THEMES.map((t) => [t, MENTOR_THEME_LABELS[t]] as const)}
        selected={values.themes}
        onChange={(v) => onChange('themes', v)}
        errors={errors.themes}
        columns
      />
    </>
  );
}
