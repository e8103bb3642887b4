import 'reflect-metadata';
import { isObjectType } from 'graphql';
import { buildEssorSchema } from '../src/schema';
import { useDirectFieldResolvers } from '../src/common/graphql/direct-field-resolvers';

describe('direct field resolvers', () => {
  it('the hot field resolvers of lists are called directly; those with arguments or roles are not', async () => {
    const schema = await buildEssorSchema();
    // Running it again on the built schema lists the fields it makes direct.
    const direct = useDirectFieldResolvers(schema);
    expect(direct).toEqual(
      expect.arrayContaining(['Structure.commune', 'Structure.epci', 'Structure.sectors', 'Structure.networks']),
    );
    // `nearby` takes arguments (validated), `members` too: type-graphql's handler keeps them.
    expect(direct).not.toContain('Structure.nearby');
    expect(direct).not.toContain('Network.members');
    const structure = schema.getType('Structure');
    expect(isObjectType(structure) && structure.getFields().commune.resolve).toBeInstanceOf(Function);
  });
});
