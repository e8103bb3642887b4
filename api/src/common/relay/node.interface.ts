import { Field, ID, InterfaceType } from 'type-graphql';

/** The concrete type of a node: its `__typename`, else its class (synchronous: see schema.ts). */
export const resolveNodeType = (value: { __typename?: string; constructor: { name: string } }): string =>
  value.__typename ?? value.constructor.name;

@InterfaceType('Node', {
  description: 'An object with a global id (Relay global object identification).',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global id, stable, usable with node(id:).' })
  nodeId: string;
}
