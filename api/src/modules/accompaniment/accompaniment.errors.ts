import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const accompanimentErrors = defineErrors('accompaniment', {
  futureDay: { code: ErrorCode.BAD_USER_INPUT, message: 'Cette date ne peut pas être dans le futur.' },
  /** New texts for the project of a carrier whose personal data were erased. */
  carrierAnonymised: {
    code: ErrorCode.ANONYMISED,
    message:
      'Les données personnelles du porteur ou de la porteuse de ce projet ont été effacées (RGPD) : ses textes ne peuvent plus être saisis. Rien n’a été enregistré.',
  },
  unknownPerson: { code: ErrorCode.UNKNOWN_REFERENCE, message: 'Cette personne n’existe pas.' },
  /** A new project for a person whose personal data were erased. */
  personAnonymised: {
    code: ErrorCode.ANONYMISED,
    message: 'Les données personnelles de cette personne ont été effacées (RGPD) : aucun projet ne peut plus lui être rattaché.',
  },
  sameStage: { code: ErrorCode.BAD_USER_INPUT, message: 'Le projet est déjà à cette étape.' },
  stageBeforeCurrent: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { current: string }) => `Cette date précède celle de l’étape actuelle (${p.current}).`,
  },
  invalidReferralId: { code: ErrorCode.INVALID_ID, message: 'Identifiant d’orientation invalide.' },
  referralNotFound: { code: ErrorCode.NOT_FOUND, message: 'Cette orientation n’existe pas pour ce projet.' },
  mentorshipEndsBeforeStart: { code: ErrorCode.BAD_USER_INPUT, message: 'La fin du tutorat précède son début.' },
});
