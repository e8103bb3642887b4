import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

/** Errors of the structure itself: its identifiers, its editing and who may edit it. */
export const structureErrors = defineErrors('structure', {
  invalidSiret: {
    code: ErrorCode.INVALID_SIRET,
    message: 'Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.',
  },
  siretTaken: { code: ErrorCode.SIRET_TAKEN, message: 'Une autre structure porte déjà ce SIRET.' },
  statusByMissionOnly: {
    code: ErrorCode.FORBIDDEN,
    message: 'Seule la mission territoriale peut publier ou archiver une structure.',
  },
  perimeterByMissionOnly: { code: ErrorCode.FORBIDDEN, message: 'Seule la mission territoriale décide du périmètre de l’ESS.' },
  notEntrusted: {
    code: ErrorCode.FORBIDDEN,
    message: 'Vous ne pouvez modifier que les structures qui vous sont confiées.',
  },
  unknownWorkforceRange: {
    code: ErrorCode.UNKNOWN_REFERENCE,
    message: (p: { code: string }) => `Tranche d'effectifs inconnue : « ${p.code} ».`,
  },
  /** An unknown sector or network slug (links of a structure, filters of a list). */
  unknownLink: {
    code: ErrorCode.UNKNOWN_REFERENCE,
    message: (p: { kind: 'sector' | 'network'; code: string }) =>
      `${p.kind === 'sector' ? 'Secteur' : 'Réseau'} inconnu : « ${p.code} ».`,
  },
  latitudeWithoutLongitude: { code: ErrorCode.BAD_USER_INPUT, message: 'Indiquez la latitude et la longitude ensemble.' },
  perimeterReasonRequired: { code: ErrorCode.BAD_USER_INPUT, message: 'Indiquez la raison de la décision de périmètre.' },
  notDiffusible: {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'Cette unité est non diffusible (SIRENE) : elle ne peut pas être publiée.',
  },
});
