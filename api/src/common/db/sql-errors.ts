import type { GraphQLFormattedError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../domain-error';
import { ErrorCode } from '../error-codes';
import { logger } from '../log/logger';

/**
 * The PostgreSQL errors a request's values can cause, as typed client errors: integrity violations
 * (a duplicate, a reference to nothing, a refused value), values the database cannot take (a text
 * where a number is expected, a number out of range, a date that does not exist, a NUL byte), and
 * concurrent writes of the same rows. Input validation refuses most of them earlier; this is the one
 * mapping behind it, used by the services (`typedDbErrors`) and, as a last resort for any resolver,
 * by `formatError`.
 *
 * Nothing of the database's own message or detail is shown: they quote the values (an e-mail, a
 * name). Only the column (from the detail's « Key (column)= ») names the field.
 */

type Typed = { code: ErrorCode; message: string };

/**
 * Unique constraints with their own code or message; any other duplicate is BAD_USER_INPUT on its
 * field (web-admin shows it next to the field).
 */
const unique = (): Record<string, Typed> => ({
  sector_slug_key: { code: ErrorCode.BAD_USER_INPUT, message: 'Ce code est déjà utilisé.' },
  network_slug_key: { code: ErrorCode.BAD_USER_INPUT, message: 'Ce code est déjà utilisé.' },
  account_email_key: { code: ErrorCode.EMAIL_TAKEN, message: 'Un compte existe déjà avec cette adresse e-mail.' },
  structure_siret_key: { code: ErrorCode.SIRET_TAKEN, message: 'Une autre structure porte déjà ce SIRET.' },
  space_participant_space_id_structure_id_key: {
    code: ErrorCode.ALREADY_PARTICIPANT,
    message: 'Cette structure participe déjà à cet espace.',
  },
  space_participant_space_id_person_id_key: {
    code: ErrorCode.ALREADY_PARTICIPANT,
    message: 'Cette personne participe déjà à cet espace.',
  },
});

const CONCURRENT = 'Modification concurrente : rien n’a été enregistré, réessayez.';
const REFUSED_VALUE = 'Une valeur n’est pas acceptée.';

/** SQLSTATE → typed error, for the classes a client's values can cause. */
const bySqlstate = (): Record<string, Typed> => ({
  // Class 23: integrity constraint violation.
  '23503': { code: ErrorCode.UNKNOWN_REFERENCE, message: 'L’élément lié n’existe pas.' },
  '23505': { code: ErrorCode.BAD_USER_INPUT, message: 'Cette valeur est déjà utilisée.' },
  '23514': { code: ErrorCode.BAD_USER_INPUT, message: 'Valeur refusée.' },
  '23502': { code: ErrorCode.BAD_USER_INPUT, message: 'Valeur refusée.' },
  '23P01': { code: ErrorCode.CONFLICT, message: 'Cette valeur en chevauche une autre.' },
  // Class 22: data exception (a value the column or the operator cannot take).
  '22P02': { code: ErrorCode.BAD_USER_INPUT, message: 'Une valeur n’a pas la forme attendue.' },
  '22003': { code: ErrorCode.BAD_USER_INPUT, message: 'Un nombre est hors des limites permises.' },
  '22007': { code: ErrorCode.BAD_USER_INPUT, message: 'Cette date n’existe pas (forme AAAA-MM-JJ).' },
  '22008': { code: ErrorCode.BAD_USER_INPUT, message: 'Cette date est hors des limites permises.' },
  '22001': { code: ErrorCode.BAD_USER_INPUT, message: 'Un texte est trop long.' },
  '22021': { code: ErrorCode.INVALID_TEXT, message: 'Un texte contient un caractère interdit.' },
  '22P05': { code: ErrorCode.INVALID_TEXT, message: 'Un texte contient un caractère interdit.' },
  '22023': { code: ErrorCode.BAD_USER_INPUT, message: REFUSED_VALUE },
  '2201B': { code: ErrorCode.BAD_USER_INPUT, message: REFUSED_VALUE },
  '22025': { code: ErrorCode.BAD_USER_INPUT, message: REFUSED_VALUE },
  '22012': { code: ErrorCode.BAD_USER_INPUT, message: REFUSED_VALUE },
  // Class 40 and 55P03: concurrent writes of the same rows; the request may be sent again.
  '40001': { code: ErrorCode.CONFLICT, message: CONCURRENT },
  '40P01': { code: ErrorCode.CONFLICT, message: CONCURRENT },
  '55P03': { code: ErrorCode.CONFLICT, message: CONCURRENT },
});

// Built on first use (the tables are only needed once a statement fails).
let tables: { unique: Record<string, Typed>; bySqlstate: Record<string, Typed> } | undefined;

interface PgError {
  code?: unknown;
  detail?: unknown;
  column?: unknown;
  constraint?: unknown;
  driverError?: PgError;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The typed client error for a PostgreSQL error caused by the request's values, else null. */
export function userErrorOfSql(e: unknown): DomainError | null {
  if (!e || typeof e !== 'object') return null;
  const err = ((e as PgError).driverError ?? e) as PgError;
  tables ??= { unique: unique(), bySqlstate: bySqlstate() };
  if (typeof err.code !== 'string' || !(err.code in tables.bySqlstate)) return null;
  const constraint = typeof err.constraint === 'string' ? err.constraint : undefined;
  const typed = (err.code === '23505' && constraint && tables.unique[constraint]) || tables.bySqlstate[err.code];
  const column = /Key \(([a-z_]+)\)/.exec(typeof err.detail === 'string' ? err.detail : '')?.[1] ?? err.column;
  const extras = typeof column === 'string' ? { field: camel(column) } : {};
  return new DomainError(typed.code, `sql.${constraint && typed === tables.unique[constraint] ? constraint : err.code}`, extras, () => typed.message);
}

/** Runs `fn`; a PostgreSQL error caused by the request's values becomes its typed client error. */
export async function withTypedSqlErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw userErrorOfSql(e) ?? e;
  }
}

/** `ds.transaction(fn)`, with the typed client errors of `withTypedSqlErrors`. */
export function typedTransaction<T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return withTypedSqlErrors(() => ds.transaction(fn));
}

/**
 * For `formatError`, the last resort: the typed error of a PostgreSQL error that reached a resolver
 * unmapped, or undefined. Such an error means a value was not validated before the database: it is
 * logged (SQLSTATE, constraint and field, never the values) so the missing check gets added.
 */
export function formatSqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const typed = userErrorOfSql(error);
  if (!typed) return undefined;
  const err = (((error as PgError).driverError ?? error) as PgError) ?? {};
  logger.warn(
    { sqlstate: err.code, constraint: err.constraint, field: typed.extras.field, path: formatted.path?.join('.') },
    'a client value refused by the database, not by validation',
  );
  return { message: typed.render(), locations: formatted.locations, path: formatted.path, extensions: typed.toExtensions() };
}
