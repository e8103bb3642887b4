import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import type { MentorOfferEditFieldsFragment, Role } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import {
  ConfirmedActionButton,
  ConfirmedActionDialog,
  EditPageHeader,
  EditPageLoader,
  EntityHistory,
  useHistoryRefresh,
} from '../../components/EditPage';
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { formatDate } from '@essor/web-ui';
import { rowIdOf } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import {
  MENTOR_OFFER_API_TO_FORM,
  MENTOR_OFFER_STATUS_BADGES,
  MENTOR_OFFER_STATUS_LABELS,
  formatMentorOfferValue,
  mentorOfferFieldLabel,
  mentorOfferValuesOf,
  summaryFieldId,
  toMentorOfferPatch,
  validateMentorOffer,
} from './model';
import { MENTOR_OFFER_EDIT_QUERY, UPDATE_MENTOR_OFFER_MUTATION } from './operations';
import { MentorOfferFields } from './MentorOfferFields';

const MENTOR_OFFERS = { to: '/tutorat', label: 'Offres de tutorat' };

export function MentorOfferEditPage() {
  const { id = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(MENTOR_OFFER_EDIT_QUERY, { variables: { id }, ...FRESH_FOR_EDITING });
  const offer = data?.mentorOffer;
  usePageTitle(offer ? offer.title : 'Offre de tutorat');
  return (
    <EditPageLoader
      list={MENTOR_OFFERS}
      title="Offre de tutorat"
      error={!data && error}
      loaded={!!data}
      entity={offer}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="L'offre n'a pas pu être chargée."
      loadingMessage="Chargement de l'offre…"
      notFoundTitle="Offre introuvable"
      notFound="Cette offre de tutorat n'existe pas."
    >
      {(o) => <MentorOfferEditor key={o.id} offer={o} created={created} />}
    </EditPageLoader>
  );
}

function MentorOfferEditor({ offer, created }: { offer: MentorOfferEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Mentor offers are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const refreshHistory = useHistoryRefresh();

  const [update] = useMutation(UPDATE_MENTOR_OFFER_MUTATION);

  const edit = useVersionedEdit({
    entity: offer,
    valuesOf: mentorOfferValuesOf,
    validate: (values) => validateMentorOffer(values, false),
    save: async ({ current, base, values }) => {
      const res = await update({
        variables: { id: current.id, version: current.version, input: toMentorOfferPatch(base, values) },
      });
      return res.data ? res.data.updateMentorOffer : current;
    },
    load: async (current) =>
      (await client.query({ query: MENTOR_OFFER_EDIT_QUERY, variables: { id: current.id }, fetchPolicy: 'network-only' })).data
        ?.mentorOffer,
    fieldId: summaryFieldId,
    fieldLabel: mentorOfferFieldLabel,
    firstField: 'title',
    apiToForm: MENTOR_OFFER_API_TO_FORM,
    initialNotice: created ? 'Offre créée.' : null,
    onSaved: refreshHistory,
  });
  const { current } = edit;

  /** Archiving an offer is closing it (status CLOSED), with the loaded version. */
  const close = useConfirmedAction(async () => {
    const res = await update({ variables: { id: current.id, version: current.version, input: { status: 'CLOSED' } } });
    if (res.data) {
      const closed = res.data.updateMentorOffer;
      edit.rebase(closed);
      edit.setValues((old) => ({ ...old, status: mentorOfferValuesOf(closed).status }));
    }
    edit.setNotice('Offre close : elle ne paraît plus parmi les offres disponibles.');
    refreshHistory();
  }, 'L’offre a été modifiée entre-temps : rechargez la page avant de la clore.');

  return (
    <>
      <Breadcrumb list={MENTOR_OFFERS} current={current.title} />
      <EditPageHeader
        title={current.title}
        meta={
          <>
            <span className={`badge ${MENTOR_OFFER_STATUS_BADGES[current.status]}`}>
              {MENTOR_OFFER_STATUS_LABELS[current.status]}
            </span>{' '}
            Tuteur ou tutrice : {current.mentor.displayName} · version {current.version} · créée le{' '}
            {formatDate(current.createdAt)}, modifiée le {formatDate(current.updatedAt)}
          </>
        }
      >
        {!readOnly && current.status !== 'CLOSED' && <ConfirmedActionButton action={close}>Clore l'offre</ConfirmedActionButton>}
      </EditPageHeader>

      {readOnly && <p className="notice">Votre rôle permet de consulter cette offre, pas de la modifier.</p>}

      <VersionedEditForm
        edit={edit}
        label="Offre de tutorat"
        readOnly={readOnly}
        conflictSubject="Cette offre a été modifiée"
        labelOf={mentorOfferFieldLabel}
        formatOf={formatMentorOfferValue}
      >
        <MentorOfferFields
          values={edit.values}
          onChange={edit.onChange}
          errors={edit.errors}
          creating={false}
          readOnly={readOnly}
        />
      </VersionedEditForm>

      <EntityHistory
        roles={roles}
        entityType="MentorOffer"
        entityId={rowIdOf(current.id, 'MentorOffer')}
        emptyMessage="Aucune modification enregistrée pour cette offre."
      />

      <ConfirmedActionDialog
        action={close}
        title="Clore cette offre ?"
        description={
          <p>
            « {current.title} » ne sera plus proposée (statut « Clos »). Son historique est conservé et la mission pourra la
            rouvrir en changeant son statut.
          </p>
        }
        confirmLabel="Confirmer la clôture"
      />
    </>
  );
}
