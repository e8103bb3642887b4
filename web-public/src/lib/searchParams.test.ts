import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearFilters,
  effectiveSort,
  parseSearchParams,
  toggleListValue,
  toSearchFilters,
  toSearchVariables,
} from './searchParams';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('paramètres de recherche (URL ↔ variables)', () => {
  it('traduit l’URL en variables de searchStructures, sans valeurs vides', () => {
    expect(toSearchFilters(parse(''))).toEqual({});
    expect(
      toSearchFilters(
        parse(
          'q=+jardin+&famille=ASSOCIATION&famille=INCONNUE&famille=ASSOCIATION&secteur=iae&reseau=cress&epci=200043396' +
            '&commune=59392&effectif=12&stagiaires=1&benevoles=0&pres=59392&rayon=20&tri=recentes&vue=carte',
        ),
      ),
    ).toEqual({
      text: 'jardin',
      essFamily: ['ASSOCIATION'],
      sector: ['iae'],
      network: ['cress'],
      epci: ['200043396'],
      commune: ['59392'],
      workforceRange: ['12'],
      acceptsInterns: true,
      nearCommune: '59392',
      radiusKm: 20,
      sort: 'RECENT',
    });
  });

  it('range les filtres dans `filter` (StructureFilter) ; texte, proximité et tri restent à part', () => {
    expect(toSearchVariables({})).toEqual({});
    expect(
      toSearchVariables(toSearchFilters(parse('q=jardin&famille=ASSOCIATION&epci=200043396&stagiaires=1&pres=59392&tri=nom'))),
    ).toEqual({
      text: 'jardin',
      filter: { essFamily: ['ASSOCIATION'], epci: ['200043396'], acceptsInterns: true },
      nearCommune: '59392',
      radiusKm: 10,
      sort: 'NAME',
    });
  });

  it('la position de l’utilisateur l’emporte sur la commune ; rayon par défaut 10 km', () => {
    expect(toSearchFilters(parse('lat=50.278&lon=3.973&pres=59392'))).toEqual({
      near: { latitude: 50.278, longitude: 3.973, radiusKm: 10 },
    });
    expect(toSearchFilters(parse('lat=abc&lon=3&pres=59392&rayon=-4'))).toEqual({
      nearCommune: '59392',
      radiusKm: 10,
    });
  });

  it('tri par défaut : pertinence avec du texte, distance à proximité, sinon nom', () => {
    expect(effectiveSort(parse('q=vélo'))).toBe('pertinence');
    expect(effectiveSort(parse('pres=59392'))).toBe('distance');
    expect(effectiveSort(parse(''))).toBe('nom');
    expect(effectiveSort(parse('q=vélo&tri=nom'))).toBe('nom');
    expect(effectiveSort(parse('tri=nimporte'))).toBe('nom');
  });

  it('coche, décoche et efface les filtres en gardant texte, tri et vue', () => {
    const params = new URLSearchParams('q=a&famille=ASSOCIATION&tri=nom&vue=carte');
    const added = toggleListValue(params, 'famille', 'COOPERATIVE', true);
    expect(added.getAll('famille')).toEqual(['ASSOCIATION', 'COOPERATIVE']);
    expect(toggleListValue(added, 'famille', 'ASSOCIATION', false).getAll('famille')).toEqual(['COOPERATIVE']);
    expect(activeFilterCount(parseSearchParams(added))).toBe(2);
    expect(clearFilters(new URLSearchParams('q=a&famille=X&pres=1&tri=nom&vue=carte')).toString()).toBe('q=a&tri=nom&vue=carte');
  });
});
