import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const sectorErrors = defineErrors('sector', {
  /** A slug (of a sector, or of a network: `uniqueSlug`) already taken. */
  slugTaken: { code: ErrorCode.BAD_USER_INPUT, message: 'Ce code est déjà utilisé.' },
  tooManyFacilitators: { code: ErrorCode.BAD_USER_INPUT, message: 'Au plus 20 animateurs.' },
  /** A sector slug designating none (filters of other modules, sectors of their rows). */
  unknownSlug: {
    code: ErrorCode.UNKNOWN_REFERENCE,
    message: (p: { slug: string }) => `Secteur inconnu : « ${p.slug.slice(0, 80)} ».`,
  },
  unknownPerson: { code: ErrorCode.UNKNOWN_REFERENCE, message: 'Une des personnes n’existe pas.' },
});
