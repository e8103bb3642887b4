import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { focusSoon, slugify, splitFieldErrors } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  EMPTY_NETWORK,
  NETWORK_FORM_KEYS,
  networkFieldId,
  networkFieldLabel,
  toCreateNetworkInput,
  validateNetwork,
  type NetworkFormKey,
  type NetworkFormValues,
} from './model';
import { CREATE_NETWORK_MUTATION } from './operations';
import { NetworkFields } from './NetworkFields';

/** « Nouveau réseau » (mission admins); members are added on its page once created. */
export function NetworkNewPage() {
  usePageTitle('Nouveau réseau');
  const navigate = useNavigate();
  const [values, setValues] = useState<NetworkFormValues>(EMPTY_NETWORK);
  // The code follows the name until the person types one.
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<NetworkFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create] = useMutation(CREATE_NETWORK_MUTATION);

  const onChange = <K extends NetworkFormKey>(key: K, value: NetworkFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'name' && !slugTouched) next.slug = slugify(value);
      return next;
    });
    if (key === 'slug') setSlugTouched(true);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const clientErrors = validateNetwork(values, true);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(true);
    try {
      const res = await create({ variables: { input: toCreateNetworkInput(values) } });
      const created = res.data?.createNetwork;
      if (!created) throw new Error('Réponse vide');
      void navigate(`/reseaux/${encodeURIComponent(created.slug)}`, { state: { created: true } });
    } catch (err) {
      setSaving(false);
      const { own, others } = splitFieldErrors(fieldErrorsOf(err), NETWORK_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[NetworkFormKey, string[]]>).map(([k, m]) => ({
      fieldId: networkFieldId(k),
      message: `${networkFieldLabel(k)} : ${m.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link to="/reseaux">Réseaux</Link>
          </li>
          <li aria-current="page">Nouveau réseau</li>
        </ol>
      </nav>
      <h1>Nouveau réseau</h1>
      <p className="lead">Les structures membres s'ajoutent sur la page du réseau, une fois celui-ci créé.</p>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="La création a échoué" />
      </div>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouveau réseau">
        <RequiredNote />
        <NetworkFields values={values} onChange={onChange} errors={errors} creating />
        <div className="form-footer">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
            Créer le réseau
          </button>
          <Link to="/reseaux">Annuler</Link>
        </div>
      </form>
    </>
  );
}
