import type { GraphQLResolveInfo } from 'graphql';
import { unneededColumns, type Narrowing } from '../reads/narrow';
import { perField, selectedFields } from './selection';

/**
 * `unneededColumns` of the fields selected under the resolved field (memoised per field of a
 * document): the GraphQL half of the narrowing, the read runtime's half takes field names only.
 */
export function narrowingOf(n: Narrowing): (info: GraphQLResolveInfo) => Set<string> {
  return perField((info) => unneededColumns(n, selectedFields(info)));
}
