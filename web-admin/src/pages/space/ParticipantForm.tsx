import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ParticipantRole } from '../../gql/graphql';
import { SelectField, errorMessage, findError, type FieldErrors } from '@essor/web-ui';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { StructurePicker, type PickedStructure } from '../../components/StructurePicker';
import { focusSoon } from '../../lib/entityForm';
import { PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS, type Space } from './model';
import { ADD_SPACE_PARTICIPANT_MUTATION } from './operations';
import { SpaceItemForm, splitErrors } from './SpaceItemForm';

/**
 * Adds structures and, for the mission, persons to a space with one role: one mutation per participant,
 * so that what was added leaves the selection and what failed stays.
 */
export function ParticipantForm({ space, admin, onChanged }: { space: Space; admin: boolean; onChanged: () => void }) {
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
    <SpaceItemForm
      item="participant"
      title="Ajouter des participants"
      submitLabel="Ajouter les participants"
      busy={saving}
      done={done}
      general={general}
      onSubmit={onSubmit}
    >
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
    </SpaceItemForm>
  );
}
