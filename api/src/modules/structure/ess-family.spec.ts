import { deriveEssFamily, EssFamily, explainEssFamily } from './ess-family';

describe('ESS family rule', () => {
  it.each([
    ['9220', EssFamily.ASSOCIATION],
    ['9221', EssFamily.ASSOCIATION],
    ['9300', EssFamily.FONDATION],
    ['8210', EssFamily.MUTUELLE],
    ['6411', EssFamily.MUTUELLE],
    ['5458', EssFamily.COOPERATIVE],
    ['5560', EssFamily.COOPERATIVE],
    ['6316', EssFamily.COOPERATIVE],
    ['6560', EssFamily.COOPERATIVE],
    ['5710', EssFamily.OTHER],
    ['8510', EssFamily.OTHER],
  ])('legal category %s → %s', (legalCategory, family) => {
    expect(deriveEssFamily({ legalCategory }).family).toBe(family);
  });

  it('uses the ESS flag for commercial companies (SAS 5710)', () => {
    expect(deriveEssFamily({ legalCategory: '5710', essFlag: true })).toEqual({
      family: EssFamily.ENTREPRISE_ESS,
      source: 'ESS_FLAG',
    });
  });

  it('lets an override win', () => {
    expect(deriveEssFamily({ legalCategory: '9220', override: EssFamily.COOPERATIVE }).family).toBe(EssFamily.COOPERATIVE);
  });

  it('explains itself in French', () => {
    expect(explainEssFamily({ legalCategory: '9220' })).toMatch(/^Association : déduite de la catégorie juridique INSEE 9220/);
  });
});
