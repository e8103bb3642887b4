import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a global id (Relay global object identification).',
  resolveType: (value: { __typename?: string; constructor: { name: string } }) => value.__typename ?? value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global id, stable, usable with node(id:).' })
  nodeId: string;
}
