import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

/** Errors of public proposals and their moderation. */
export const submissionErrors = defineErrors('submission', {
  structureNotFound: { code: ErrorCode.NOT_FOUND, message: "Cette structure n'existe pas ou n'est pas publiée." },
  alreadyDecided: { code: ErrorCode.CONFLICT, message: 'Cette proposition a déjà été traitée.' },
  rejectReasonRequired: { code: ErrorCode.BAD_USER_INPUT, message: 'Indiquez la raison du refus.' },
});
