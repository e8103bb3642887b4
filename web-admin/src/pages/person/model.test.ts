import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../lib/ids';
import { EMPTY_PERSON, personValueFormatter, toCreatePersonInput, toPersonPatch, validatePerson } from './model';

const JARDINS = { id: toGlobalId('Structure', '5'), name: 'Les Jardins de la Sambre' };
const base = { ...EMPTY_PERSON, firstName: 'Sacha', lastName: 'Martin', phone: '03 27 00 00 01', structure: [JARDINS] };

describe('person model', () => {
  it('sends only the changed fields, trimmed; an emptied field or structure is cleared (null)', () => {
    expect(toPersonPatch(base, { ...base, firstName: ' Sasha ' })).toEqual({ firstName: 'Sasha' });
    expect(toPersonPatch(base, { ...base, lastName: 'Martin  ' })).toEqual({});
    expect(toPersonPatch(base, { ...base, phone: '  ', structure: [], isPublic: true })).toEqual({
      phone: null,
      structureId: null,
      isPublic: true,
    });
  });

  it('creates with the filled fields only', () => {
    expect(toCreatePersonInput({ ...EMPTY_PERSON, lastName: ' Martin ', bio: ' ', structure: [JARDINS] })).toEqual({
      lastName: 'Martin',
      structureId: JARDINS.id,
    });
  });

  it("checks the API's rules: a name, a first name or a job title, which an edit may not take away", () => {
    expect(validatePerson(base)).toEqual({});
    expect(validatePerson({ ...base, email: 'sacha@exemple', phone: '12' })).toEqual({
      email: ["L'adresse e-mail n'est pas valide."],
      phone: ["Le numéro de téléphone n'est pas valide."],
    });
    // Creation: under the name.
    expect(validatePerson(EMPTY_PERSON)).toEqual({ lastName: ['Indiquez au moins un nom, un prénom ou une fonction.'] });
    // Edit: under the field emptied; a person who had none (older records) may still be edited.
    expect(validatePerson({ ...base, firstName: '', lastName: ' ' }, base)).toEqual({
      lastName: ['Indiquez au moins un nom, un prénom ou une fonction.'],
    });
    expect(validatePerson({ ...EMPTY_PERSON, phone: '03 27 00 00 02' }, EMPTY_PERSON)).toEqual({});
    // Anonymised: the job title is all that is left.
    const anonymised = { ...EMPTY_PERSON, jobTitle: 'Directrice' };
    expect(validatePerson({ ...anonymised, jobTitle: '' }, anonymised, true)).toEqual({
      jobTitle: ['Gardez une fonction : les nom et prénom de cette personne ont été effacés (RGPD).'],
    });
    expect(validatePerson({ ...EMPTY_PERSON, jobTitle: 'Directrice', firstName: 'x'.repeat(101) })).toEqual({
      firstName: ['Le prénom comporte au plus 100 caractères.'],
    });
  });

  it('records a contact only when its date is given: a real day, not in the future, never emptied', () => {
    const withContact = { ...base, lastContactAt: '2025-03-05' };
    expect(toPersonPatch(withContact, { ...withContact, jobTitle: 'Directrice' })).toEqual({ jobTitle: 'Directrice' });
    expect(toPersonPatch(withContact, { ...withContact, lastContactAt: '2025-06-30' })).toEqual({ lastContactAt: '2025-06-30' });
    expect(toCreatePersonInput({ ...EMPTY_PERSON, lastName: 'Martin', lastContactAt: '2025-06-30' })).toEqual({
      lastName: 'Martin',
      lastContactAt: '2025-06-30',
    });
    expect(validatePerson({ ...withContact, lastContactAt: '2999-01-01' }, withContact)).toEqual({
      lastContactAt: ['La date du dernier contact ne peut pas être dans le futur.'],
    });
    expect(validatePerson({ ...withContact, lastContactAt: '' }, withContact)).toEqual({
      lastContactAt: ['La date du dernier contact ne s’efface pas : elle fait courir la durée de conservation.'],
    });
    expect(validatePerson({ ...base, lastContactAt: '5/3/2025' })).toEqual({
      lastContactAt: ['La date du dernier contact a la forme AAAA-MM-JJ.'],
    });
  });

  it('names the structures of a conflict it knows, and shows dates in French', () => {
    const format = personValueFormatter([JARDINS]);
    expect(format('structureId', '5')).toBe('Les Jardins de la Sambre');
    expect(format('structureId', '9')).toBe('structure n° 9');
    expect(format('structureId', null)).toBe('(aucune)');
    expect(format('isPublic', true)).toBe('Oui');
    expect(format('lastContactAt', '2025-06-30T00:00:00.000Z')).toBe('30 juin 2025');
  });
});
