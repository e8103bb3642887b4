import type { EssFamily } from '../gql/graphql';

/** French labels of the SSE families (law of 31 July 2014). */
export const ESS_FAMILY_LABELS: Readonly<Record<EssFamily, string>> = {
  ASSOCIATION: 'Association',
  COOPERATIVE: 'Coopérative',
  MUTUELLE: 'Mutuelle',
  FONDATION: 'Fondation',
  ENTREPRISE_ESS: "Entreprise de l'ESS",
  OTHER: 'Autre',
};

/** Display order of the families (panorama, map legend). */
export const ESS_FAMILIES: readonly EssFamily[] = [
  'ASSOCIATION',
  'COOPERATIVE',
  'MUTUELLE',
  'FONDATION',
  'ENTREPRISE_ESS',
  'OTHER',
];

export function essFamilyLabel(family: EssFamily): string {
  return ESS_FAMILY_LABELS[family] ?? ESS_FAMILY_LABELS.OTHER;
}

export function isEssFamily(value: string): value is EssFamily {
  return Object.prototype.hasOwnProperty.call(ESS_FAMILY_LABELS, value);
}
