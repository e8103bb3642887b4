import { registerEnumType } from 'type-graphql';

export enum EssFamily {
  ASSOCIATION = 'ASSOCIATION',
  COOPERATIVE = 'COOPERATIVE',
  MUTUELLE = 'MUTUELLE',
  FONDATION = 'FONDATION',
  /** Commercial company of the ESS (law of 31 July 2014), identified by SIRENE's flag or ESUS. */
  ENTREPRISE_ESS = 'ENTREPRISE_ESS',
  OTHER = 'OTHER',
}
registerEnumType(EssFamily, {
  name: 'EssFamily',
  description: "Famille de l'ESS",
  valuesConfig: {
    ASSOCIATION: { description: 'Association' },
    COOPERATIVE: { description: 'Coopérative' },
    MUTUELLE: { description: 'Mutuelle' },
    FONDATION: { description: 'Fondation' },
    ENTREPRISE_ESS: { description: "Entreprise commerciale de l'ESS" },
    OTHER: { description: 'Autre' },
  },
});

export const ESS_FAMILY_LABELS: Record<EssFamily, string> = {
  ASSOCIATION: 'Association',
  COOPERATIVE: 'Coopérative',
  MUTUELLE: 'Mutuelle',
  FONDATION: 'Fondation',
  ENTREPRISE_ESS: "Entreprise commerciale de l'ESS",
  OTHER: 'Autre',
};

/**
 * Rule deriving the ESS family from the INSEE legal category
 * (`categorieJuridiqueUniteLegale`). Version it whenever a code moves.
 *
 * Decisions taken where the reference leaves a choice:
 * - 9223 (groupement d'employeurs) and 9240 (congrégation) are associations under the
 *   1901 law and count as ASSOCIATION;
 * - 8510 (institution de prévoyance) is paritarian, not mutualist: OTHER;
 * - SCICs and cooperatives in SAS form (5710) and the commercial ESS companies cannot be
 *   told apart by the legal category: they are ENTREPRISE_ESS only when SIRENE's ESS flag
 *   or the ESUS agrément says so, and an editor can override the family.
 */
export const ESS_FAMILY_RULE_VERSION = '2026-11-27.1';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

const FAMILY_BY_CATEGORY = new Map<string, EssFamily>([
  ...['9210', '9220', '9221', '9222', '9223', '9230', '9240', '9260'].map((c) => [c, EssFamily.ASSOCIATION] as const),
  ['9300', EssFamily.FONDATION],
  ...['8210', '8250', '8290', '6411'].map((c) => [c, EssFamily.MUTUELLE] as const),
  ...[
    ...range(5191, 5196),
    '6595',
    '6596',
    '5203',
    '5307',
    '5309',
    ...range(5443, 5460),
    '5543',
    '5547',
    ...range(5551, 5560),
    '5643',
    '5647',
    ...range(5651, 5660),
    '6316',
    '6317',
    '6318',
    ...range(6543, 6560),
  ].map((c) => [c, EssFamily.COOPERATIVE] as const),
]);

export type EssFamilySource = 'OVERRIDE' | 'LEGAL_CATEGORY' | 'ESS_FLAG' | 'DEFAULT';

export interface EssFamilyInput {
  legalCategory?: string | null;
  override?: EssFamily | null;
  /** SIRENE `economieSocialeSolidaireUniteLegale` = O, or the ESUS agrément. */
  essFlag?: boolean;
}

export function deriveEssFamily(input: EssFamilyInput): { family: EssFamily; source: EssFamilySource } {
  if (input.override) return { family: input.override, source: 'OVERRIDE' };
  const byCategory = input.legalCategory ? FAMILY_BY_CATEGORY.get(input.legalCategory) : undefined;
  if (byCategory) return { family: byCategory, source: 'LEGAL_CATEGORY' };
  if (input.essFlag) return { family: EssFamily.ENTREPRISE_ESS, source: 'ESS_FLAG' };
  return { family: EssFamily.OTHER, source: 'DEFAULT' };
}

export function explainEssFamily(input: EssFamilyInput): string {
  const { family, source } = deriveEssFamily(input);
  const label = ESS_FAMILY_LABELS[family];
  switch (source) {
    case 'OVERRIDE':
      return `${label} : famille fixée à la main par un éditeur.`;
    case 'LEGAL_CATEGORY':
      return `${label} : déduite de la catégorie juridique INSEE ${input.legalCategory} (règle ${ESS_FAMILY_RULE_VERSION}).`;
    case 'ESS_FLAG':
      return `${label} : marquée ESS dans SIRENE ou agréée ESUS, sans catégorie juridique propre à l'ESS (règle ${ESS_FAMILY_RULE_VERSION}).`;
    default:
      return `${label} : aucune règle ne s'applique à la catégorie juridique ${input.legalCategory ?? 'inconnue'} (règle ${ESS_FAMILY_RULE_VERSION}).`;
  }
}
