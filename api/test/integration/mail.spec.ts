// Mail that arrives: the outbox is a queue sent by the job `send-mail` to a real SMTP server
// (smtp-server on a free local port, plain SMTP with a password). Reset and invitation links are
// rendered when the mail is sent: nothing secret waits or stays in mail_outbox. This file has a
// database of its own: its workers take every mail job of it, and no other file's.
import { createHash } from 'node:crypto';
import { createAppDataSource } from '../../src/data-source';
import { installJobQueue, startJobRunner, type JobRunner } from '../../src/common/jobs/job-runner';
import { mailConfigFromEnv, smtpTransport } from '../../src/common/mail/mail-transport';
import { sendMailJob } from '../../src/modules/jobs/essor-jobs';
import { createDatabase, dropDatabase } from '../helpers/databases';
import { createAccount, createStructure, toGlobal, uniqueToken } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { startClosingServer, startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const NAME = `essor_mail_${process.pid}_${Date.now().toString(36)}`;
const CONFIG = mailConfigFromEnv({
  ESSOR_PUBLIC_URL: 'https://annuaire.essor.example/',
  ESSOR_MAIL_FROM: 'Essor <essor@mission.example>',
});
let t: TestServer;
let smtp: TestSmtpServer;
let worker: JobRunner | null = null;
let admin: string;

/** This replica's worker, sending through `url` (null: no SMTP, development). */
async function startWorker(url: string | null) {
  await worker?.stop();
  const transport = url ? smtpTransport(url) : null;
  const runner = await startJobRunner(t.ds, [sendMailJob(transport, CONFIG)], {
    enabled: true,
    concurrency: 2,
    pollIntervalMs: 100,
  });
  worker = {
    running: true,
    stop: async () => {
      await runner.stop();
      transport?.close();
    },
  };
}

beforeAll(async () => {
  const url = await createDatabase(NAME);
  const setup = createAppDataSource({ url, poolSize: 2 });
  await setup.initialize();
  try {
    // The migrations, the job queue's schema, and the one commune the proposals name (not all of France).
    await setup.runMigrations({ transaction: 'each' });
    await installJobQueue(setup);
    await setup.query(`INSERT INTO region (code, name) VALUES ('32', 'Hauts-de-France');
      INSERT INTO departement (code, name, region_code) VALUES ('59', 'Nord', '32');
      INSERT INTO epci (siren, name, kind) VALUES ('200043396', 'CA Maubeuge Val de Sambre', 'CA');
      INSERT INTO commune (code, name, departement_code, epci_siren, latitude, longitude)
        VALUES ('59392', 'Maubeuge', '59', '200043396', 50.2775, 3.9734)`);
  } finally {
    await setup.destroy();
  }
  t = await startTestServer({ databaseUrl: url });
  smtp = await startSmtpServer();
  await startWorker(smtp.url);
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
  await smtp?.close();
  await dropDatabase(NAME);
});

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const outbox = (recipient: string) =>
  t.ds.query(
    `SELECT id::text, recipient, subject, template, params, status, attempts, last_error, transport, body, html, sent_at
     FROM mail_outbox WHERE recipient = $1 ORDER BY id`,
    [recipient],
  ) as Promise<Array<Record<string, any>>>;

const finished = (recipient: string, status: 'sent' | 'failed') =>
  waitFor(`a ${status} mail to the recipient`, async () => {
    const rows = await outbox(recipient);
    return rows.length && rows.every((r) => r.status === status) ? rows : null;
  });

const sha256 = (token: string) => createHash('sha256').update(token).digest();
const LINK = /http:\/\/localhost:4000\/admin\/mot-de-passe\?jeton=([A-Za-z0-9_-]+)/;

/** Follows a link's token: a new password, then a login with it. */
async function followLink(token: string, email: string) {
  const password = `phrase ${uniqueToken()} bien longue`;
  const reset = await t.gql(`mutation ($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`, {
    t: token,
    p: password,
  });
  expect(reset.errors).toBeUndefined();
  expect(reset.data!.resetPassword).toBe(true);
  expect(await t.login(email, password)).toMatch(/essor_session=/);
  // Single use.
  const again = await t.gql(`mutation ($t: String!) { resetPassword(token: $t, password: "encore une autre phrase") }`, {
    t: token,
  });
  expect(again.errors![0].extensions!.code).toBe('INVALID_TOKEN');
}

describe('mail through SMTP', () => {
  it('an invitation arrives, in French, text and HTML; its link sets the password; nothing secret is stored', async () => {
    const email = `${uniqueToken('invitee')}@exemple.org`;
    const created = await t.gql(
      `mutation ($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
      { i: { email, displayName: 'Dominique Invitée', roles: ['STEERING'] } },
      { cookie: admin },
    );
    expect(created.errors).toBeUndefined();
    const mail = await smtp.waitFor(email);
    expect(mail.from).toBe('essor@mission.example');
    expect(mail.headers.from).toBe('Essor <essor@mission.example>');
    expect(mail.subject).toBe('Essor — votre invitation à l’espace de pilotage');
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(mail.text).toMatch(/^Bonjour Dominique Invitée,/);
    expect(mail.text).toContain('Ce lien est valable 7 jours');
    const token = LINK.exec(mail.text)![1];
    expect(mail.html).toContain(`href="http://localhost:4000/admin/mot-de-passe?jeton=${token}"`);
    expect(mail.html).toContain('<html lang="fr">');

    const [row] = await finished(email, 'sent');
    expect(row).toMatchObject({
      template: 'invitation',
      status: 'sent',
      transport: 'smtp',
      attempts: 1,
      last_error: null,
      body: null,
      html: null,
    });
    expect(row.params).toEqual({ accountId: expect.any(String), url: 'http://localhost:4000/admin/mot-de-passe' });
    expect(JSON.stringify(row)).not.toContain(token);
    const hashes = await t.ds.query(`SELECT token_hash FROM password_reset WHERE account_id = $1`, [row.params.accountId]);
    expect(hashes).toEqual([{ token_hash: sha256(token) }]);
    await followLink(token, email);
  });

  it('a password reset arrives; its link works once', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    const res = await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email });
    expect(res.data).toEqual({ requestPasswordReset: true });
    // Queued without a link: the token does not exist yet.
    const [queued] = await outbox(a.email);
    expect(queued.body).toBeNull();
    const mail = await smtp.waitFor(a.email);
    expect(mail.subject).toBe('Essor — réinitialisation de votre mot de passe');
    expect(mail.text).toContain('valable 60 minutes');
    const token = LINK.exec(mail.text)![1];
    const [sent] = await finished(a.email, 'sent');
    expect(sent).toMatchObject({ template: 'password-reset', transport: 'smtp', body: null, html: null });
    expect(JSON.stringify(sent)).not.toContain(token);
    await followLink(token, a.email);
  });

  it('tells the proposer that the mission accepted or refused; every value is escaped in HTML', async () => {
    const submitterEmail = `${uniqueToken('porteuse')}@exemple.org`;
    const name = `Café <Brin> & Cie ${uniqueToken()}`;
    const proposed = await t.gql(`mutation ($i: ProposeStructureInput!) { proposeStructure(input: $i) { id } }`, {
      i: { name, communeCode: '59392', submitterEmail, submitterName: 'Léa <b>&</b> "Co"' },
    });
    expect(proposed.errors).toBeUndefined();
    const accepted = await t.gql(
      `mutation ($id: ID!) { acceptSubmission(id: $id) { status structure { id } } }`,
      { id: proposed.data!.proposeStructure.id },
      { cookie: admin },
    );
    expect(accepted.errors).toBeUndefined();
    const structureId = accepted.data!.acceptSubmission.structure.id;
    const yes = await smtp.waitFor(submitterEmail);
    expect(yes.subject).toBe('Essor — votre proposition a été acceptée');
    expect(yes.text).toContain('Bonjour Léa <b>&</b> "Co",');
    expect(yes.text).toContain(`« ${name} »`);
    expect(yes.text).toContain(`https://annuaire.essor.example/structures/${structureId}`);
    expect(yes.html).toContain('Bonjour Léa &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;,');
    expect(yes.html).toContain(name.replace('<Brin> &', '&lt;Brin&gt; &amp;'));
    expect(yes.html).not.toMatch(/<Brin>|<b>/);
    // No secret in it: the outbox keeps the message.
    const [kept] = await finished(submitterEmail, 'sent');
    expect(kept).toMatchObject({ template: 'submission-accepted', transport: 'smtp', body: yes.text });

    const s = await createStructure(t.ds);
    const neighbour = `${uniqueToken('voisin')}@exemple.org`;
    const suggested = await t.gql(`mutation ($i: SuggestCorrectionInput!) { suggestCorrection(input: $i) { id } }`, {
      i: {
        structureId: toGlobal('Structure', s.id),
        phone: '03 27 11 22 33',
        message: 'Nouveau numéro',
        submitterEmail: neighbour,
      },
    });
    const rejected = await t.gql(
      `mutation ($id: ID!, $r: String!) { rejectSubmission(id: $id, reason: $r) { status } }`,
      { id: suggested.data!.suggestCorrection.id, r: 'Numéro non vérifié <script>alert(1)</script>' },
      { cookie: admin },
    );
    expect(rejected.errors).toBeUndefined();
    const no = await smtp.waitFor(neighbour);
    expect(no.subject).toBe('Essor — votre proposition n’a pas été retenue');
    expect(no.text).toMatch(/^Bonjour,/);
    expect(no.text).toContain(`Votre correction de la fiche « ${s.name} »`);
    expect(no.text).toContain('Motif : Numéro non vérifié <script>alert(1)</script>');
    expect(no.html).toContain('Motif : Numéro non vérifié &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(no.html).not.toContain('<script>');
  });
});

describe('a failing SMTP server', () => {
  const withMaxAttempts = async <T>(n: number, f: () => Promise<T>) => {
    const saved = process.env.ESSOR_MAIL_MAX_ATTEMPTS;
    process.env.ESSOR_MAIL_MAX_ATTEMPTS = String(n);
    try {
      return await f();
    } finally {
      if (saved === undefined) delete process.env.ESSOR_MAIL_MAX_ATTEMPTS;
      else process.env.ESSOR_MAIL_MAX_ATTEMPTS = saved;
    }
  };
  const sendRuns = async (since: Date) =>
    t.ds.query(
      `SELECT outcome, attempt, max_attempts, error FROM job_run WHERE job_name = 'send-mail' AND started_at >= $1 ORDER BY id`,
      [since],
    ) as Promise<Array<{ outcome: string; attempt: number; max_attempts: number; error: string | null }>>;

  it('refusing the recipient (550): retried with backoff, then failed with its last error, no token left; the API goes on', async () => {
    const a = await createAccount(t.ds, { roles: ['STEERING'] });
    smtp.refuse.add(a.email);
    const since = new Date();
    await withMaxAttempts(2, () => t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email }));
    const [row] = await finished(a.email, 'failed');
    expect(row.attempts).toBe(2);
    expect(row.last_error).toMatch(/550/);
    expect(row.last_error).not.toContain(a.email);
    expect(row.body).toBeNull();
    // (The run is recorded just after the mail's row: wait for it.)
    const runs = await waitFor('both runs', async () => {
      const r = (await sendRuns(since)).filter((x) => x.max_attempts === 2);
      return r.length >= 2 ? r : null;
    });
    expect(runs.map((r) => [r.outcome, r.attempt])).toEqual([
      ['retry', 1],
      ['failure', 2],
    ]);
    expect(runs.every((r) => r.error === row.last_error || /550/.test(r.error!))).toBe(true);
    // The tokens created for the refused attempts were rolled back with them.
    expect(await t.ds.query(`SELECT 1 FROM password_reset WHERE account_id = $1`, [a.id])).toEqual([]);
    expect(smtp.received.some((m) => m.to.includes(a.email))).toBe(false);
    // The API and the worker go on: the next mail arrives.
    const b = await createAccount(t.ds, { roles: ['STEERING'] });
    await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: b.email });
    await smtp.waitFor(b.email);
  });

  it('closing the connection: retried, then failed with its last error', async () => {
    const closing = await startClosingServer();
    try {
      await startWorker(closing.url);
      const a = await createAccount(t.ds, { roles: ['STEERING'] });
      await withMaxAttempts(2, () => t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email }));
      const [row] = await finished(a.email, 'failed');
      expect(row.attempts).toBe(2);
      expect(row.last_error).toMatch(/ECONNECTION|ESOCKET|closed|Greeting/i);
      expect(closing.connections()).toBeGreaterThanOrEqual(2);
    } finally {
      await startWorker(smtp.url);
      await closing.close();
    }
  });
});

