import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  CARRIER_PROJECTS_LIST,
  CARRIER_PROJECT_API_TO_FORM,
  EMPTY_CARRIER_PROJECT,
  carrierProjectFieldId,
  carrierProjectFieldLabel,
  toCreateCarrierProjectInput,
  validateCarrierProject,
} from './model';
import { CARRIER_PROJECT_REFERENCES_QUERY, CREATE_CARRIER_PROJECT_MUTATION } from './operations';
import { CarrierProjectFields } from './CarrierProjectFields';

/** « Nouveau projet accompagné » (mission admins): a carrier (a person), a title; the project starts at « Accueil ». */
export function CarrierProjectNewPage() {
  usePageTitle('Nouveau projet accompagné');
  const navigate = useNavigate();
  const { data: refs } = useQuery(CARRIER_PROJECT_REFERENCES_QUERY);
  const [create] = useMutation(CREATE_CARRIER_PROJECT_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_CARRIER_PROJECT,
    validate: (values) => validateCarrierProject(values, true),
    create: async (values) => {
      const res = await create({ variables: { input: toCreateCarrierProjectInput(values) } });
      const created = res.data?.createCarrierProject;
      if (!created) throw new Error('Réponse vide');
      void navigate(`/accompagnement/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
    fieldId: carrierProjectFieldId,
    fieldLabel: carrierProjectFieldLabel,
    apiToForm: CARRIER_PROJECT_API_TO_FORM,
  });

  return (
    <>
      <Breadcrumb list={CARRIER_PROJECTS_LIST} current="Nouveau projet" />
      <h1>Nouveau projet accompagné</h1>
      <NewEntityForm form={form} label="Nouveau projet accompagné" submitLabel="Créer le projet" list={CARRIER_PROJECTS_LIST}>
        <CarrierProjectFields
          values={form.values}
          onChange={form.onChange}
          errors={form.errors}
          sectors={refs?.sectors ?? []}
          creating
        />
      </NewEntityForm>
    </>
  );
}
