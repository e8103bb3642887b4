import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { ErrorNotice, Loading, errorMessage, fieldErrorsOf } from '@essor/web-ui';
import { fieldLabel } from '../../lib/labels';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import { API_TO_FORM, EMPTY_VALUES, toCreateInput, validate, type FormKey } from './model';
import {
  CREATE_STRUCTURE_MUTATION,
  SET_STRUCTURE_NETWORKS_MUTATION,
  SET_STRUCTURE_SECTORS_MUTATION,
  STRUCTURE_REFERENCES_QUERY,
} from './operations';
import { StructureFields, fieldId } from './StructureFields';

const STRUCTURES = { to: '/structures', label: 'Structures' };

/** « Nouvelle structure » (mission admins): a draft unless another status is chosen. */
export function StructureNewPage() {
  usePageTitle('Nouvelle structure');
  const navigate = useNavigate();
  const refs = useQuery(STRUCTURE_REFERENCES_QUERY);
  const [create] = useMutation(CREATE_STRUCTURE_MUTATION, { refetchQueries: ['AdminStructures'] });
  const [setSectors] = useMutation(SET_STRUCTURE_SECTORS_MUTATION);
  const [setNetworks] = useMutation(SET_STRUCTURE_NETWORKS_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_VALUES,
    validate,
    create: async (values) => {
      const res = await create({ variables: { input: toCreateInput(values, true) } });
      const id = res.data?.createStructure.id ?? null;
      if (!id) throw new Error('Réponse vide');
      try {
        if (values.sectors.length) await setSectors({ variables: { id, codes: values.sectors } });
        if (values.networks.length) await setNetworks({ variables: { id, codes: values.networks } });
      } catch {
        // Created, but its sectors or networks were refused: continue on its page.
      }
      void navigate(`/structures/${encodeURIComponent(id)}`, { state: { created: true } });
    },
    fieldId,
    fieldLabel,
    // The messages of the form's fields next to them; without any, the error as one sentence.
    showRefusal: (error, errors) => {
      const fields = fieldErrorsOf(error, API_TO_FORM);
      const known = Object.fromEntries(Object.entries(fields).filter(([k]) => k in EMPTY_VALUES)) as Partial<
        Record<FormKey, string[]>
      >;
      errors.setErrors(known);
      if (!Object.keys(known).length) errors.setFormError(errorMessage(error));
      errors.focusSummary();
    },
  });

  return (
    <>
      <Breadcrumb list={STRUCTURES} current="Nouvelle structure" />
      <h1>Nouvelle structure</h1>
      <p className="lead">
        Seul le nom est obligatoire. La structure est créée en brouillon sauf si vous choisissez un autre statut.
      </p>
      {refs.error && !refs.data ? (
        <ErrorNotice onRetry={() => void refs.refetch().catch(() => undefined)}>
          Les secteurs et réseaux n'ont pas pu être chargés.
        </ErrorNotice>
      ) : !refs.data ? (
        <Loading>Chargement du formulaire…</Loading>
      ) : (
        <NewEntityForm
          form={form}
          label="Nouvelle structure"
          className="form structure-form"
          submitLabel="Créer la structure"
          list={STRUCTURES}
        >
          <StructureFields
            values={form.values}
            onChange={form.onChange}
            errors={form.errors}
            sectors={refs.data.sectors}
            networks={refs.data.networks}
            canPublish
          />
        </NewEntityForm>
      )}
    </>
  );
}
