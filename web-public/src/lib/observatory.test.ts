import { describe, expect, it } from 'vitest';
import {
  clearObservatoryFilters,
  formatReferenceValue,
  hasObservatoryFilters,
  parseObservatoryParams,
  readableScope,
  toObservatoryFilters,
  withParam,
} from './observatory';

const filtersOf = (query: string) => toObservatoryFilters(parseObservatoryParams(new URLSearchParams(query)));

describe('observatoire : URL ↔ variables de `observatory`', () => {
  it('par défaut, la zone du pôle ; un EPCI du territoire la remplace', () => {
    expect(filtersOf('')).toEqual({ zone: 'sambre-avesnois' });
    expect(filtersOf('epci=200043321')).toEqual({ epci: ['200043321'] });
    // An EPCI outside the territory (or malformed) is ignored: the scope stays the zone.
    expect(filtersOf('epci=200093201')).toEqual({ zone: 'sambre-avesnois' });
  });

  it('familles valides dans un ordre stable, année à quatre chiffres', () => {
    expect(filtersOf('famille=MUTUELLE&famille=INCONNUE&famille=ASSOCIATION&famille=MUTUELLE&annee=2025')).toEqual({
      zone: 'sambre-avesnois',
      essFamily: ['ASSOCIATION', 'MUTUELLE'],
      year: 2025,
    });
    expect(filtersOf('annee=25')).toEqual({ zone: 'sambre-avesnois' });
  });

  it('remplace, retire et efface les filtres en gardant les autres paramètres', () => {
    const params = new URLSearchParams('epci=200043396&famille=ASSOCIATION&annee=2025&utm=x');
    expect(withParam(params, 'epci', ['']).toString()).toBe('famille=ASSOCIATION&annee=2025&utm=x');
    expect(withParam(params, 'famille', ['ASSOCIATION', 'FONDATION']).getAll('famille')).toEqual(['ASSOCIATION', 'FONDATION']);
    expect(clearObservatoryFilters(params).toString()).toBe('utm=x');
    expect(hasObservatoryFilters(parseObservatoryParams(params))).toBe(true);
    expect(hasObservatoryFilters(parseObservatoryParams(new URLSearchParams('utm=x')))).toBe(false);
  });

  it('périmètre lisible : le nom des intercommunalités du territoire plutôt que leur SIREN', () => {
    expect(readableScope('EPCI 200043321 · Association, Coopérative')).toBe('CC du Pays de Mormal · Association, Coopérative');
    expect(readableScope('EPCI 200043396, 200043404')).toBe('CA Maubeuge Val de Sambre, CC du Sud Avesnois');
    expect(readableScope('EPCI 200093201')).toBe('EPCI 200093201');
    expect(readableScope('Sambre-Avesnois')).toBe('Sambre-Avesnois');
  });

  it('valeurs de référence au format français', () => {
    expect(formatReferenceValue('ESS_SHARE_PERCENT', 11.4)).toBe('11,4\u202f%');
    expect(formatReferenceValue('ESS_EMPLOYEES', 233683)).toBe(new Intl.NumberFormat('fr-FR').format(233683));
  });
});
