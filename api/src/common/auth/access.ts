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

export type AccessRule = { public: true } | { roles: Role[] };

export function Public(): MethodDecorator & PropertyDecorator {
  return Extensions({ [ACCESS_EXTENSION]: { public: true } satisfies AccessRule });
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
