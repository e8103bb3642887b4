// Walks the schema: every root Query and Mutation field, every argument and every field of its
// input objects (through lists), and builds the operations that carry one hostile value each.
import {
  astFromValue,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { hostileValuesFor, type Hostile } from './hostile-values';
import { baselineOf, idTypeOf, plausible, type Fixtures, type Path, type Vars } from './plausible-values';

export type RootField = GraphQLField<unknown, unknown>;

export interface Slot {
  path: Path;
  type: GraphQLInputType;
}

/** Where a slot is, for failure messages: `input.decisions[0].text`. */
export const slotName = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

/** Every argument of the field, and every field of the input objects they take (depth ≤ 3). */
export function slotsOf(field: RootField): Slot[] {
  const out: Slot[] = [];
  const walk = (path: Path, type: GraphQLInputType, depth: number) => {
    out.push({ path, type });
    if (depth >= 3) return;
    let t = isNonNullType(type) ? type.ofType : type;
    let p = path;
    if (isListType(t)) {
      t = isNonNullType(t.ofType) ? t.ofType.ofType : t.ofType;
      p = [...path, 0];
    }
    if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) walk([...p, f.name], f.type, depth + 1);
  };
  for (const a of field.args) walk([a.name], a.type, 0);
  return out;
}

/** The type of the slot at `path` (the named type for list positions). */
function typeAt(field: RootField, path: Path): GraphQLInputType {
  let type: GraphQLInputType = field.args.find((a) => a.name === path[0])!.type;
  for (const step of path.slice(1)) {
    const t = isNonNullType(type) ? type.ofType : type;
    if (typeof step === 'number') type = (t as { ofType: GraphQLInputType }).ofType;
    else type = (getNamedType(t) as { getFields(): Record<string, { type: GraphQLInputType }> }).getFields()[step].type;
  }
  return type;
}

