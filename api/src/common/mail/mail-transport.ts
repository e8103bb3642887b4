import { createTransport } from 'nodemailer';

/** A message handed to the transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** How mail leaves the platform. */
export interface MailTransport {
  /** `smtp`: delivered to an SMTP server. */
  readonly kind: 'smtp';
  /** Resolves once the server accepted the message; rejects otherwise (the job retries). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** ESSOR_SMTP_URL; null: no transport (development), mail stays in the outbox. */
  smtpUrl: string | null;
  /** ESSOR_MAIL_FROM. */
  from: string;
  /** ESSOR_PUBLIC_URL, without a trailing slash: base of the links. */
  publicUrl: string;
  /** ESSOR_MAIL_MAX_ATTEMPTS: attempts of one mail before it is `failed`. */
  maxAttempts: number;
}

const SMTP_URL_SYNTAX = 'smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (implicit TLS)';

/** Never echoes the URL itself: it holds the SMTP password. */
function parseSmtpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ESSOR_SMTP_URL is not a URL; expected ${SMTP_URL_SYNTAX}.`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`ESSOR_SMTP_URL must start with smtp:// or smtps://; expected ${SMTP_URL_SYNTAX}.`);
  }
  if (!url.hostname) throw new Error(`ESSOR_SMTP_URL has no host; expected ${SMTP_URL_SYNTAX}.`);
  return url;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.ESSOR_SMTP_URL?.trim() || null;
  if (smtpUrl) parseSmtpUrl(smtpUrl);
  const attempts = Number(env.ESSOR_MAIL_MAX_ATTEMPTS ?? 10);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 25) {
    throw new Error(`ESSOR_MAIL_MAX_ATTEMPTS must be an integer from 1 to 25 (got "${env.ESSOR_MAIL_MAX_ATTEMPTS}").`);
  }
  return {
    smtpUrl,
    from: env.ESSOR_MAIL_FROM?.trim() || 'Essor <no-reply@localhost>',
    publicUrl: (env.ESSOR_PUBLIC_URL?.trim() || 'http://localhost:4000').replace(/\/+$/, ''),
    maxAttempts: attempts,
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * An SMTP transport (nodemailer) for `smtp://user:pass@host:587` (STARTTLS required, so the
 * password never travels in clear) or `smtps://user:pass@host:465` (implicit TLS). A server on
 * the loopback (a local relay, the tests' server) may speak plain SMTP. One connection per
 * message, with short timeouts: a job must not hang on a server that does not answer.
 */
export function smtpTransport(value: string): MailTransport {
  const url = parseSmtpUrl(value);
  const secure = url.protocol === 'smtps:';
  const loopback = LOOPBACK.has(url.hostname);
  const transporter = createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !loopback,
    ignoreTLS: !secure && loopback,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // nodemailer's own logging stays off: it would print addresses.
    logger: false,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}
