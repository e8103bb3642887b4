import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  EMPTY_MENTOR_OFFER,
  MENTOR_OFFER_API_TO_FORM,
  mentorOfferFieldLabel,
  summaryFieldId,
  toCreateMentorOfferInput,
  validateMentorOffer,
} from './model';
import { CREATE_MENTOR_OFFER_MUTATION } from './operations';
import { MentorOfferFields } from './MentorOfferFields';

const MENTOR_OFFERS = { to: '/tutorat', label: 'Offres de tutorat' };

/** « Nouvelle offre de tutorat » (mission admins): a mentor, a title, at least one theme. */
export function MentorOfferNewPage() {
  usePageTitle('Nouvelle offre de tutorat');
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_MENTOR_OFFER_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_MENTOR_OFFER,
    validate: (values) => validateMentorOffer(values, true),
    create: async (values) => {
      const res = await create({ variables: { input: toCreateMentorOfferInput(values) } });
      const created = res.data?.createMentorOffer;
      if (!created) throw new Error('Réponse vide');
      void navigate(`/tutorat/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
    fieldId: summaryFieldId,
    fieldLabel: mentorOfferFieldLabel,
    apiToForm: MENTOR_OFFER_API_TO_FORM,
  });

  return (
    <>
      <Breadcrumb list={MENTOR_OFFERS} current="Nouvelle offre" />
      <h1>Nouvelle offre de tutorat</h1>
      <NewEntityForm form={form} label="Nouvelle offre de tutorat" submitLabel="Créer l'offre" list={MENTOR_OFFERS}>
        <MentorOfferFields values={form.values} onChange={form.onChange} errors={form.errors} creating />
      </NewEntityForm>
    </>
  );
}
