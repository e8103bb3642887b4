import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { focusSoon, slugify, splitFieldErrors } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  EMPTY_SECTOR,
  SECTOR_API_TO_FORM,
  SECTOR_FORM_KEYS,
  sectorFieldId,
  sectorFieldLabel,
  toCreateSectorInput,
  validateSector,
  type SectorFormKey,
  type SectorFormValues,
} from './model';
import { CREATE_SECTOR_MUTATION, SET_SECTOR_FACILITATORS_MUTATION } from './operations';
import { SectorFields } from './SectorFields';

/** « Nouveau secteur » (mission admins). */
export function SectorNewPage() {
  usePageTitle('Nouveau secteur');
  const navigate = useNavigate();
  const [values, setValues] = useState<SectorFormValues>(EMPTY_SECTOR);
  // The code follows the name until the person types one.
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<SectorFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create] = useMutation(CREATE_SECTOR_MUTATION);
  const [setFacilitators] = useMutation(SET_SECTOR_FACILITATORS_MUTATION);

  const onChange = <K extends SectorFormKey>(key: K, value: SectorFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'name' && !slugTouched) next.slug = slugify(value as string);
      return next;
    });
    if (key === 'slug') setSlugTouched(true);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const clientErrors = validateSector(values, true);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(true);
    let slug: string | null = null;
    try {
      const res = await create({ variables: { input: toCreateSectorInput(values) } });
      const created = res.data?.createSector;
      if (!created) throw new Error('Réponse vide');
      slug = created.slug;
      if (values.facilitators.length) {
        await setFacilitators({
          variables: { id: created.id, version: created.version, personIds: values.facilitators.map((p) => p.id) },
        });
      }
      void navigate(`/secteurs/${encodeURIComponent(slug)}`, { state: { created: true } });
    } catch (err) {
      setSaving(false);
      if (slug) {
        // Created, but its facilitators were refused: continue on its page.
        void navigate(`/secteurs/${encodeURIComponent(slug)}`, { state: { created: true } });
        return;
      }
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, SECTOR_API_TO_FORM), SECTOR_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[SectorFormKey, string[]]>).map(([k, m]) => ({
      fieldId: sectorFieldId(k),
      message: `${sectorFieldLabel(k)} : ${m.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link to="/secteurs">Secteurs</Link>
          </li>
          <li aria-current="page">Nouveau secteur</li>
        </ol>
      </nav>
      <h1>Nouveau secteur</h1>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="La création a échoué" />
      </div>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouveau secteur">
        <RequiredNote />
        <SectorFields values={values} onChange={onChange} errors={errors} creating />
        <div className="form-footer">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
            Créer le secteur
          </button>
          <Link to="/secteurs">Annuler</Link>
        </div>
      </form>
    </>
  );
}
