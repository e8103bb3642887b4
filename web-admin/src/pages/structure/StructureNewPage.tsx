import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading } from '../../components/status';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { fieldLabel } from '../../lib/labels';
import { usePageTitle } from '../../lib/usePageTitle';
import { API_TO_FORM, EMPTY_VALUES, toCreateInput, validate, type FormKey, type StructureFormValues } from './model';
import {
  CREATE_STRUCTURE_MUTATION,
  SET_STRUCTURE_NETWORKS_MUTATION,
  SET_STRUCTURE_SECTORS_MUTATION,
  STRUCTURE_REFERENCES_QUERY,
} from './operations';
import { StructureFields, fieldId } from './StructureFields';

/** « Nouvelle structure » (mission admins): a draft unless another status is chosen. */
export function StructureNewPage() {
  usePageTitle('Nouvelle structure');
  const navigate = useNavigate();
  const refs = useQuery(STRUCTURE_REFERENCES_QUERY);
  const [values, setValues] = useState<StructureFormValues>(EMPTY_VALUES);
  const [errors, setErrors] = useState<Partial<Record<FormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create] = useMutation(CREATE_STRUCTURE_MUTATION, { refetchQueries: ['AdminStructures'] });
  const [setSectors] = useMutation(SET_STRUCTURE_SECTORS_MUTATION);
  const [setNetworks] = useMutation(SET_STRUCTURE_NETWORKS_MUTATION);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const clientErrors = validate(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setSaving(true);
    let id: string | null = null;
    try {
      const res = await create({ variables: { input: toCreateInput(values, true) } });
      id = res.data?.createStructure.id ?? null;
      if (!id) throw new Error('Réponse vide');
      if (values.sectors.length) await setSectors({ variables: { id, codes: values.sectors } });
      if (values.networks.length) await setNetworks({ variables: { id, codes: values.networks } });
      void navigate(`/structures/${encodeURIComponent(id)}`, { state: { created: true } });
    } catch (err) {
      setSaving(false);
      if (id) {
        // Created, but its sectors or networks were refused: continue on its page.
        void navigate(`/structures/${encodeURIComponent(id)}`, { state: { created: true } });
        return;
      }
      const fields = fieldErrorsOf(err, API_TO_FORM);
      const known = Object.fromEntries(Object.entries(fields).filter(([k]) => k in values)) as Partial<Record<FormKey, string[]>>;
      setErrors(known);
      if (!Object.keys(known).length) setFormError(errorMessage(err));
      setTimeout(() => summaryRef.current?.focus(), 0);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[FormKey, string[]]>).map(([k, m]) => ({
      fieldId: fieldId(k),
      message: `${fieldLabel(k)} : ${m.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link to="/structures">Structures</Link>
          </li>
          <li aria-current="page">Nouvelle structure</li>
        </ol>
      </nav>
      <h1>Nouvelle structure</h1>
      <p className="lead">
        Seul le nom est obligatoire. La structure est créée en brouillon sauf si vous choisissez un autre statut.
      </p>
      {refs.error && !refs.data ? (
        <ErrorNotice
          message="Les secteurs et réseaux n'ont pas pu être chargés."
          onRetry={() => void refs.refetch().catch(() => undefined)}
        />
      ) : !refs.data ? (
        <Loading>Chargement du formulaire…</Loading>
      ) : (
        <>
          <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
            <ErrorSummary items={summaryItems} title="La création a échoué" />
          </div>
          <form className="form structure-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouvelle structure">
            <RequiredNote />
            <StructureFields
              values={values}
              onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
              errors={errors}
              sectors={refs.data.sectors}
              networks={refs.data.networks}
              canPublish
            />
            <div className="form-footer">
              <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
                Créer la structure
              </button>
              <Link to="/structures">Annuler</Link>
            </div>
          </form>
        </>
      )}
    </>
  );
}
