import type { MailTemplate } from '../../common/mail/mailer';
import { INVITATION_MAIL, PASSWORD_RESET_MAIL } from '../account/account-mails';
import { SUBMISSION_ACCEPTED_MAIL, SUBMISSION_REJECTED_MAIL } from '../submission/submission-mails';

/** Every mail the platform sends, by template name (the job `send-mail` renders them). */
export const MAIL_TEMPLATES: ReadonlyMap<string, MailTemplate<never>> = new Map(
  ([INVITATION_MAIL, PASSWORD_RESET_MAIL, SUBMISSION_ACCEPTED_MAIL, SUBMISSION_REJECTED_MAIL] as MailTemplate<never>[]).map(
    (t) => [t.name, t],
  ),
);
