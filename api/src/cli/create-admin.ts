// Creates (or promotes) a mission admin account. Run through `npm run admin:create -- --email … --name …`.
// The password comes from ESSOR_ADMIN_PASSWORD or is typed at the prompt: there is no default password.
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { createAppDataSource } from '../data-source';
import { queryRow, queryRows, sql } from '../common/sql/sql';
import { normaliseEmail } from '../modules/account/auth.service';
import { hashPassword, passwordProblem } from '../modules/account/password';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      output.output.write(s);
      prompted = true;
    }
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

async function main() {
  const email = arg('email');
  const name = arg('name') ?? 'Mission territoriale';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error('usage: npm run admin:create -- --email prenom.nom@exemple.org [--name "Prénom Nom"]');
    process.exit(2);
  }
  let password = process.env.ESSOR_ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('Set ESSOR_ADMIN_PASSWORD, or run this command in a terminal to type the password.');
      process.exit(2);
    }
    password = await promptHidden('Mot de passe (12 caractères au moins) : ');
    const again = await promptHidden('Confirmez : ');
    if (again !== password) {
      console.error('Les deux saisies diffèrent.');
      process.exit(2);
    }
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
  const ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const hash = await hashPassword(password);
    const row = await ds.transaction(async (m) => {
      const row = (await queryRow(
        m,
        sql<{ id: string; created: boolean }>`INSERT INTO account (email, display_name, password_hash, roles)
       VALUES (${normaliseEmail(email)}, ${name}, ${hash}, ARRAY['ADMIN'])
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, failed_logins = 0, locked_until = NULL, disabled = false,
         roles = (SELECT ARRAY(SELECT DISTINCT unnest(account.roles || ARRAY['ADMIN']))), updated_at = now(), version = account.version + 1
       RETURNING id::text, (xmax = 0) AS created`,
      ))!;
      await queryRows(
        m,
        sql`INSERT INTO audit_log (account_id, actor, action, entity_type, entity_id, after)
       VALUES (${row.id}::bigint, 'cli', ${row.created ? 'CREATE' : 'PROMOTE_ADMIN'}, 'Account', ${row.id}::text,
         jsonb_build_object('email', ${normaliseEmail(email)}::text, 'roles', ARRAY['ADMIN']))`,
      );
      return row;
    });
    console.log(
      `${row.created ? 'Compte administrateur créé' : 'Compte existant promu administrateur'} : ${normaliseEmail(email)}`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
