/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type EcosystemStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type EcosystemStatsQuery = { ecosystemStats: { structures: number, sectors: number, networks: number, persons: number, workshops: number, chantiers: number, studyDays: number, mentorOffers: number, communes: number, epcis: number } };


export const EcosystemStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EcosystemStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ecosystemStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"structures"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"networks"}},{"kind":"Field","name":{"kind":"Name","value":"persons"}},{"kind":"Field","name":{"kind":"Name","value":"workshops"}},{"kind":"Field","name":{"kind":"Name","value":"chantiers"}},{"kind":"Field","name":{"kind":"Name","value":"studyDays"}},{"kind":"Field","name":{"kind":"Name","value":"mentorOffers"}},{"kind":"Field","name":{"kind":"Name","value":"communes"}},{"kind":"Field","name":{"kind":"Name","value":"epcis"}}]}}]}}]} as unknown as DocumentNode<EcosystemStatsQuery, EcosystemStatsQueryVariables>;