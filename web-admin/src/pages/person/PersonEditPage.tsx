import { useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PersonEditQuery, Role } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { isAdmin } from '../../auth/permissions';
import { Breadcrumb } from '../../components/Breadcrumb';
import {
  ConfirmedActionButton,
  ConfirmedActionDialog,
  EditPageHeader,
  EditPageLoader,
  EntityHistory,
  PermissionNotice,
  VersionedActionButton,
  useHistoryRefresh,
} from '../../components/EditPage';
import { ActionOutcome, Success, formatDate } from '@essor/web-ui';
import { VersionedEditForm } from '../../components/VersionedEditForm';
import { rowIdOf } from '../../lib/ids';
import { useJustCreated } from '../../lib/locationState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useConfirmedAction, useVersionedAction } from '../../lib/useVersionedAction';
import { FRESH_FOR_EDITING, useVersionedEdit } from '../../lib/useVersionedEdit';
import {
  PERSON_API_TO_FORM,
  personFieldId,
  personFieldLabel,
  personValueFormatter,
  personValuesOf,
  toPersonPatch,
  validatePerson,
  type PersonFormErrors,
  type PersonFormValues,
} from './model';
import { ARCHIVE_PERSON_MUTATION, PERSON_EDIT_QUERY, RESTORE_PERSON_MUTATION, UPDATE_PERSON_MUTATION } from './operations';
import { PersonFields } from './PersonFields';
import { PersonGdprPanel } from './PersonGdprPanel';
import { STAGE_LABELS } from '../accompaniment/model';

const PERSONS = { to: '/personnes', label: 'Personnes' };

type LoadedPerson = NonNullable<PersonEditQuery['person']>;

/**
 * A person's page: their details (mission: edit under optimistic locking, archive, restore), their place in
 * the graph, their consents and GDPR rights, their history. The page title never names the person
 * (it lands in the browser's history): the name is on the page only.
 */
export function PersonEditPage() {
  const { id = '' } = useParams();
  const created = useJustCreated();
  const { data, error, refetch } = useQuery(PERSON_EDIT_QUERY, { variables: { id }, ...FRESH_FOR_EDITING });
  const person = data?.person;
  usePageTitle('Fiche personne');
  // Kept here: an erasure starts a new form (see the key below), its notice stays.
  const [gdprNotice, setGdprNotice] = useState<string | null>(null);

  return (
    <EditPageLoader
      list={PERSONS}
      title="Personne"
      error={!data && error}
      loaded={!!data}
      entity={person}
      onRetry={() => void refetch().catch(() => undefined)}
      failedMessage="La fiche de cette personne n'a pas pu être chargée."
      loadingMessage="Chargement de la fiche…"
      notFoundTitle="Personne introuvable"
      notFound="Cette personne n'existe pas."
    >
      {(p) => (
        <PersonEditor
          // An erasure changes the personal fields and the version: the form starts again from what the server has.
          key={`${p.id}:${p.anonymisedAt ?? ''}`}
          person={p}
          // Not again once the form starts over after an erasure.
          created={created && !p.anonymisedAt}
          refetch={() => refetch().then(() => undefined)}
          gdprNotice={gdprNotice}
          setGdprNotice={setGdprNotice}
        />
      )}
    </EditPageLoader>
  );
}

