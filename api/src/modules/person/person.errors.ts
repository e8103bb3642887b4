import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const personErrors = defineErrors('person', {
  notAStructureId: { code: ErrorCode.INVALID_ID, message: 'Cet identifiant ne désigne pas une structure.' },
  futureContact: { code: ErrorCode.BAD_USER_INPUT, message: 'La date du dernier contact ne peut pas être dans le futur.' },
  /** Personal fields typed for a person whose personal data were erased. */
  anonymised: {
    code: ErrorCode.ANONYMISED,
    message:
      'Les données personnelles de cette personne ont été effacées (RGPD) : elles ne peuvent plus être saisies. Rien n’a été enregistré.',
  },
  nameless: { code: ErrorCode.BAD_USER_INPUT, message: 'Indiquez au moins un nom, un prénom ou une fonction.' },
  keepJobTitle: {
    code: ErrorCode.BAD_USER_INPUT,
    message: 'Gardez une fonction : les nom et prénom de cette personne ont été effacés (RGPD).',
  },
  notFound: { code: ErrorCode.NOT_FOUND, message: 'Cette personne n’existe pas.' },
  invalidScope: { code: ErrorCode.BAD_USER_INPUT, message: 'Portée invalide (ex. contact-public).' },
  invalidVersion: { code: ErrorCode.BAD_USER_INPUT, message: 'Version invalide (ex. 2026-11).' },
  /** A consent for a person whose personal data were erased. */
  consentOfAnonymised: {
    code: ErrorCode.ANONYMISED,
    message:
      'Les données personnelles de cette personne ont été effacées (RGPD) : aucun consentement ne peut plus être enregistré. Rien n’a été enregistré.',
  },
  invalidConsentId: { code: ErrorCode.INVALID_ID, message: 'Identifiant invalide.' },
  consentNotFound: { code: ErrorCode.NOT_FOUND, message: 'Ce consentement n’existe pas.' },
});
