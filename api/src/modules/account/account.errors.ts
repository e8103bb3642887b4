import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const accountErrors = defineErrors('account', {
  unknownStructure: { code: ErrorCode.UNKNOWN_REFERENCE, message: 'Une des structures indiquées n’existe pas.' },
  unknownSector: { code: ErrorCode.UNKNOWN_REFERENCE, message: 'Un des secteurs indiqués n’existe pas.' },
  /** A password too weak: the problem found by `passwordProblem`. */
  weakPassword: { code: ErrorCode.BAD_USER_INPUT, message: (p: { problem: string }) => p.problem },
  emailTaken: { code: ErrorCode.EMAIL_TAKEN, message: 'Un compte existe déjà avec cette adresse e-mail.' },
  ownAdminRights: { code: ErrorCode.BAD_USER_INPUT, message: 'Vous ne pouvez pas retirer vos propres droits d’administration.' },
  tooManyLogins: {
    code: ErrorCode.RATE_LIMITED,
    message: (p: { minutes: number }) => `Trop de tentatives de connexion. Réessayez dans ${p.minutes} minutes.`,
  },
  /** Unknown e-mail, wrong password, locked or disabled account alike: the answer never tells which. */
  invalidCredentials: { code: ErrorCode.INVALID_CREDENTIALS, message: 'Adresse e-mail ou mot de passe incorrect.' },
  invalidResetToken: {
    code: ErrorCode.INVALID_TOKEN,
    message: 'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé.',
  },
});
