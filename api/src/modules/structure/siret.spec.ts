import { isValidSiren, isValidSiret, luhnValid, normaliseIdentifier, withLuhnKey } from './siret';

describe('SIREN / SIRET', () => {
  it('accepts real identifiers', () => {
    // Maubeuge's town hall (SIREN of the commune, from the COG) and INSEE's own SIRET.
    expect(isValidSiren('215903923')).toBe(true);
    expect(isValidSiret('12002701600357')).toBe(true);
  });
  it('rejects a wrong key, a wrong length or letters', () => {
    expect(isValidSiren('215903924')).toBe(false);
    expect(isValidSiret('12002701600358')).toBe(false);
    expect(isValidSiret('1200270160035')).toBe(false);
    expect(isValidSiret('1200270160035A')).toBe(false);
  });
  it("applies La Poste's rule", () => {
    expect(isValidSiret('35600000000047')).toBe(true); // digits sum to 25
    expect(isValidSiret('35600000000048')).toBe(false);
  });
  it('normalises spaces and computes keys', () => {
    expect(normaliseIdentifier('120 027 016 00357')).toBe('12002701600357');
    const siren = withLuhnKey('30012345');
    expect(siren).toHaveLength(9);
    expect(luhnValid(siren)).toBe(true);
  });
});
