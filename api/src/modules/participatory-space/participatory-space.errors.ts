import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const spaceErrors = defineErrors('participatory-space', {
  notASpaceId: {
    code: ErrorCode.INVALID_ID,
    message: "L'identifiant ne désigne pas un atelier, un chantier ou une journée d'études.",
  },
  outsideOwnSectors: { code: ErrorCode.FORBIDDEN, message: 'Vous ne pouvez modifier que les espaces de vos secteurs.' },
  endsBeforeStart: { code: ErrorCode.BAD_USER_INPUT, message: 'La fin précède le début.' },
  structureOrPerson: { code: ErrorCode.BAD_USER_INPUT, message: 'Indiquez une structure ou une personne (une seule).' },
  alreadyParticipant: {
    code: ErrorCode.ALREADY_PARTICIPANT,
    message: (p: { structure: boolean }) =>
      `${p.structure ? 'Cette structure' : 'Cette personne'} participe déjà à cet espace : rien n’a été modifié.`,
  },
  invalidChildId: { code: ErrorCode.INVALID_ID, message: 'Identifiant invalide.' },
  childNotFound: { code: ErrorCode.NOT_FOUND, message: 'Cet élément n’existe pas dans cet espace.' },
});
