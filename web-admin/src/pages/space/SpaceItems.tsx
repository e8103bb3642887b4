import type { DeliverableKind, DeliverableInput, SessionInput } from '../../gql/graphql';
import { SelectField, TextAreaField, TextField, formatShortDateTime as formatDateTime } from '@essor/web-ui';
import { DELIVERABLE_KINDS, DELIVERABLE_KIND_LABELS, PARTICIPANT_ROLE_LABELS, formatDay, localToIso, type Space } from './model';
import { ADD_SPACE_DELIVERABLE_MUTATION, ADD_SPACE_SESSION_MUTATION } from './operations';
import { ParticipantForm } from './ParticipantForm';
import { SpaceItemForm, trimmedOrNull, useItemForm, type ItemFormSpec } from './SpaceItemForm';
import { SpaceItemSection, type ItemsProps, type SectionSpec } from './SpaceItemSection';

// The three child items of a space, each a section of the generic editor (SpaceItemSection) given
// its columns and texts, and an add form (SpaceItemForm) given its fields, check and mutation.

// ——— Sessions ———

type Session = Space['sessions'][number];
type SessionKey = 'startsAt' | 'endsAt' | 'place' | 'communeCode' | 'notes';

const SESSIONS: SectionSpec<Session> = {
  item: 'session',
  heading: 'Séances',
  empty: 'Aucune séance.',
  columns: [
    ['Début', (s) => formatDateTime(s.startsAt)],
    ['Fin', (s) => (s.endsAt ? formatDateTime(s.endsAt) : '—')],
    ['Lieu', (s) => s.place ?? '—'],
    ['Commune', (s) => s.commune?.name ?? s.communeCode ?? '—'],
    ['Notes', (s) => s.notes ?? ''],
  ],
  removal: (s) => ({
    label: `Retirer la séance du ${formatDateTime(s.startsAt)}`,
    title: 'Retirer cette séance ?',
    what: `La séance du ${formatDateTime(s.startsAt)}${s.place ? ` (${s.place})` : ''} sera supprimée.`,
  }),
};

const SESSION_FORM: ItemFormSpec<SessionKey, SessionInput> = {
  item: 'session',
  mutation: ADD_SPACE_SESSION_MUTATION,
  empty: { startsAt: '', endsAt: '', place: '', communeCode: '', notes: '' },
  // The dates must read, the end may not precede the start.
  check: (values) => {
    const startsAt = localToIso(values.startsAt);
    const endsAt = localToIso(values.endsAt);
    const errors: Partial<Record<SessionKey, string[]>> = {};
    if (!startsAt) errors.startsAt = ['Indiquez la date et l’heure de début.'];
    if (values.endsAt && !endsAt) errors.endsAt = ['Date et heure de fin invalides.'];
    if (startsAt && endsAt && endsAt < startsAt) errors.endsAt = ['La fin précède le début.'];
    if (!startsAt || Object.keys(errors).length) return { errors };
    const { place, communeCode, notes } = values;
    return {
      input: {
        startsAt,
        endsAt,
        place: trimmedOrNull(place),
        communeCode: trimmedOrNull(communeCode),
        notes: trimmedOrNull(notes),
      },
    };
  },
  rename: { commune: 'communeCode' },
  done: 'Séance ajoutée.',
};

export function SessionsSection(props: ItemsProps) {
  const { space, onChanged } = props;
  return (
    <SpaceItemSection
      {...props}
      spec={SESSIONS}
      rows={space.sessions}
      form={<SessionForm space={space} onChanged={onChanged} />}
    />
  );
}

function SessionForm({ space, onChanged }: { space: Space; onChanged: () => void }) {
  const { field, shell } = useItemForm({ ...SESSION_FORM, space, onChanged });
  return (
    <SpaceItemForm {...shell} title="Ajouter une séance" submitLabel="Ajouter la séance">
      <div className="form-grid">
        <TextField {...field('startsAt', 'Début')} type="datetime-local" required />
        <TextField {...field('endsAt', 'Fin')} type="datetime-local" />
        <TextField {...field('place', 'Lieu')} maxLength={300} />
        <TextField {...field('communeCode', 'Code commune (INSEE)')} maxLength={5} hint="5 caractères, par exemple 59392." />
      </div>
      <TextAreaField {...field('notes', 'Notes')} maxLength={2000} rows={2} />
    </SpaceItemForm>
  );
}

