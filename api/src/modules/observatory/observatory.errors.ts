import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const observatoryErrors = defineErrors('observatory', {
  unknownZone: {
    code: ErrorCode.UNKNOWN_TERRITORY_CODE,
    message: (p: { zone: string }) => `Zone inconnue : « ${p.zone.slice(0, 40)} ».`,
  },
  yearOutOfRange: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { min: number; max: number }) => `L’année doit être comprise entre ${p.min} et ${p.max}.`,
  },
  referenceFileTooLarge: { code: ErrorCode.BAD_USER_INPUT, message: 'Fichier trop volumineux (1 Mo au plus).' },
});
