import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Context } from '../context';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/connection';

/** Limits of one operation; every one can be set by an environment variable (README). */
export interface OperationLimits {
  /** Depth of field selections, counted through fragment spreads (fragments add no level of their own). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Tokens of the document (graphql-js stops parsing past it). */
  maxTokens: number;
  /** Cost budget of an anonymous caller. */
  anonymousCost: number;
  /** Cost budget of a signed-in account (any role). */
  signedInCost: number;
}

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer (got « ${raw} »).`);
  return v;
};

export function operationLimitsFrom(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  return {
    maxDepth: positive(env, 'ESSOR_MAX_DEPTH', 10),
    maxAliases: positive(env, 'ESSOR_MAX_ALIASES', 30),
    maxDirectives: positive(env, 'ESSOR_MAX_DIRECTIVES', 50),
    maxTokens: positive(env, 'ESSOR_MAX_TOKENS', 5000),
    anonymousCost: positive(env, 'ESSOR_COST_LIMIT_ANONYMOUS', 10_000),
    signedInCost: positive(env, 'ESSOR_COST_LIMIT_SIGNED_IN', 50_000),
  };
}

/** Codes of the refusals (`extensions.code`), all answered with HTTP 400 before any resolver runs. */
export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COMPLEX',
} as const;

/**
 * A refused operation. Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED but
 * keeps its other extensions: `limitCode` carries ours, put back by `formatError`.
 */
const refusal = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, limitCode: code, ...extra, http: { status: 400 } } });

/**
 * graphql-armor's rules report through a callback; they are given ours, so that each refusal
 * carries its own code and a French message saying what to change.
 */
function armorRule(
  make: (options: object) => ValidationRule,
  options: object,
  code: string,
  message: (found: string) => string,
): ValidationRule {
  return make({
    ...options,
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? '?';
        ctx?.reportError(refusal(code, message(found)));
      },
    ],
  });
}

/** Validation rules of the limits that depend only on the document (Apollo caches validated documents). */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [
    armorRule(
      maxDepthRule as never,
      { n: limits.maxDepth, flattenFragments: true },
      LIMIT_CODES.depth,
      (found) =>
        `Requête trop profonde : ${found} niveaux de sélection, ${limits.maxDepth} au plus. Demandez moins de niveaux imbriqués (les fragments comptent au niveau où ils sont utilisés).`,
    ),
    armorRule(
      maxAliasesRule as never,
      { n: limits.maxAliases },
      LIMIT_CODES.aliases,
      (found) =>
        `Trop d'alias : ${found}, ${limits.maxAliases} au plus. Envoyez plusieurs requêtes, ou utilisez une liste paginée.`,
    ),
    armorRule(
      maxDirectivesRule as never,
      { n: limits.maxDirectives },
      LIMIT_CODES.directives,
      (found) => `Trop de directives : ${found}, ${limits.maxDirectives} au plus.`,
    ),
  ];
}

/**
 * graphql-armor's Apollo plugins beyond the rules above: the mask of field suggestions (« Did you
 * mean … » would let anyone map a schema whose introspection is off; ours is published, but the
 * suggestions stay off in production as the other limits of the field do). Its other protections
 * are ours (with their codes), hence disabled here.
 */
export function armorPlugins({ fieldSuggestions }: { fieldSuggestions: boolean }): ApolloServerPlugin<Context>[] {
  const off = { enabled: false };
  const { plugins } = new ApolloArmor({
    blockFieldSuggestion: { enabled: !fieldSuggestions, mask: '' },
    costLimit: off,
    maxAliases: off,
    maxDepth: off,
    maxDirectives: off,
    maxTokens: off,
  }).protect();
  return plugins as ApolloServerPlugin<Context>[];
}

/** graphql-js's error past `parseOptions.maxTokens` (mapped to TOO_MANY_TOKENS by `formatError`). */
export const isTokenLimitError = (message: string) => /Document contains more th(?:at|an) \d+ tokens/.test(message);

/** Arguments that bound a list: its page size. */
const PAGE_ARGS = ['first', 'limit', 'pageSize'] as const;
/** A list field without a page size counts as this many items (an estimate, stated in the README). */
export const UNPAGED_LIST_ITEMS = 10;

/**
 * Cost model, as GitHub's node limit: a field returning an object costs 1 plus its selection; a
 * paged field (`first`, `limit`, `pageSize`, else its default page size) multiplies the cost of its
 * selection by its page size; a list without page size counts as UNPAGED_LIST_ITEMS items, except
 * the `edges` / `nodes` / `items` of a page, already counted by the paged field above them.
 * Scalars and enums cost nothing.
 */
const essorEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isCompositeType(getNamedType(field.type))) return 0;
  const type = getNullableType(field.type);
  const pageSize = pageSizeOf(field, args);
  if (pageSize !== null) return 1 + pageSize * childComplexity;
  if (isListType(type)) return (isPageItems(field.name) ? 1 : UNPAGED_LIST_ITEMS) * (1 + childComplexity);
  return 1 + childComplexity;
};

