import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import { EMPTY_SECTOR, SECTOR_API_TO_FORM, sectorFieldId, sectorFieldLabel, toCreateSectorInput, validateSector } from './model';
import { CREATE_SECTOR_MUTATION, SET_SECTOR_FACILITATORS_MUTATION } from './operations';
import { SectorFields } from './SectorFields';

const SECTORS = { to: '/secteurs', label: 'Secteurs' };

/** « Nouveau secteur » (mission admins). */
export function SectorNewPage() {
  usePageTitle('Nouveau secteur');
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_SECTOR_MUTATION);
  const [setFacilitators] = useMutation(SET_SECTOR_FACILITATORS_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_SECTOR,
    validate: (values) => validateSector(values, true),
    create: async (values) => {
      const res = await create({ variables: { input: toCreateSectorInput(values) } });
      const created = res.data?.createSector;
      if (!created) throw new Error('Réponse vide');
      try {
        if (values.facilitators.length) {
          await setFacilitators({
            variables: { id: created.id, version: created.version, personIds: values.facilitators.map((p) => p.id) },
          });
        }
      } catch {
        // Created, but its facilitators were refused: continue on its page.
      }
      void navigate(`/secteurs/${encodeURIComponent(created.slug)}`, { state: { created: true } });
    },
    fieldId: sectorFieldId,
    fieldLabel: sectorFieldLabel,
    apiToForm: SECTOR_API_TO_FORM,
    // The code follows the name until the person types one.
    slugFollowsName: true,
  });

  return (
    <>
      <Breadcrumb list={SECTORS} current="Nouveau secteur" />
      <h1>Nouveau secteur</h1>
      <NewEntityForm form={form} label="Nouveau secteur" submitLabel="Créer le secteur" list={SECTORS}>
        <SectorFields values={form.values} onChange={form.onChange} errors={form.errors} creating />
      </NewEntityForm>
    </>
  );
}
