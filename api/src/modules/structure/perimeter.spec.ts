import { perimeterOf } from './perimeter';

describe('ESS perimeter rules (one case per rule)', () => {
  it('manual inclusion wins, with its reason', () => {
    expect(perimeterOf({ legalCategory: '5710', perimeterDecision: 'INCLUDE', perimeterReason: 'SCIC vérifiée' })).toMatchObject({
      inPerimeter: true,
      rule: 'MANUAL_INCLUDE',
      explanation: 'Incluse manuellement : SCIC vérifiée',
    });
  });
  it('manual exclusion wins over the legal category', () => {
    expect(
      perimeterOf({ legalCategory: '9220', perimeterDecision: 'EXCLUDE', perimeterReason: 'Association para-publique' }),
    ).toMatchObject({
      inPerimeter: false,
      rule: 'MANUAL_EXCLUDE',
    });
  });
  it('legal category of an ESS family', () => {
    expect(perimeterOf({ legalCategory: '9220' })).toMatchObject({ inPerimeter: true, rule: 'LEGAL_CATEGORY' });
    expect(perimeterOf({ legalCategory: '5458' }).explanation).toMatch(/catégorie juridique 5458 \(coopérative\)/);
  });
  it("SIRENE's ESS flag", () => {
    expect(perimeterOf({ legalCategory: '5710', sireneEssFlag: true })).toMatchObject({
      inPerimeter: true,
      rule: 'SIRENE_ESS_FLAG',
    });
  });
  it('ESUS agrément', () => {
    expect(perimeterOf({ legalCategory: '5499', esus: true })).toMatchObject({ inPerimeter: true, rule: 'ESUS' });
  });
  it('otherwise outside', () => {
    expect(perimeterOf({ legalCategory: '5499' })).toMatchObject({ inPerimeter: false, rule: 'OUTSIDE' });
  });
});
