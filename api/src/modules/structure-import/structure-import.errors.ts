import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

/** Errors of the CSV import that refuse the whole file (line errors are part of the report). */
export const structureImportErrors = defineErrors('structure-import', {
  fileTooLarge: { code: ErrorCode.BAD_USER_INPUT, message: 'Le fichier dépasse 2 Mo : découpez-le.' },
  tooManyRows: { code: ErrorCode.BAD_USER_INPUT, message: (p: { max: number }) => `Au plus ${p.max} lignes par import.` },
});
