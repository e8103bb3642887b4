import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import type { SpaceKind } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { ErrorNotice, Loading } from '@essor/web-ui';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  API_TO_FORM,
  EMPTY_SPACE,
  forgetSpaceLists,
  kindFromUrl,
  sectorOptions,
  spaceFieldLabel,
  toCreateInput,
  validate,
} from './model';
import { CREATE_SPACE_MUTATION, SPACE_REFERENCES_QUERY } from './operations';
import { SpaceFields, spaceFieldId } from './SpaceFields';

const SPACES = { to: '/espaces', label: "Ateliers, chantiers et journées d'études" };

/** « Nouvel espace »: the mission in any sector, a facilitator in their own sectors. */
export function SpaceNewPage() {
  usePageTitle('Nouvel espace');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { viewer } = useViewer();
  const admin = isAdmin(viewer?.roles);
  const refs = useQuery(SPACE_REFERENCES_QUERY);
  const [create] = useMutation(CREATE_SPACE_MUTATION, { update: (cache) => forgetSpaceLists(cache) });
  // A refusal (FORBIDDEN: not one of the viewer's sectors) carries no field: its message goes to the summary.
  const form = useCreateForm({
    initial: () => ({ ...EMPTY_SPACE, kind: kindFromUrl(params.get('type')) ?? EMPTY_SPACE.kind }),
    validate,
    create: async (values) => {
      const res = await create({ variables: { kind: values.kind as SpaceKind, input: toCreateInput(values) } });
      const id = res.data?.createSpace.id;
      if (!id) throw new Error('Réponse vide');
      void navigate(`/espaces/${encodeURIComponent(id)}`, { state: { created: true } });
    },
    fieldId: spaceFieldId,
    fieldLabel: spaceFieldLabel,
    apiToForm: API_TO_FORM,
  });

  const sectors = sectorOptions(refs.data, admin);

  return (
    <>
      <Breadcrumb list={SPACES} current="Nouvel espace" />
      <h1>Nouvel espace</h1>
      <p className="lead">
        Un atelier, un chantier ou une journée d'études d'un secteur. Les séances, participants et livrables s'ajoutent ensuite
        sur sa page.
      </p>
      {refs.error && !refs.data ? (
        <ErrorNotice onRetry={() => void refs.refetch().catch(() => undefined)}>
          Les secteurs n'ont pas pu être chargés.
        </ErrorNotice>
      ) : !refs.data ? (
        <Loading>Chargement du formulaire…</Loading>
      ) : sectors.length === 0 ? (
        <p className="notice notice--warning">
          Aucun secteur ne vous est confié : la mission territoriale peut vous en attribuer un depuis votre compte.
        </p>
      ) : (
        <NewEntityForm form={form} label="Nouvel espace" submitLabel="Créer l'espace" list={SPACES}>
          <SpaceFields values={form.values} onChange={form.onChange} errors={form.errors} sectors={sectors} withKind />
        </NewEntityForm>
      )}
    </>
  );
}
