import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SpaceKind } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading } from '../../components/status';
import { focusSoon, splitFieldErrors } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf, findError } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  API_TO_FORM,
  EMPTY_SPACE,
  SPACE_FORM_KEYS,
  forgetSpaceLists,
  kindFromUrl,
  sectorOptions,
  spaceFieldLabel,
  toCreateInput,
  validate,
  type SpaceFormKey,
  type SpaceFormValues,
} from './model';
import { CREATE_SPACE_MUTATION, SPACE_REFERENCES_QUERY } from './operations';
import { SpaceFields, spaceFieldId } from './SpaceFields';

/** « Nouvel espace »: the mission in any sector, a facilitator in their own sectors. */
export function SpaceNewPage() {
  usePageTitle('Nouvel espace');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { viewer } = useViewer();
  const admin = isAdmin(viewer?.roles);
  const refs = useQuery(SPACE_REFERENCES_QUERY);
  const [values, setValues] = useState<SpaceFormValues>(() => ({
    ...EMPTY_SPACE,
    kind: kindFromUrl(params.get('type')) ?? EMPTY_SPACE.kind,
  }));
  const [errors, setErrors] = useState<Partial<Record<SpaceFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create] = useMutation(CREATE_SPACE_MUTATION, { update: (cache) => forgetSpaceLists(cache) });

  const sectors = sectorOptions(refs.data, admin);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const clientErrors = validate(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(true);
    try {
      const res = await create({ variables: { kind: values.kind as SpaceKind, input: toCreateInput(values) } });
      const id = res.data?.createSpace.id;
      if (!id) throw new Error('Réponse vide');
      void navigate(`/espaces/${encodeURIComponent(id)}`, { state: { created: true } });
    } catch (err) {
      setSaving(false);
      const forbidden = findError(err, 'FORBIDDEN');
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, API_TO_FORM), SPACE_FORM_KEYS);
      setErrors(own);
      if (forbidden) setFormError(forbidden.message);
      else if (others.length || !Object.keys(own).length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[SpaceFormKey, string[]]>).map(([k, m]) => ({
      fieldId: spaceFieldId(k),
      message: `${spaceFieldLabel(k)} : ${m.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    <>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <ol>
          <li>
            <Link to="/espaces">Ateliers, chantiers et journées d'études</Link>
          </li>
          <li aria-current="page">Nouvel espace</li>
        </ol>
      </nav>
      <h1>Nouvel espace</h1>
      <p className="lead">
        Un atelier, un chantier ou une journée d'études d'un secteur. Les séances, participants et livrables s'ajoutent ensuite
        sur sa page.
      </p>
      {refs.error && !refs.data ? (
        <ErrorNotice
          message="Les secteurs n'ont pas pu être chargés."
          onRetry={() => void refs.refetch().catch(() => undefined)}
        />
      ) : !refs.data ? (
        <Loading>Chargement du formulaire…</Loading>
      ) : sectors.length === 0 ? (
        <p className="notice notice--warning">
          Aucun secteur ne vous est confié : la mission territoriale peut vous en attribuer un depuis votre compte.
        </p>
      ) : (
        <>
          <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
            <ErrorSummary items={summaryItems} title="La création a échoué" />
          </div>
          <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nouvel espace">
            <RequiredNote />
            <SpaceFields
              values={values}
              onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
              errors={errors}
              sectors={sectors}
              withKind
            />
            <div className="form-footer">
              <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
                Créer l'espace
              </button>
              <Link to="/espaces">Annuler</Link>
            </div>
          </form>
        </>
      )}
    </>
  );
}
