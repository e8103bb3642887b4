import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { focusSoon, splitFieldErrors } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  EMPTY_MENTOR_OFFER,
  MENTOR_OFFER_API_TO_FORM,
  MENTOR_OFFER_FORM_KEYS,
  mentorOfferFieldLabel,
  summaryFieldId,
  toCreateMentorOfferInput,
  validateMentorOffer,
  type MentorOfferFormKey,
  type MentorOfferFormValues,
} from './model';
import { CREATE_MENTOR_OFFER_MUTATION } from './operations';
import { MentorOfferFields } from './MentorOfferFields';

/** « Nouvelle offre de tutorat » (mission admins): a mentor, a title, at least one theme. */
export function MentorOfferNewPage() {
  usePageTitle('Nouvelle offre de tutorat');
  const navigate = useNavigate();
  const [values, setValues] = useState<MentorOfferFormValues>(EMPTY_MENTOR_OFFER);
  const [errors, setErrors] = useState<Partial<Record<MentorOfferFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create] = useMutation(CREATE_MENTOR_OFFER_MUTATION);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const clientErrors = validateMentorOffer(values, true);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(true);
    try {
      const res = await create({ variables: { input: toCreateMentorOfferInput(values) } });
      const created = res.data?.createMentorOffer;
      if (!created) throw new Error('Réponse vide');
      void navigate(`/tutorat/${encodeURIComponent(created.id)}`, { state: { created: true } });
    } catch (err) {
      setSaving(false);
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, MENTOR_OFFER_API_TO_FORM), MENTOR_OFFER_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[MentorOfferFormKey, string[]]>).map(([k, m]) => ({
      fieldId: summaryFieldId(k),
      message: `${mentorOfferFieldLabel(k)} : ${m.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link to="/tutorat">Offres de tutorat</Link>
          </li>
          <li aria-current="page">Nouvelle offre</li>
        </ol>
      </nav>
      <h1>Nouvelle offre de tutorat</h1>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="La création a échoué" />
      </div>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouvelle offre de tutorat">
        <RequiredNote />
        <MentorOfferFields
          values={values}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
          errors={errors}
          creating
        />
        <div className="form-footer">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
            Créer l'offre
          </button>
          <Link to="/tutorat">Annuler</Link>
        </div>
      </form>
    </>
  );
}