describe('without SMTP (development)', () => {
  it('the rendered message stays in the outbox, where an admin reads it and follows its link', async () => {
    await startWorker(null);
    try {
      const a = await createAccount(t.ds, { roles: ['STEERING'] });
      await t.gql(`mutation ($e: String!) { requestPasswordReset(email: $e) }`, { e: a.email });
      const [row] = await finished(a.email, 'sent');
      expect(row).toMatchObject({ transport: 'outbox', template: 'password-reset' });
      expect(smtp.received.some((m) => m.to.includes(a.email))).toBe(false);

      const OUTBOX = `query ($s: [MailStatus!]) { mailOutbox(first: 100, status: $s) { id recipient status transport attempts body } }`;
      const res = await t.gql(OUTBOX, { s: ['SENT'] }, { cookie: admin });
      expect(res.errors).toBeUndefined();
      const listed = res.data!.mailOutbox.find((m: any) => m.recipient === a.email);
      expect(listed).toMatchObject({ status: 'SENT', transport: 'OUTBOX', attempts: 1 });
      expect(
        (await t.gql(OUTBOX, { s: ['FAILED'] }, { cookie: admin })).data!.mailOutbox.map((m: any) => m.status),
      ).not.toContain('SENT');
      await followLink(LINK.exec(listed.body)![1], a.email);

      const steering = await createAccount(t.ds, { roles: ['STEERING'] });
      const forbidden = await t.gql(OUTBOX, {}, { cookie: await t.login(steering.email, steering.password) });
      expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await t.gql(OUTBOX, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const tooMany = await t.gql(`{ mailOutbox(first: 500) { id } }`, {}, { cookie: admin });
      expect(tooMany.errors![0].extensions!.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
    } finally {
      await startWorker(smtp.url);
    }
  });
});
