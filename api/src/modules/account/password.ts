import { hash, verify, Algorithm } from '@node-rs/argon2';

/** argon2id, 19 MiB, t=2 (OWASP's minimum; about 20–60 ms a hash here). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this costs as much as a real verification, so an unknown e-mail
// answers in the same time as a wrong password.
let dummy: Promise<string> | undefined;

/**
 * Password checks made by this process (read by the tests that prove the login limits hold under
 * parallel guesses; a plain number of this process, not a shared state the API relies on).
 */
export const passwordChecks = { count: 0 };

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  passwordChecks.count += 1;
  if (!passwordHash) {
    await verify(await (dummy ??= hashPassword('not-a-real-password-0000')), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** French message when the password is too weak, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 200) return 'Le mot de passe est trop long (200 caractères au plus).';
  if (new Set(password).size < 5) return 'Le mot de passe est trop répétitif.';
  return null;
}