// ——— Participants ———

type Participant = Space['participants'][number];

const participantName = (p: Participant) => p.structure?.name ?? p.person?.displayName ?? 'Participant inconnu';

const PARTICIPANTS: SectionSpec<Participant> = {
  item: 'participant',
  heading: 'Participants',
  empty: 'Aucun participant.',
  columns: [
    ['Participant', participantName],
    ['Type', (p) => (p.structure ? 'Structure' : 'Personne')],
    ['Rôle', (p) => PARTICIPANT_ROLE_LABELS[p.role]],
    ['Depuis le', (p) => formatDay(p.joinedAt)],
  ],
  removal: (p, space) => ({
    label: `Retirer ${participantName(p)}`,
    title: 'Retirer ce participant ?',
    what: `« ${participantName(p)} » ne participera plus à « ${space.title} ».`,
  }),
};

export function ParticipantsSection({ admin, ...props }: ItemsProps & { admin: boolean }) {
  const { space, onChanged } = props;
  const form = <ParticipantForm space={space} admin={admin} onChanged={onChanged} />;
  return <SpaceItemSection {...props} spec={PARTICIPANTS} rows={space.participants} form={form} />;
}

// ——— Deliverables ———

type Deliverable = Space['deliverables'][number];
type DeliverableKey = 'title' | 'kind' | 'deliveredAt' | 'url' | 'description';

const DELIVERABLES: SectionSpec<Deliverable> = {
  item: 'deliverable',
  heading: 'Livrables',
  empty: 'Aucun livrable.',
  columns: [
    [
      'Livrable',
      (d) =>
        d.url ? (
          <a href={d.url} rel="noopener noreferrer" target="_blank">
            {d.title}
            <span className="visually-hidden"> (nouvelle fenêtre)</span>
          </a>
        ) : (
          d.title
        ),
    ],
    ['Type', (d) => DELIVERABLE_KIND_LABELS[d.kind]],
    ['Livré le', (d) => (d.deliveredAt ? formatDay(d.deliveredAt) : 'à venir')],
    ['Description', (d) => d.description ?? ''],
  ],
  removal: (d) => ({
    label: `Retirer le livrable « ${d.title} »`,
    title: 'Retirer ce livrable ?',
    what: `Le livrable « ${d.title} » sera supprimé.`,
  }),
};

const DELIVERABLE_FORM: ItemFormSpec<DeliverableKey, DeliverableInput> = {
  item: 'deliverable',
  mutation: ADD_SPACE_DELIVERABLE_MUTATION,
  empty: { title: '', kind: 'REPORT', deliveredAt: '', url: '', description: '' },
  // The title must hold 2 characters at least (the API checks the rest).
  check: (values) => {
    const title = values.title.trim();
    if (title.length < 2) return { errors: { title: ['Le titre doit comporter entre 2 et 300 caractères.'] } };
    const kind = values.kind as DeliverableKind;
    return {
      input: {
        title,
        kind,
        deliveredAt: values.deliveredAt || null,
        url: trimmedOrNull(values.url),
        description: trimmedOrNull(values.description),
      },
    };
  },
  done: 'Livrable ajouté.',
};

export function DeliverablesSection(props: ItemsProps) {
  const { space, onChanged } = props;
  const form = <DeliverableForm space={space} onChanged={onChanged} />;
  return <SpaceItemSection {...props} spec={DELIVERABLES} rows={space.deliverables} form={form} />;
}

function DeliverableForm({ space, onChanged }: { space: Space; onChanged: () => void }) {
  const { field, shell } = useItemForm({ ...DELIVERABLE_FORM, space, onChanged });
  return (
    <SpaceItemForm {...shell} title="Ajouter un livrable" submitLabel="Ajouter le livrable">
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
    </SpaceItemForm>
  );
}
