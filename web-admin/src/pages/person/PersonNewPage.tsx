import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import { EMPTY_PERSON, PERSON_API_TO_FORM, personFieldId, personFieldLabel, toCreatePersonInput, validatePerson } from './model';
import { CREATE_PERSON_MUTATION } from './operations';
import { PersonFields } from './PersonFields';

const PERSONS = { to: '/personnes', label: 'Personnes' };

/** « Nouvelle personne » (mission admins); their consents are recorded on their page once created. */
export function PersonNewPage() {
  usePageTitle('Nouvelle personne');
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_PERSON_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_PERSON,
    validate: (values) => validatePerson(values),
    create: async (values) => {
      const res = await create({ variables: { input: toCreatePersonInput(values) } });
      const created = res.data?.createPerson;
      if (!created) throw new Error('Réponse vide');
      // The opaque id only in the URL: no personal data.
      void navigate(`/personnes/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
    fieldId: personFieldId,
    fieldLabel: personFieldLabel,
    apiToForm: PERSON_API_TO_FORM,
  });

  return (
    <>
      <Breadcrumb list={PERSONS} current="Nouvelle personne" />
      <h1>Nouvelle personne</h1>
      <p className="lead">
        Un contact de structure, un·e animateur·rice, un·e tuteur·rice… Indiquez au moins un nom, un prénom ou une fonction ; ses
        consentements s'enregistrent ensuite sur sa fiche.
      </p>
      <NewEntityForm form={form} label="Nouvelle personne" submitLabel="Créer la personne" list={PERSONS}>
        <PersonFields values={form.values} onChange={form.onChange} errors={form.errors} creating />
      </NewEntityForm>
    </>
  );
}
