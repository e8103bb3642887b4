import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const planErrors = defineErrors('plan', {
  actionNotFound: { code: ErrorCode.NOT_FOUND, message: 'Action inconnue.' },
  unknownStatus: { code: ErrorCode.BAD_USER_INPUT, message: 'Statut inconnu.' },
  actionConflict: { code: ErrorCode.CONFLICT, message: 'Cette action a été modifiée entre-temps : rechargez-la.' },
  invalidValue: { code: ErrorCode.BAD_USER_INPUT, message: 'Valeur invalide.' },
  indicatorNotFound: { code: ErrorCode.NOT_FOUND, message: 'Indicateur inconnu.' },
  indicatorComputed: { code: ErrorCode.BAD_USER_INPUT, message: 'Cet indicateur est calculé automatiquement.' },
  invalidId: { code: ErrorCode.INVALID_ID, message: 'Identifiant invalide.' },
  decisionNotFound: { code: ErrorCode.NOT_FOUND, message: 'Décision inconnue.' },
  titleTooShort: { code: ErrorCode.BAD_USER_INPUT, message: 'Intitulé trop court.' },
  milestoneNotFound: { code: ErrorCode.NOT_FOUND, message: 'Jalon inconnu.' },
});
