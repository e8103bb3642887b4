/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment StructureCard on Structure {\n    id\n    name\n    essFamily\n    description\n    commune {\n      id\n      name\n    }\n    sectors {\n      id\n      name\n    }\n  }\n": typeof types.StructureCardFragmentDoc,
    "\n  query SearchStructures($search: String, $first: Int!, $after: String) {\n    structures(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...StructureCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchStructuresDocument,
};
const documents: Documents = {
    "\n  fragment StructureCard on Structure {\n    id\n    name\n    essFamily\n    description\n    commune {\n      id\n      name\n    }\n    sectors {\n      id\n      name\n    }\n  }\n": types.StructureCardFragmentDoc,
    "\n  query SearchStructures($search: String, $first: Int!, $after: String) {\n    structures(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...StructureCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchStructuresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureCard on Structure {\n    id\n    name\n    essFamily\n    description\n    commune {\n      id\n      name\n    }\n    sectors {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StructureCard on Structure {\n    id\n    name\n    essFamily\n    description\n    commune {\n      id\n      name\n    }\n    sectors {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchStructures($search: String, $first: Int!, $after: String) {\n    structures(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...StructureCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchStructures($search: String, $first: Int!, $after: String) {\n    structures(search: $search, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...StructureCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;