/** A shallow selection: the leaf fields of the type, and one level more for lists and connections. */
export function selectionOf(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (depth === 0 && ['nodes', 'items', 'edges', 'pageInfo'].includes(f.name))
      parts.push(`${f.name} ${selectionOf(named, 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface Operation {
  query: string;
  variables: Vars;
}

/** The operation of a root field with these argument values (a variable each, or inline literals). */
export function operationOf(
  kind: 'query' | 'mutation',
  field: RootField,
  args: Vars,
  inline: Set<string> = new Set(),
): Operation {
  const decls: string[] = [];
  const uses: string[] = [];
  const variables: Vars = {};
  for (const a of field.args) {
    if (!(a.name in args)) {
      // A missing required argument is sent as a declared variable left out of `variables`.
      if (isNonNullType(a.type) && a.defaultValue === undefined) {
        decls.push(`$${a.name}: ${String(a.type)}`);
        uses.push(`${a.name}: $${a.name}`);
      }
      continue;
    }
    if (inline.has(a.name)) {
      const ast = astFromValue(args[a.name], a.type);
      if (ast) {
        uses.push(`${a.name}: ${print(ast)}`);
        continue;
      }
    }
    decls.push(`$${a.name}: ${String(a.type)}`);
    uses.push(`${a.name}: $${a.name}`);
    variables[a.name] = args[a.name];
  }
  const header = decls.length ? `(${decls.join(', ')})` : '';
  const call = uses.length ? `(${uses.join(', ')})` : '';
  return { query: `${kind} Hostile${header} { ${field.name}${call} ${selectionOf(getNamedType(field.type))} }`, variables };
}

const clone = <T>(v: T): T => structuredClone(v);

/** Sets `value` at `path` in `vars`, creating the missing input objects and lists with plausible values. */
async function setAt(fx: Fixtures, field: RootField, vars: Vars, path: Path, h: Hostile): Promise<void> {
  let holder: Record<string | number, unknown> = vars;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i];
    if (holder[step] === undefined || holder[step] === null) {
      const prefix = path.slice(0, i + 1);
      holder[step] = await plausible(fx, field, prefix, typeAt(field, prefix));
    }
    holder = holder[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (h.omit) delete holder[last];
  else if (h.repeat) {
    const item = await plausible(fx, field, [...path, 0], typeAt(field, [...path, 0]));
    holder[last] = Array.from({ length: h.repeat }, () => item);
  } else holder[last] = h.value;
}

export interface HostileRequest {
  cls: string;
  field: string;
  slot: string;
  label: string;
  /** Builds the operation just before it is sent (fresh baseline: current versions, unique names). */
  build(): Promise<Operation>;
  /** Strings sent, removed from answers before they are searched for internal details. */
  echo: string[];
  /** Sent once (as ADMIN) by queries: see `Hostile.heavy`. */
  heavy?: boolean;
}

/** Every hostile request of a root field: one hostile value in one slot, the rest plausible. */
export function hostileRequestsOf(kind: 'query' | 'mutation', field: RootField, fxOf: () => Fixtures): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const slot of slotsOf(field)) {
    const name = String([...slot.path].reverse().find((p) => typeof p === 'string'));
    for (const h of hostileValuesFor(slot.type, name, idTypeOf(field, slot.path))) {
      if (h.argumentOnly && slot.path.length > 1) continue;
      out.push({
        cls: h.cls,
        field: field.name,
        slot: slotName(slot.path),
        label: h.label,
        heavy: h.heavy,
        echo:
          typeof h.value === 'string' ? [h.value] : Array.isArray(h.value) && typeof h.value[0] === 'string' ? [h.value[0]] : [],
        async build() {
          const fx = fxOf();
          const vars = clone(await baselineOf(fx, field));
          await setAt(fx, field, vars, slot.path, h);
          return operationOf(kind, field, vars, h.literal ? new Set([String(slot.path[0])]) : new Set());
        },
      });
    }
  }
  return out;
}

/** Root fields of the schema, by kind. */
export function rootFields(schema: GraphQLSchema): Array<{ kind: 'query' | 'mutation'; field: RootField }> {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/**
 * Arguments of the fields of what a root query returns (Structure.nearby(radiusKm:)…), attacked
 * through that root field with its plausible arguments (through `nodes` for a connection).
 */
export function nestedHostileRequestsOf(root: RootField, fxOf: () => Fixtures): HostileRequest[] {
  const out: HostileRequest[] = [];
  const returned = getNamedType(root.type);
  if (!isObjectType(returned)) return out;
  const nodes = returned.getFields().nodes;
  const host = nodes ? getNamedType(nodes.type) : returned;
  if (!isObjectType(host)) return out;
  for (const inner of Object.values(host.getFields())) {
    if (!inner.args.length) continue;
    for (const slot of slotsOf(inner as RootField)) {
      const name = String([...slot.path].reverse().find((p) => typeof p === 'string'));
      for (const h of hostileValuesFor(slot.type, name, idTypeOf(inner as RootField, slot.path))) {
        if (h.literal || (h.argumentOnly && slot.path.length > 1)) continue;
        out.push({
          cls: h.cls,
          field: `${root.name} { ${nodes ? 'nodes { ' : ''}${inner.name}`,
          slot: slotName(slot.path),
          label: h.label,
          echo: typeof h.value === 'string' ? [h.value] : [],
          async build() {
            const fx = fxOf();
            const rootArgs = await baselineOf(fx, root);
            const innerArgs = clone(await baselineOf(fx, inner as RootField));
            await setAt(fx, inner as RootField, innerArgs, slot.path, h);
            const decls: string[] = [];
            const rootUses: string[] = [];
            const innerUses: string[] = [];
            const variables: Vars = {};
            for (const a of root.args) {
              if (!(a.name in rootArgs)) continue;
              decls.push(`$r_${a.name}: ${String(a.type)}`);
              rootUses.push(`${a.name}: $r_${a.name}`);
              variables[`r_${a.name}`] = rootArgs[a.name];
            }
            for (const a of inner.args) {
              const required = isNonNullType(a.type) && a.defaultValue === undefined;
              if (!(a.name in innerArgs) && !required) continue;
              decls.push(`$i_${a.name}: ${String(a.type)}`);
              innerUses.push(`${a.name}: $i_${a.name}`);
              if (a.name in innerArgs) variables[`i_${a.name}`] = innerArgs[a.name];
            }
            const innerSel = `${inner.name}${innerUses.length ? `(${innerUses.join(', ')})` : ''} ${selectionOf(getNamedType(inner.type), 1)}`;
            const hostSel = nodes ? `{ nodes { ${innerSel} } }` : `{ ${innerSel} }`;
            const header = decls.length ? `(${decls.join(', ')})` : '';
            return {
              query: `query HostileNested${header} { ${root.name}${rootUses.length ? `(${rootUses.join(', ')})` : ''} ${hostSel} }`,
              variables,
            };
          },
        });
      }
    }
  }
  return out;
}
