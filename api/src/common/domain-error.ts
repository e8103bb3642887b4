import { ErrorCode } from './error-codes';

/**
 * Domain errors: what services throw when a request cannot be served as asked (a missing record,
 * a taken SIRET, a role that may not). They carry a stable code (`ErrorCode`), the parameters of
 * their message and the fields a client may read (`field`, `value`…), and know nothing of GraphQL:
 * the one boundary, `formatError` (common/errors.ts), renders their French message and maps them to
 * a GraphQL error (`extensions.code`). Services import neither `graphql` nor `type-graphql`.
 *
 * Each module declares its errors in `<module>.errors.ts` with `defineErrors`, beside its service:
 *
 *   export const sectorErrors = defineErrors('sector', {
 *     notFound: { code: ErrorCode.NOT_FOUND, message: 'Filière introuvable.' },
 *     slugTaken: { code: ErrorCode.CONFLICT, message: (p: { slug: string }) => `L’adresse « ${p.slug} » est déjà prise.` },
 *   });
 *   throw sectorErrors.slugTaken({ slug }, { field: 'slug' });
 */

/** What a client may read beside the code (`extensions`): the field at fault, its value, limits… */
export interface ErrorExtras {
  field?: string;
  value?: unknown;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** `<namespace>.<name>` of the definition (what logs may quote: never personal data). */
    readonly key: string,
    readonly extras: ErrorExtras,
    private readonly message_: () => string,
  ) {
    super(key);
    this.name = 'DomainError';
  }

  /** The French message shown to users (rendered at the boundary, from the definition's template). */
  render(): string {
    return this.message_();
  }

  /**
   * `extensions` of the GraphQL error: the code, then the extras. Not named `extensions`: graphql-jit
   * copies an original error's `extensions` into its own read-only error, which the boundary must rebuild.
   */
  toExtensions(): Record<string, unknown> {
    return { code: this.code, ...this.extras };
  }
}

export interface ErrorDefinition<P> {
  code: ErrorCode;
  /** The French message, or a function of the parameters. */
  message: string | ((params: P) => string);
}

type ParamsOf<D> = D extends { message: (params: infer P) => string } ? P : void;

/** Makers of DomainErrors: without parameters `(extras?)`, with parameters `(params, extras?)`. */
export type ErrorMakers<D extends Record<string, ErrorDefinition<never>>> = {
  [K in keyof D]: ParamsOf<D[K]> extends void
    ? (extras?: ErrorExtras) => DomainError
    : (params: ParamsOf<D[K]>, extras?: ErrorExtras) => DomainError;
};

export function defineErrors<D extends Record<string, ErrorDefinition<any>>>(namespace: string, definitions: D): ErrorMakers<D> {
  const makers: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(definitions)) {
    const key = `${namespace}.${name}`;
    const { code, message } = def;
    makers[name] =
      typeof message === 'function'
        ? (params: unknown, extras: ErrorExtras = {}) => new DomainError(code, key, extras, () => message(params))
        : (extras: ErrorExtras = {}) => new DomainError(code, key, extras, () => message);
  }
  return makers as ErrorMakers<D>;
}

/**
 * Errors every module meets. A module's own definitions say more (« Filière introuvable. »); these
 * serve where the general word is the right one.
 */
export const commonErrors = defineErrors('common', {
  unauthenticated: { code: ErrorCode.UNAUTHENTICATED, message: 'Connectez-vous pour accéder à cette ressource.' },
  forbidden: { code: ErrorCode.FORBIDDEN, message: "Vous n'avez pas accès à cette ressource." },
  notFound: { code: ErrorCode.NOT_FOUND, message: 'Cet élément n’existe pas (ou plus).' },
  invalidId: { code: ErrorCode.INVALID_ID, message: (p: { shown: string }) => `Identifiant invalide : « ${p.shown} ».` },
  idOfOtherType: {
    code: ErrorCode.INVALID_ID,
    message: (p: { type: string }) => `L'identifiant ne désigne pas un objet ${p.type}.`,
  },
  firstOutOfRange: {
    code: ErrorCode.PAGE_SIZE_OUT_OF_RANGE,
    message: (p: { max: number; first: unknown }) => `« first » doit être compris entre 0 et ${p.max} (reçu : ${p.first}).`,
  },
  pageOutOfRange: {
    code: ErrorCode.PAGE_SIZE_OUT_OF_RANGE,
    message: (p: { max: number }) => `Page invalide (taille entre 1 et ${p.max}).`,
  },
  invalidCursor: { code: ErrorCode.INVALID_CURSOR, message: 'Curseur de pagination invalide.' },
  invalidDay: { code: ErrorCode.BAD_USER_INPUT, message: 'Cette date n’existe pas (forme AAAA-MM-JJ).' },
  rateLimited: {
    code: ErrorCode.RATE_LIMITED,
    message: (p: { what: string; minutes: number }) =>
      `Trop de ${p.what}. Réessayez dans ${p.minutes} minute${p.minutes > 1 ? 's' : ''}.`,
  },
  editConflict: {
    code: ErrorCode.CONFLICT,
    message: (p: { by: string | null; currentVersion: number; version: number }) =>
      `Cet élément a été modifié entre-temps${p.by ? ` par ${p.by}` : ''} (version ${p.currentVersion}, la vôtre : ${p.version}). Rien n’a été enregistré : vérifiez les différences puis enregistrez à nouveau.`,
  },
});

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
