import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NewEntityForm } from '../../components/NewEntityForm';
import { useCreateForm } from '../../lib/useCreateForm';
import { usePageTitle } from '../../lib/usePageTitle';
import { EMPTY_NETWORK, networkFieldId, networkFieldLabel, toCreateNetworkInput, validateNetwork } from './model';
import { CREATE_NETWORK_MUTATION } from './operations';
import { NetworkFields } from './NetworkFields';

const NETWORKS = { to: '/reseaux', label: 'Réseaux' };

/** « Nouveau réseau » (mission admins); members are added on its page once created. */
export function NetworkNewPage() {
  usePageTitle('Nouveau réseau');
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_NETWORK_MUTATION);
  const form = useCreateForm({
    initial: EMPTY_NETWORK,
    validate: (values) => validateNetwork(values, true),
    create: async (values) => {
      const res = await create({ variables: { input: toCreateNetworkInput(values) } });
      const created = res.data?.createNetwork;
      if (!created) throw new Error('Réponse vide');
      void navigate(`/reseaux/${encodeURIComponent(created.slug)}`, { state: { created: true } });
    },
    fieldId: networkFieldId,
    fieldLabel: networkFieldLabel,
    // The code follows the name until the person types one.
    slugFollowsName: true,
  });

  return (
    <>
      <Breadcrumb list={NETWORKS} current="Nouveau réseau" />
      <h1>Nouveau réseau</h1>
      <p className="lead">Les structures membres s'ajoutent sur la page du réseau, une fois celui-ci créé.</p>
      <NewEntityForm form={form} label="Nouveau réseau" submitLabel="Créer le réseau" list={NETWORKS}>
        <NetworkFields values={form.values} onChange={form.onChange} errors={form.errors} creating />
      </NewEntityForm>
    </>
  );
}
