import { describe, expect, it } from 'vitest';
import { EMPTY_SPACE, formatDay, sectorOptions, toPatch, validate } from './model';

const refs = {
  sectors: [
    { id: 'S1', slug: 'iae', name: 'IAE', status: 'ACTIVE' },
    { id: 'S2', slug: 'sap', name: 'Services à la personne', status: 'ACTIVE' },
    { id: 'S3', slug: 'ancien', name: 'Ancien secteur', status: 'ARCHIVED' },
  ],
  viewer: { id: 'A1', sectors: [{ id: 'S2', slug: 'sap', name: 'Services à la personne' }] },
};

describe('space model', () => {
  it('sends only the changed fields, trimmed, with the sector as a slug', () => {
    const base = { ...EMPTY_SPACE, sector: 'iae', title: 'Atelier', goal: 'Objectif' };
    expect(toPatch(base, { ...base, title: ' Atelier vélo ', sector: 'sap' })).toEqual({
      title: 'Atelier vélo',
      sectorSlug: 'sap',
    });
    expect(toPatch(base, { ...base, description: '   ' })).toEqual({});
  });

  it('checks the sector, the title and the goal like the API', () => {
    expect(validate({ ...EMPTY_SPACE, title: 'A', goal: '' })).toEqual({
      sector: ['Choisissez le secteur.'],
      title: ['Le titre doit comporter entre 2 et 300 caractères.'],
      goal: ["L'objectif doit comporter entre 2 et 2 000 caractères."],
    });
  });

  it('offers every active sector to the mission, their own to a facilitator, and keeps the current one', () => {
    expect(sectorOptions(refs, true).map(([slug]) => slug)).toEqual(['iae', 'sap']);
    expect(sectorOptions(refs, false).map(([slug]) => slug)).toEqual(['sap']);
    expect(sectorOptions(refs, false, { slug: 'iae', name: 'IAE' }).map(([slug]) => slug)).toEqual(['iae', 'sap']);
  });

  it('formats API dates, epoch milliseconds included', () => {
    expect(formatDay('2026-03-01')).toBe('1 mars 2026');
    expect(formatDay(String(Date.UTC(2026, 6, 5)))).toBe('5 juillet 2026');
    expect(formatDay(null)).toBe('—');
  });
});
