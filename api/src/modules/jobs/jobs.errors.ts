import { defineErrors } from '../../common/domain-error';
import { ErrorCode } from '../../common/error-codes';

export const jobsErrors = defineErrors('jobs', {
  unknownJob: {
    code: ErrorCode.NOT_FOUND,
    message: (p: { name: string }) => `Aucune tâche ne s’appelle « ${p.name.slice(0, 60)} ».`,
  },
  notManual: {
    code: ErrorCode.BAD_USER_INPUT,
    message: (p: { label: string }) => `La tâche « ${p.label} » ne se lance pas à la main.`,
  },
});
