import type { DataSource } from 'typeorm';

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** Pluggable mailer. The default keeps mail in the `mail_outbox` table, readable by the admin. */
export interface Mailer {
  send(ds: DataSource, mail: Mail): Promise<void>;
}

export const outboxMailer: Mailer = {
  async send(ds, mail) {
    await ds.query('INSERT INTO mail_outbox (recipient, subject, body) VALUES ($1, $2, $3)', [mail.to, mail.subject, mail.body]);
  },
};

let current: Mailer = outboxMailer;
export const mailer = (): Mailer => current;
/** For deployments with a real transport (SMTP, API). */
export const setMailer = (m: Mailer) => {
  current = m;
};
