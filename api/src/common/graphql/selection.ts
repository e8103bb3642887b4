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

/**
 * `compute` memoised per field of a parsed document (Apollo keeps parsed documents, so a repeated
 * query reuses it; the same Set also keys the loaders' statements). A field node belongs to one
 * document, fragments included, so its selection cannot change; a field merged from several nodes
 * is computed each time.
 */
export function perField<T extends object>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const memo = new WeakMap<object, T>();
  return (info) => {
    const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
    let value = node ? memo.get(node) : undefined;
    if (!value) {
      value = compute(info);
      if (node) memo.set(node, value);
    }
    return value;
  };
}
