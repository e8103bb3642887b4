import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { readSwitches } from '../reads/switches';

type Method = (...params: unknown[]) => unknown;

/**
 * Field resolvers that take only `@Root()`, `@Ctx()` and `@Info()` (the commune of a structure,
 * its sectors…) are called directly instead of through type-graphql's generic handler, which
 * sorts the parameter list, maps each parameter and looks the resolver instance up on every call:
 * a page of 100 structures calls such resolvers hundreds of times. Resolvers with arguments,
 * middlewares or roles (`@Authorized`) keep type-graphql's handler (validation, access checks).
 * A root not of the declared class takes the generic path too (type-graphql converts it).
 *
 * Returns the `Type.field` names made direct (a test checks the hot ones are among them).
 * `ESSOR_DIRECT_RESOLVERS=0` (read when the schema is built) leaves every field to type-graphql.
 */
export function useDirectFieldResolvers(schema: GraphQLSchema): string[] {
  if (!readSwitches.directResolvers()) return [];
  const storage = getMetadataStorage();
  const direct: string[] = [];
  const instances = new Map<Function, Record<string, Method>>();
  for (const fr of storage.fieldResolvers) {
    if (fr.kind !== 'external' || !fr.getObjectType || fr.middlewares?.length || fr.roles?.length) continue;
    const params = [...(fr.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.every((p) => ['root', 'context', 'info'].includes(p.kind) && !('propertyName' in p && p.propertyName))) continue;
    const objectClass = fr.getObjectType();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fr.schemaName];
    const generic = field?.resolve;
    if (!generic) continue;
    let instance = instances.get(fr.target);
    if (!instance) instances.set(fr.target, (instance = new (fr.target as new () => Record<string, Method>)()));
    const method = instance[fr.methodName];
    const self = instance;
    const kinds = params.map((p) => p.kind);
    // The declared class of the root, read once here rather than at each call (the schema is built).
    const declared = (params.find((p) => p.kind === 'root') as { getType?: () => unknown } | undefined)?.getType?.();
    const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
      if (typeof declared === 'function' && !(root instanceof declared)) return generic(root, args, context, info);
      return method.apply(
        self,
        kinds.map((k) => (k === 'root' ? root : k === 'context' ? context : info)),
      );
    };
    field.resolve = resolve;
    direct.push(`${typeName}.${fr.schemaName}`);
  }
  return direct;
}
