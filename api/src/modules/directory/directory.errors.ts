import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

/** Errors of the directory: filters, search centre and sort, map points, nearby structures. */
export const directoryErrors = defineErrors('directory', {
  badLegalCategory: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { code: string }) => `Catégorie juridique invalide : « ${p.code} » (4 chiffres).`,
  },
  pointAndCommune: { code: ErrorCode.BAD_USER_INPUT, message: 'Choisissez soit un point, soit une commune, pas les deux.' },
  communeWithoutPosition: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { name: string }) => `La position de la commune ${p.name} n'est pas connue.`,
  },
  distanceWithoutCentre: { code: ErrorCode.BAD_USER_INPUT, message: 'Le tri par distance demande un point ou une commune.' },
  mapLimitOutOfRange: {
    code: ErrorCode.PAGE_SIZE_OUT_OF_RANGE,
    message: (p: { max: number }) => `« limit » doit être compris entre 0 et ${p.max}.`,
  },
  nearbyFirstOutOfRange: { code: ErrorCode.PAGE_SIZE_OUT_OF_RANGE, message: '« first » doit être compris entre 0 et 20.' },
  radiusOutOfRange: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { max: number }) => `Le rayon doit être compris entre 0 et ${p.max} km.`,
  },
});