function isPageItems(name: string): boolean {
  return name === 'edges' || name === 'nodes' || name === 'items';
}

function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  for (const name of PAGE_ARGS) {
    const arg = field.args.find((a) => a.name === name);
    if (!arg) continue;
    const v = args[name];
    // Out-of-range sizes are refused by the field itself (PAGE_SIZE_OUT_OF_RANGE): counted at the maximum here.
    if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.min(Math.trunc(v), MAX_PAGE_SIZE));
    return typeof arg.defaultValue === 'number' ? arg.defaultValue : DEFAULT_PAGE_SIZE;
  }
  return null;
}

/**
 * Number of field selections of the operation once every fragment is expanded, computed with each
 * fragment's size memoised (linear in the document). graphql-query-complexity expands a fragment
 * at each of its spreads, so a chain of fragments each spreading the next twice would take it
 * exponential time: this bound is checked first. Hand-written because neither library exposes it.
 */
export function expandedSize(document: DocumentNode, selectionSet: SelectionSetNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const sizeOf = (set: SelectionSetNode, active: Set<string>): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += 1 + (s.selectionSet ? sizeOf(s.selectionSet, active) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += sizeOf(s.selectionSet, active);
      else {
        const name = s.name.value;
        let size = memo.get(name);
        if (size === undefined) {
          const f = fragments.get(name);
          if (!f || active.has(name)) continue; // unknown or cyclic: refused by graphql-js's validation
          active.add(name);
          size = sizeOf(f.selectionSet, active);
          active.delete(name);
          memo.set(name, size);
        }
        n += size;
      }
      if (n > cap) return n;
    }
    return n;
  };
  return sizeOf(selectionSet, new Set());
}

/** Fields of an expanded operation past which it is refused whatever its cost. */
const MAX_EXPANDED_FIELDS = 20_000;

/** Cost of one operation of a document (the model of `essorEstimator`), for the given (valid) variables. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: { ...document, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
    variables,
    estimators: [essorEstimator],
  });
}

/**
 * Costs per document and page sizes: the cost depends only on the operation and its Int variables
 * (page sizes are Ints), and Apollo hands back the same parsed document for the same query text,
 * so a hot query is costed once per set of page sizes instead of at every request (≈ 0.1 ms each).
 */
const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
const sizes = new WeakMap<OperationDefinitionNode, number>();
function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coerced: Record<string, unknown>,
  variables: Record<string, unknown>,
): number {
  let byVariables = costs.get(operation);
  if (!byVariables) costs.set(operation, (byVariables = new Map()));
  // A page size that is not a number counts as the default (see pageSizeOf): only numbers matter.
  const key = (operation.variableDefinitions ?? [])
    .map((def) => {
      const v = coerced[def.variable.name.value];
      return typeof v === 'number' ? String(v) : '-';
    })
    .join(',');
  let cost = byVariables.get(key);
  if (cost === undefined) {
    cost = estimateCost(schema, document, operation, variables);
    if (byVariables.size >= 100) byVariables.clear();
    byVariables.set(key, cost);
  }
  return cost;
}

export interface OperationCost {
  requested: number;
  limit: number;
}

/**
 * Cost of each operation, from its variables, against the caller's budget: refused (HTTP 400,
 * QUERY_TOO_COMPLEX) before any resolver runs; otherwise reported in `extensions.cost`, as Shopify
 * does. The variables are coerced here first (graphql-js's own coercion): a wrong or missing
 * variable is a client error (BAD_USER_INPUT, 400), whichever executor runs next.
 */
export function operationCostPlugin(schema: GraphQLSchema, limits: OperationLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: OperationCost | undefined;
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) {
            const name = request.operationName;
            throw new GraphQLError(
              name
                ? `Aucune opération nommée « ${String(name).slice(0, 100)} » dans le document.`
                : 'Le document contient plusieurs opérations (ou aucune) : précisez operationName.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: 20,
          });
          if (coerced.errors) {
            throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          const limit = contextValue.viewer ? limits.signedInCost : limits.anonymousCost;
          let size = sizes.get(operation);
          if (size === undefined)
            sizes.set(operation, (size = expandedSize(document, operation.selectionSet, MAX_EXPANDED_FIELDS)));
          if (size > MAX_EXPANDED_FIELDS) {
            throw refusal(
              LIMIT_CODES.cost,
              `Requête trop complexe : plus de ${MAX_EXPANDED_FIELDS} champs une fois les fragments dépliés.`,
              { cost: { requested: null, limit } },
            );
          }
          const requested = cachedCost(schema, document, operation, coerced.coerced, request.variables ?? {});
          cost = { requested, limit };
          if (requested > limit) {
            throw refusal(
              LIMIT_CODES.cost,
              `Requête trop coûteuse : coût ${requested}, ${limit} au plus pour ${contextValue.viewer ? 'un compte connecté' : 'un visiteur anonyme'}. ` +
                'Réduisez la taille des pages (first) ou le nombre de listes imbriquées.',
              { cost },
            );
          }
        },
        async willSendResponse({ response }) {
          if (cost && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
