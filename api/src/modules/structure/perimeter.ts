import { deriveEssFamily, ESS_FAMILY_LABELS, ESS_FAMILY_RULE_VERSION } from './ess-family';

/**
 * ESS perimeter, versioned. In order:
 * 1. a manual decision (inclusion or exclusion, with its reason) wins;
 * 2. a legal category of the ESS families (associations, coopératives, mutuelles, fondations);
 * 3. SIRENE's ESS flag (`economieSocialeSolidaireUniteLegale` = O): commercial ESS companies, SCIC in SAS form…;
 * 4. the ESUS agrément;
 * otherwise the structure is outside the perimeter (it may stay in the directory, but does
 * not count in the observatory).
 */
export const PERIMETER_RULE_VERSION = `perimetre-2026-11-27.1 (familles ${ESS_FAMILY_RULE_VERSION})`;

export type PerimeterRule = 'MANUAL_INCLUDE' | 'MANUAL_EXCLUDE' | 'LEGAL_CATEGORY' | 'SIRENE_ESS_FLAG' | 'ESUS' | 'OUTSIDE';

export interface PerimeterInput {
  legalCategory?: string | null;
  sireneEssFlag?: boolean | null;
  esus?: boolean | null;
  perimeterDecision?: 'INCLUDE' | 'EXCLUDE' | null;
  perimeterReason?: string | null;
}

export function perimeterOf(s: PerimeterInput): { inPerimeter: boolean; rule: PerimeterRule; explanation: string } {
  if (s.perimeterDecision === 'INCLUDE') {
    return { inPerimeter: true, rule: 'MANUAL_INCLUDE', explanation: `Incluse manuellement : ${s.perimeterReason ?? ''}`.trim() };
  }
  if (s.perimeterDecision === 'EXCLUDE') {
    return { inPerimeter: false, rule: 'MANUAL_EXCLUDE', explanation: `Exclue manuellement : ${s.perimeterReason ?? ''}`.trim() };
  }
  const { family, source } = deriveEssFamily({ legalCategory: s.legalCategory });
  if (source === 'LEGAL_CATEGORY') {
    return {
      inPerimeter: true,
      rule: 'LEGAL_CATEGORY',
      explanation: `Incluse : catégorie juridique ${s.legalCategory} (${ESS_FAMILY_LABELS[family].toLowerCase()}), règle ${PERIMETER_RULE_VERSION}.`,
    };
  }
  if (s.sireneEssFlag) {
    return {
      inPerimeter: true,
      rule: 'SIRENE_ESS_FLAG',
      explanation: `Incluse : marquée ESS dans SIRENE, règle ${PERIMETER_RULE_VERSION}.`,
    };
  }
  if (s.esus) {
    return { inPerimeter: true, rule: 'ESUS', explanation: `Incluse : agrément ESUS, règle ${PERIMETER_RULE_VERSION}.` };
  }
  return {
    inPerimeter: false,
    rule: 'OUTSIDE',
    explanation: `Hors périmètre : ni catégorie juridique de l'ESS (${s.legalCategory ?? 'inconnue'}), ni marquage ESS SIRENE, ni agrément ESUS (règle ${PERIMETER_RULE_VERSION}).`,
  };
}