function PersonEditor({
  person,
  created,
  refetch,
  gdprNotice,
  setGdprNotice,
}: {
  person: LoadedPerson;
  created: boolean;
  refetch: () => Promise<void>;
  gdprNotice: string | null;
  setGdprNotice: (notice: string | null) => void;
}) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Persons are the mission's to edit (the API checks again); the steering committee reads.
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();
  const navigate = useNavigate();
  const refreshHistory = useHistoryRefresh();
  const rowId = rowIdOf(person.id, 'Person');
  const anonymised = !!person.anonymisedAt;

  const [update] = useMutation(UPDATE_PERSON_MUTATION);
  const [archivePerson] = useMutation(ARCHIVE_PERSON_MUTATION);
  const [restorePerson] = useMutation(RESTORE_PERSON_MUTATION);

  const edit = useVersionedEdit({
    entity: person,
    valuesOf: personValuesOf,
    // As the API: an edit may not take away the last of the name, first name and job title.
    validate: (values: PersonFormValues): PersonFormErrors => validatePerson(values, edit.base, anonymised),
    save: async ({ current, base, values }) => {
      const res = await update({ variables: { id: current.id, version: current.version, input: toPersonPatch(base, values) } });
      return res.data ? { ...current, ...res.data.updatePerson } : current;
    },
    load: async (current) =>
      (await client.query({ query: PERSON_EDIT_QUERY, variables: { id: current.id }, fetchPolicy: 'network-only' })).data?.person,
    fieldId: personFieldId,
    fieldLabel: personFieldLabel,
    firstField: anonymised ? 'jobTitle' : 'firstName',
    apiToForm: PERSON_API_TO_FORM,
    permissionNotice: true,
    initialNotice: created ? 'Personne créée.' : null,
    onSaved: refreshHistory,
  });
  const { current } = edit;

  const archive = useConfirmedAction(async () => {
    await archivePerson({ variables: { id: current.id, version: current.version } });
    // No name in the history's state: the notice is generic.
    void navigate('/personnes', { state: { notice: 'Personne archivée : elle n’apparaît plus dans les vues publiques.' } });
  }, 'La fiche a été modifiée entre-temps : rechargez la page avant de l’archiver.');

  /** Back to the public views (if public); the form keeps what was typed (only the status and version change). */
  const restore = useVersionedAction(async () => {
    const res = await restorePerson({ variables: { id: current.id, version: current.version } });
    if (!res.data) return;
    edit.rebase({ ...current, ...res.data.restorePerson });
    refreshHistory();
    return 'Personne restaurée : elle figure de nouveau dans les vues publiques (si son profil est public) et parmi les animateurs et animatrices de ses secteurs.';
  }, 'La fiche a été modifiée entre-temps : rechargez la page avant de la restaurer.');

  const archived = current.status === 'ARCHIVED';
  const name = current.displayName;

  return (
    <>
      <Breadcrumb list={PERSONS} current={name} />
      <EditPageHeader
        title={name}
        meta={
          <>
            {archived && (
              <>
                <span className="badge badge--archived">Archivée</span>{' '}
              </>
            )}
            {current.jobTitle ? `${current.jobTitle} · ` : ''}
            {current.isPublic ? 'Profil public' : 'Profil non public'} · version {current.version}
            {anonymised && ` · anonymisée le ${formatDate(current.anonymisedAt)}`}
          </>
        }
      >
        {!readOnly && !archived && <ConfirmedActionButton action={archive}>Archiver</ConfirmedActionButton>}
        {!readOnly && archived && <VersionedActionButton action={restore}>Restaurer</VersionedActionButton>}
      </EditPageHeader>

      {archived && (
        <p className="notice">
          Cette personne est archivée : elle n'apparaît plus dans les vues publiques ni parmi les animateurs et animatrices des
          secteurs. L'historique ci-dessous indique depuis quand.
        </p>
      )}
      <ActionOutcome error={restore.error} done={restore.done} />
      <PermissionNotice
        forbidden={edit.forbidden}
        otherwise={readOnly ? 'Votre rôle permet de consulter cette fiche, pas de la modifier.' : null}
      />

      <VersionedEditForm
        edit={edit}
        label="Fiche de la personne"
        readOnly={readOnly}
        conflictSubject="Cette fiche a été modifiée"
        labelOf={personFieldLabel}
        formatOf={personValueFormatter([...edit.base.structure, ...edit.values.structure])}
      >
        <PersonFields
          values={edit.values}
          onChange={edit.onChange}
          errors={edit.errors}
          readOnly={readOnly}
          anonymisedAt={current.anonymisedAt ?? null}
        />
      </VersionedEditForm>

      <PersonLinks person={person} />

      <section className="section" aria-labelledby="gdpr-title">
        <h2 id="gdpr-title">Données personnelles (RGPD)</h2>
        {gdprNotice && <Success>{gdprNotice}</Success>}
        <PersonGdprPanel
          person={{ ...person, displayName: name }}
          showName={false}
          readOnly={readOnly}
          onErased={(erased) => {
            setGdprNotice(`Les données de ${erased} ont été anonymisées.`);
            refreshHistory();
            // The page starts again from the anonymised version (a new form: see PersonEditPage's key).
            void refetch().catch(() => undefined);
          }}
          onChanged={() => {
            setGdprNotice(null);
            refreshHistory();
            void refetch().catch(() => undefined);
          }}
        />
      </section>

      <EntityHistory
        roles={roles}
        entityType="Person"
        entityId={rowId}
        emptyMessage="Aucune modification enregistrée pour cette personne."
      />

      <ConfirmedActionDialog
        action={archive}
        title="Archiver cette personne ?"
        description={
          <p>
            « {name} » quittera les vues publiques et les listes d'animateurs et animatrices des secteurs. Sa fiche, ses
            consentements et son historique sont conservés ; pour effacer ses données personnelles, utilisez « Anonymiser ».
          </p>
        }
        confirmLabel="Archiver la personne"
      />
    </>
  );
}

/** Where the person appears in the graph (read only: each is edited on its own page). */
function PersonLinks({ person }: { person: LoadedPerson }) {
  return (
    <section className="section" aria-labelledby="links-title">
      <h2 id="links-title">Dans le réseau territorial</h2>
      <h3>Secteurs animés</h3>
      {person.facilitatedSectors.length ? (
        <ul>
          {person.facilitatedSectors.map((s) => (
            <li key={s.id}>
              <Link to={`/secteurs/${encodeURIComponent(s.slug)}`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucun secteur.</p>
      )}
      <h3>Offres de tutorat</h3>
      {person.mentorOffers.length ? (
        <ul>
          {person.mentorOffers.map((o) => (
            <li key={o.id}>
              <Link to={`/tutorat/${encodeURIComponent(o.id)}`}>{o.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucune offre.</p>
      )}
      {/* null for the roles that may not read the accompaniment (the API decides). */}
      {person.carrierProjects && (
        <>
          <h3>Projets accompagnés</h3>
          {person.carrierProjects.length ? (
            <ul>
              {person.carrierProjects.map((p) => (
                <li key={p.id}>
                  <Link to={`/accompagnement/${encodeURIComponent(p.id)}`}>{p.title}</Link> — {STAGE_LABELS[p.stage]}
                  {p.archived ? ' (archivé)' : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Aucun projet.</p>
          )}
        </>
      )}
    </section>
  );
}
