import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const relayErrors = defineErrors('relay', {
  tooManyIds: {
    code: ErrorCode.PAGE_SIZE_OUT_OF_RANGE,
    message: (p: { max: number }) => `Au plus ${p.max} identifiants par requête.`,
  },
});
