import type { EntityManager } from 'typeorm';
import { renderMail } from '../../common/mail/mail-layout';
import type { MailTemplate } from '../../common/mail/mailer';
import { queryRow, queryRows, sql } from '../../common/sql/sql';
import { newToken, sha256 } from './session.service';

/** A reset link is valid this long, from the moment the mail is sent, once. */
export const RESET_TOKEN_MINUTES = 60;
/** An invitation's link is valid this long, from the moment the mail is sent, once. */
export const INVITATION_TOKEN_DAYS = 7;

/** Parameters stored with the mail: no secret (the token is created when the mail is sent). */
export interface AccountLinkParams extends Record<string, unknown> {
  accountId: string;
  /** The page that takes the token (`…/admin/mot-de-passe`). */
  url: string;
}

/**
 * A single-use token for the account (only its SHA-256 is stored, in password_reset), in the
 * sending transaction: if the transport refuses the mail, the token is rolled back with it.
 * Null when the account no longer exists or was disabled.
 */
async function linkFor(
  m: EntityManager,
  p: AccountLinkParams,
  minutes: number,
): Promise<{ displayName: string; link: string } | null> {
  const account = await queryRow(
    m,
    sql<{ display_name: string }>`SELECT display_name FROM account WHERE id = ${p.accountId} AND NOT disabled`,
  );
  if (!account) return null;
  const token = newToken();
  await queryRows(
    m,
    sql`INSERT INTO password_reset (token_hash, account_id, expires_at)
     VALUES (${sha256(token)}, ${p.accountId}, now() + make_interval(mins => ${minutes}))`,
  );
  const link = new URL(p.url);
  link.searchParams.set('jeton', token);
  return { displayName: account.display_name, link: link.toString() };
}

export const PASSWORD_RESET_MAIL: MailTemplate<AccountLinkParams> = {
  name: 'password-reset',
  subject: 'Essor — réinitialisation de votre mot de passe',
  secret: true,
  async render(m, p) {
    const found = await linkFor(m, p, RESET_TOKEN_MINUTES);
    if (!found) return null;
    return renderMail({
      greeting: `Bonjour ${found.displayName},`,
      paragraphs: ['Vous avez demandé à choisir un nouveau mot de passe pour votre compte Essor.'],
      action: { label: 'Choisir un nouveau mot de passe', href: found.link },
      after: [
        `Ce lien est valable ${RESET_TOKEN_MINUTES} minutes et ne sert qu’une fois.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ],
    });
  },
};

export const INVITATION_MAIL: MailTemplate<AccountLinkParams> = {
  name: 'invitation',
  subject: 'Essor — votre invitation à l’espace de pilotage',
  secret: true,
  async render(m, p) {
    const found = await linkFor(m, p, INVITATION_TOKEN_DAYS * 24 * 60);
    if (!found) return null;
    return renderMail({
      greeting: `Bonjour ${found.displayName},`,
      paragraphs: [
        'La mission territoriale vous a ouvert un compte sur Essor, l’espace de pilotage du pôle territorial de l’ESS de Sambre-Avesnois.',
        'Pour l’activer, choisissez votre mot de passe :',
      ],
      action: { label: 'Choisir mon mot de passe', href: found.link },
      after: [
        `Ce lien est valable ${INVITATION_TOKEN_DAYS} jours et ne sert qu’une fois. Passé ce délai, utilisez « Mot de passe oublié » sur la page de connexion.`,
      ],
    });
  },
};
