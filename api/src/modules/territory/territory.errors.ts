import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const territoryErrors = defineErrors('territory', {
  unknownCode: {
    code: ErrorCode.UNKNOWN_TERRITORY_CODE,
    /** `label`: commune, EPCI, département, région. */
    message: (p: { label: string; code: string }) => `Code ${p.label} inconnu : « ${p.code.slice(0, 20)} ».`,
  },
});
