import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const sectorErrors = defineErrors('sector', {
  /** A slug (of a sector, or of a network: `uniqueSlug`) already taken. */
  slugTaken: { code: ErrorCode.BAD_USER_INPUT, message: 'Ce code est déjà utilisé.' },
  tooManyFacilitators: { code: ErrorCode.BAD_USER_INPUT, message: 'Au plus 20 animateurs.' },
  unknownPerson: { code: ErrorCode.UNKNOWN_REFERENCE, message: 'Une des personnes n’existe pas.' },
});
