import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected under the resolved field, then under `path` (e.g. ['facets']),
 * following fragment spreads and inline fragments. Fields under @skip/@include count as
 * selected: computing a little more is safe, computing less is not.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((f) => fieldsOf(f.selectionSet, info).filter((c) => c.name.value === name));
  }
  return new Set(level.flatMap((f) => fieldsOf(f.selectionSet, info).map((c) => c.name.value)));
}

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s): FieldNode[] => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, info, seen);
    const name = s.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    return fieldsOf(info.fragments[name]?.selectionSet, info, seen);
  });
}
