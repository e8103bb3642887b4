import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const networkErrors = defineErrors('network', {
  invalidSince: { code: ErrorCode.BAD_USER_INPUT, message: 'Date au format AAAA-MM-JJ.' },
  networkNotFound: { code: ErrorCode.NOT_FOUND, message: 'Ce réseau n’existe pas.' },
  structureNotFound: { code: ErrorCode.NOT_FOUND, message: 'Cette structure n’existe pas.' },
});
