import type { GraphQLField } from 'graphql';
import { Authorized, Extensions, type AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { Role } from './roles';

/**
 * Deny by default: every root field carries either `@Public()` or `@Roles(...)`.
 * The marker is also written into the field's extensions so a test (and the
 * runtime guard below) can walk the schema.
 */
export const ACCESS_EXTENSION = 'access';

/** How long anonymous answers of public data may be cached (an edit invalidates them at once). */
export const PUBLIC_CACHE_SECONDS = 300;

export type AccessRule = { public: true; cacheSeconds?: number } | { roles: Role[] };

/**
 * Open to everyone. With `cacheSeconds`, anonymous answers of a query made only of such fields
 * may be served from the shared response cache (common/cache/response-cache.ts) for that long,
 * as long as no data changed: only for fields whose answer depends on the data and the
 * arguments alone, never on the viewer.
 */
export function Public(opts: { cacheSeconds?: number } = {}): MethodDecorator & PropertyDecorator {
  const rule: AccessRule = opts.cacheSeconds ? { public: true, cacheSeconds: opts.cacheSeconds } : { public: true };
  return Extensions({ [ACCESS_EXTENSION]: rule });
}

export function Roles(...roles: Role[]): MethodDecorator & PropertyDecorator {
  const authorized = Authorized(...roles);
  const ext = Extensions({ [ACCESS_EXTENSION]: { roles } satisfies AccessRule });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key, descriptor as never);
    ext(target, key, descriptor as never);
  };
}

export function accessRuleOf(field: GraphQLField<unknown, unknown>): AccessRule | undefined {
  return (field.extensions as Record<string, unknown> | undefined)?.[ACCESS_EXTENSION] as AccessRule | undefined;
}

/** Anonymous: UNAUTHENTICATED; logged in without one of the roles: FORBIDDEN. ADMIN may do everything. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError();
  if (roles.length === 0 || viewer.roles.includes(Role.ADMIN) || roles.some((r) => viewer.roles.includes(r))) return true;
  throw new ForbiddenError();
};
