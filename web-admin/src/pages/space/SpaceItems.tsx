import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import type { DeliverableKind, ParticipantRole, SpaceItem } from '../../gql/graphql';
import { ConfirmDialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { StructurePicker, type PickedStructure } from '../../components/StructurePicker';
import { ErrorNotice, Success } from '../../components/status';
import { formatShortDateTime as formatDateTime, errorMessage, fieldErrorsOf, findError, type FieldErrors } from '@essor/web-ui';
import { focusSoon } from '../../lib/entityForm';
import {
  DELIVERABLE_KINDS,
  DELIVERABLE_KIND_LABELS,
  PARTICIPANT_ROLES,
  PARTICIPANT_ROLE_LABELS,
  formatDay,
  localToIso,
  type Space,
} from './model';
import {
  ADD_SPACE_DELIVERABLE_MUTATION,
  ADD_SPACE_PARTICIPANT_MUTATION,
  ADD_SPACE_SESSION_MUTATION,
  REMOVE_SPACE_ITEM_MUTATION,
} from './operations';

/** Messages of the fields of a small form; the others (and errors without a field) in one sentence. */
function splitErrors<K extends string>(error: unknown, keys: readonly K[], rename: Record<string, K> = {}) {
  const fields: FieldErrors = fieldErrorsOf(error, rename);
  const own: Partial<Record<K, string[]>> = {};
  const others: string[] = [];
  for (const [k, m] of Object.entries(fields)) {
    if ((keys as readonly string[]).includes(k)) own[k as K] = m;
    else others.push(m.join(' '));
  }
  const general = others.length ? others.join(' ') : Object.keys(own).length ? null : errorMessage(error);
  return { own, general };
}

/** Removal of a session, participant or deliverable, after a confirmation. */
function useRemoval(space: Space, onChanged: () => void) {
  const [pending, setPending] = useState<{ item: SpaceItem; itemId: string; title: string; what: ReactNode } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(REMOVE_SPACE_ITEM_MUTATION);
  const dialog = pending && (
    <ConfirmDialog
      title={pending.title}
      description={<p>{pending.what}</p>}
      confirmLabel="Retirer"
      danger
      busy={loading}
      error={error}
      onConfirm={() => {
        setError(null);
        remove({ variables: { spaceId: space.id, item: pending.item, itemId: pending.itemId } })
          .then(() => {
            setPending(null);
            setDone('Élément retiré.');
            onChanged();
          })
          .catch((err: unknown) => setError(errorMessage(err)));
      }}
      onCancel={() => {
        setPending(null);
        setError(null);
      }}
    />
  );
  return {
    ask: (p: NonNullable<typeof pending>) => {
      setDone(null);
      setPending(p);
    },
    dialog,
    done,
  };
}

interface ItemsProps {
  space: Space;
  /** The viewer may edit this space (`viewerCanEdit`). */
  canEdit: boolean;
  /** After a change (the history of the space is refreshed). */
  onChanged: () => void;
}

// ——— Sessions ———

type SessionKey = 'startsAt' | 'endsAt' | 'place' | 'communeCode' | 'notes';
const SESSION_KEYS: readonly SessionKey[] = ['startsAt', 'endsAt', 'place', 'communeCode', 'notes'];
const EMPTY_SESSION: Record<SessionKey, string> = { startsAt: '', endsAt: '', place: '', communeCode: '', notes: '' };

export function SessionsSection({ space, canEdit, onChanged }: ItemsProps) {
  const removal = useRemoval(space, onChanged);
  return (
    <section className="section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Séances</h2>
      {space.sessions.length === 0 ? (
        <p className="muted">Aucune séance.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Séances de « {space.title} »</caption>
            <thead>
              <tr>
                <th scope="col">Début</th>
                <th scope="col">Fin</th>
                <th scope="col">Lieu</th>
                <th scope="col">Commune</th>
                <th scope="col">Notes</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {space.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{formatDateTime(s.startsAt)}</th>
                  <td>{s.endsAt ? formatDateTime(s.endsAt) : '—'}</td>
                  <td>{s.place ?? '—'}</td>
                  <td>{s.commune?.name ?? s.communeCode ?? '—'}</td>
                  <td>{s.notes ?? ''}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--danger-outline button--small"
                        aria-label={`Retirer la séance du ${formatDateTime(s.startsAt)}`}
                        onClick={() =>
                          removal.ask({
                            item: 'session',
                            itemId: s.id,
                            title: 'Retirer cette séance ?',
                            what: `La séance du ${formatDateTime(s.startsAt)}${s.place ? ` (${s.place})` : ''} sera supprimée.`,
                          })
                        }
                      >
                        Retirer
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removal.done && <Success>{removal.done}</Success>}
      {canEdit && <SessionForm space={space} onChanged={onChanged} />}
      {removal.dialog}
    </section>
  );
}

function SessionForm({ space, onChanged }: { space: Space; onChanged: () => void }) {
  const [values, setValues] = useState(EMPTY_SESSION);
  const [errors, setErrors] = useState<Partial<Record<SessionKey, string[]>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [add, { loading }] = useMutation(ADD_SPACE_SESSION_MUTATION);
  const id = (k: SessionKey) => `session-${k}`;
  const field = (k: SessionKey, label: string) => ({
    id: id(k),
    label,
    value: values[k],
    errors: errors[k],
    onChange: (v: string) => {
      setValues((old) => ({ ...old, [k]: v }));
      setDone(false);
    },
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    setDone(false);
    const startsAt = localToIso(values.startsAt);
    const endsAt = localToIso(values.endsAt);
    const local: Partial<Record<SessionKey, string[]>> = {};
    if (!startsAt) local.startsAt = ['Indiquez la date et l’heure de début.'];
    if (values.endsAt && !endsAt) local.endsAt = ['Date et heure de fin invalides.'];
    if (startsAt && endsAt && endsAt < startsAt) local.endsAt = ['La fin précède le début.'];
    setErrors(local);
    if (!startsAt || Object.keys(local).length) {
      focusSoon(() => document.getElementById(id(Object.keys(local)[0] as SessionKey)));
      return;
    }
    try {
      await add({
        variables: {
          spaceId: space.id,
          input: {
            startsAt,
            endsAt,
            place: values.place.trim() || null,
            communeCode: values.communeCode.trim() || null,
            notes: values.notes.trim() || null,
          },
        },
      });
    } catch (err) {
      const { own, general: g } = splitErrors(err, SESSION_KEYS, { commune: 'communeCode' });
      setErrors(own);
      setGeneral(g);
      const first = Object.keys(own)[0] as SessionKey | undefined;
      if (first) focusSoon(() => document.getElementById(id(first)));
      return;
    }
    setValues(EMPTY_SESSION);
    setErrors({});
    setDone(true);
    onChanged();
  };
  return (
    <form className="form card" aria-labelledby="session-form-title" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3 id="session-form-title" className="card__title">
        Ajouter une séance
      </h3>
      <div className="form-grid">
        <TextField {...field('startsAt', 'Début')} type="datetime-local" required />
        <TextField {...field('endsAt', 'Fin')} type="datetime-local" />
        <TextField {...field('place', 'Lieu')} maxLength={300} />
        <TextField {...field('communeCode', 'Code commune (INSEE)')} maxLength={5} hint="5 caractères, par exemple 59392." />
      </div>
      <TextAreaField {...field('notes', 'Notes')} maxLength={2000} rows={2} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading || undefined}>
          Ajouter la séance
        </button>
        {done && <Success>Séance ajoutée.</Success>}
      </div>
      {general && <ErrorNotice message={general} />}
    </form>
  );
}

// ——— Participants ———

export function ParticipantsSection({ space, canEdit, admin, onChanged }: ItemsProps & { admin: boolean }) {
  const removal = useRemoval(space, onChanged);
  return (
    <section className="section" aria-labelledby="participants-title">
      <h2 id="participants-title">Participants</h2>
      {space.participants.length === 0 ? (
        <p className="muted">Aucun participant.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Participants de « {space.title} »</caption>
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Type</th>
                <th scope="col">Rôle</th>
                <th scope="col">Depuis le</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {space.participants.map((p) => {
                const name = p.structure?.name ?? p.person?.displayName ?? 'Participant inconnu';
                return (
                  <tr key={p.id}>
                    <th scope="row">{name}</th>
                    <td>{p.structure ? 'Structure' : 'Personne'}</td>
                    <td>{PARTICIPANT_ROLE_LABELS[p.role]}</td>
                    <td>{formatDay(p.joinedAt)}</td>
                    {canEdit && (
                      <td>
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          aria-label={`Retirer ${name}`}
                          onClick={() =>
                            removal.ask({
                              item: 'participant',
                              itemId: p.id,
                              title: 'Retirer ce participant ?',
                              what: `« ${name} » ne participera plus à « ${space.title} ».`,
                            })
                          }
                        >
                          Retirer
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {removal.done && <Success>{removal.done}</Success>}
      {canEdit && <ParticipantForm space={space} admin={admin} onChanged={onChanged} />}
      {removal.dialog}
    </section>
  );
}

function ParticipantForm({ space, admin, onChanged }: { space: Space; admin: boolean; onChanged: () => void }) {
  const [structures, setStructures] = useState<PickedStructure[]>([]);
  const [persons, setPersons] = useState<PickedPerson[]>([]);
  const [role, setRole] = useState<ParticipantRole>('PARTICIPANT');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [add] = useMutation(ADD_SPACE_PARTICIPANT_MUTATION);
  const already = new Set(space.participants.flatMap((p) => [p.structure?.id, p.person?.id]).filter(Boolean));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    setDone(null);
    if (!structures.length && !persons.length) {
      setErrors({
        structureId: [admin ? 'Choisissez au moins une structure ou une personne.' : 'Choisissez au moins une structure.'],
      });
      focusSoon(() => document.getElementById('participant-structures-search'));
      return;
    }
    setSaving(true);
    let added = 0;
    // One mutation per participant: what was added leaves the selection, what failed stays.
    const queue = [
      ...structures.map((s) => ({ input: { structureId: s.id, role }, structure: s })),
      ...persons.map((p) => ({ input: { personId: p.id, role }, person: p })),
    ];
    for (const item of queue) {
      try {
        await add({ variables: { spaceId: space.id, input: item.input } });
        added += 1;
        if ('structure' in item) setStructures((list) => list.filter((x) => x.id !== item.structure.id));
        else setPersons((list) => list.filter((x) => x.id !== item.person.id));
      } catch (err) {
        const { own, general: g } = splitErrors(err, ['structureId', 'personId']);
        const name = 'structure' in item ? item.structure.name : item.person.displayName;
        setErrors(own);
        setGeneral(findError(err, 'FORBIDDEN') ? errorMessage(err) : g ? `${name} : ${g}` : null);
        break;
      }
    }
    setSaving(false);
    if (added) {
      setDone(added > 1 ? `${added} participants ajoutés.` : 'Participant ajouté.');
      onChanged();
    }
  };

  return (
    <form className="form card" aria-labelledby="participant-form-title" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3 id="participant-form-title" className="card__title">
        Ajouter des participants
      </h3>
      <StructurePicker
        id="participant-structures"
        legend="Structures"
        hint={
          admin
            ? 'Cherchez par nom, ajoutez-les à la sélection puis validez.'
            : "Structures publiées dans l'annuaire : cherchez par nom, ajoutez-les à la sélection puis validez."
        }
        source={admin ? 'admin' : 'directory'}
        selected={structures.filter((s) => !already.has(s.id))}
        onChange={setStructures}
        errors={errors.structureId}
        busy={saving}
      />
      {admin && (
        <PersonPicker
          id="participant-persons"
          legend="Personnes"
          hint="Une personne peut participer à titre individuel."
          selected={persons}
          onChange={setPersons}
          errors={errors.personId}
          disabled={saving}
        />
      )}
      <SelectField
        id="participant-role"
        label="Rôle"
        value={role}
        onChange={(v) => setRole(v as ParticipantRole)}
        options={PARTICIPANT_ROLES.map((r) => [r, PARTICIPANT_ROLE_LABELS[r]] as const)}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
          Ajouter les participants
        </button>
        {done && <Success>{done}</Success>}
      </div>
      {general && <ErrorNotice message={general} />}
    </form>
  );
}

// ——— Deliverables ———

type DeliverableKey = 'title' | 'kind' | 'deliveredAt' | 'url' | 'description';
const DELIVERABLE_KEYS: readonly DeliverableKey[] = ['title', 'kind', 'deliveredAt', 'url', 'description'];
const EMPTY_DELIVERABLE: Record<DeliverableKey, string> = {
  title: '',
  kind: 'REPORT',
  deliveredAt: '',
  url: '',
  description: '',
};

export function DeliverablesSection({ space, canEdit, onChanged }: ItemsProps) {
  const removal = useRemoval(space, onChanged);
  return (
    <section className="section" aria-labelledby="deliverables-title">
      <h2 id="deliverables-title">Livrables</h2>
      {space.deliverables.length === 0 ? (
        <p className="muted">Aucun livrable.</p>
      ) : (
        <div className="table-wrapper">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Livrables de « {space.title} »</caption>
            <thead>
              <tr>
                <th scope="col">Livrable</th>
                <th scope="col">Type</th>
                <th scope="col">Livré le</th>
                <th scope="col">Description</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {space.deliverables.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.url ? (
                      <a href={d.url} rel="noopener noreferrer" target="_blank">
                        {d.title}
                        <span className="visually-hidden"> (nouvelle fenêtre)</span>
                      </a>
                    ) : (
                      d.title
                    )}
                  </th>
                  <td>{DELIVERABLE_KIND_LABELS[d.kind]}</td>
                  <td>{d.deliveredAt ? formatDay(d.deliveredAt) : 'à venir'}</td>
                  <td>{d.description ?? ''}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--danger-outline button--small"
                        aria-label={`Retirer le livrable « ${d.title} »`}
                        onClick={() =>
                          removal.ask({
                            item: 'deliverable',
                            itemId: d.id,
                            title: 'Retirer ce livrable ?',
                            what: `Le livrable « ${d.title} » sera supprimé.`,
                          })
                        }
                      >
                        Retirer
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removal.done && <Success>{removal.done}</Success>}
      {canEdit && <DeliverableForm space={space} onChanged={onChanged} />}
      {removal.dialog}
    </section>
  );
}

function DeliverableForm({ space, onChanged }: { space: Space; onChanged: () => void }) {
  const [values, setValues] = useState(EMPTY_DELIVERABLE);
  const [errors, setErrors] = useState<Partial<Record<DeliverableKey, string[]>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [add, { loading }] = useMutation(ADD_SPACE_DELIVERABLE_MUTATION);
  const id = (k: DeliverableKey) => `deliverable-${k}`;
  const field = (k: DeliverableKey, label: string) => ({
    id: id(k),
    label,
    value: values[k],
    errors: errors[k],
    onChange: (v: string) => {
      setValues((old) => ({ ...old, [k]: v }));
      setDone(false);
    },
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    setDone(false);
    const title = values.title.trim();
    if (title.length < 2) {
      setErrors({ title: ['Le titre doit comporter entre 2 et 300 caractères.'] });
      focusSoon(() => document.getElementById(id('title')));
      return;
    }
    setErrors({});
    try {
      await add({
        variables: {
          spaceId: space.id,
          input: {
            title,
            kind: values.kind as DeliverableKind,
            deliveredAt: values.deliveredAt || null,
            url: values.url.trim() || null,
            description: values.description.trim() || null,
          },
        },
      });
    } catch (err) {
      const { own, general: g } = splitErrors(err, DELIVERABLE_KEYS);
      setErrors(own);
      setGeneral(g);
      const first = Object.keys(own)[0] as DeliverableKey | undefined;
      if (first) focusSoon(() => document.getElementById(id(first)));
      return;
    }
    setValues(EMPTY_DELIVERABLE);
    setDone(true);
    onChanged();
  };
  return (
    <form className="form card" aria-labelledby="deliverable-form-title" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3 id="deliverable-form-title" className="card__title">
        Ajouter un livrable
      </h3>
      <div className="form-grid">
        <TextField {...field('title', 'Titre du livrable')} required maxLength={300} />
        <SelectField
          {...field('kind', 'Type de livrable')}
          options={DELIVERABLE_KINDS.map((k) => [k, DELIVERABLE_KIND_LABELS[k]] as const)}
        />
        <TextField {...field('deliveredAt', 'Date de livraison')} type="date" />
        <TextField {...field('url', 'Lien')} type="url" inputMode="url" hint="Commence par https:// ou http://." />
      </div>
      <TextAreaField {...field('description', 'Description du livrable')} maxLength={5000} rows={2} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading || undefined}>
          Ajouter le livrable
        </button>
        {done && <Success>Livrable ajouté.</Success>}
      </div>
      {general && <ErrorNotice message={general} />}
    </form>
  );
}
