import { buildSchema, graphql, GraphQLError, parse } from 'graphql';
import { compiledExecutionGateway, withSynchronousTypeResolvers } from './compiled-execution';

const sdl = `
  interface Thing { id: ID! }
  type Book implements Thing { id: ID! title: String! }
  type Query { things(first: Int! = 2): [Thing!]! }
`;
const rows = [
  { kind: 'Book', id: '1', title: 'Un' },
  { kind: 'Book', id: '2', title: 'Deux' },
  { kind: 'Book', id: '3', title: 'Trois' },
];

function schemaWithResolvers() {
  const schema = buildSchema(sdl);
  schema.getQueryType()!.getFields().things.resolve = (_root, args: { first: number }) => rows.slice(0, args.first);
  return schema;
}

async function run(schema: ReturnType<typeof buildSchema>, source: string, variables?: Record<string, unknown>) {
  const gateway = compiledExecutionGateway(schema);
  const { executor } = await gateway.load({ apollo: {} });
  const document = parse(source);
  const operation = document.definitions[0] as never;
  return executor!({ source, document, operation, operationName: null, context: {}, request: { variables } } as never);
}

describe('compiled execution (graphql-jit)', () => {
  it('answers like graphql-js, abstract types and variable defaults included', async () => {
    const schema = withSynchronousTypeResolvers(schemaWithResolvers(), { Thing: (v: { kind: string }) => v.kind });
    const source = 'query ($n: Int! = 2) { things(first: $n) { __typename id ... on Book { title } } }';
    const expected = await graphql({ schema, source });
    expect(expected.errors).toBeUndefined();
    expect(await run(schema, source)).toEqual(expected);
    expect(await run(schema, source, { n: 3 })).toEqual(await graphql({ schema, source, variableValues: { n: 3 } }));
  });

  it('returns an unexpected resolver failure as a GraphQLError with extensions, path and locations, as graphql-js does', async () => {
    const schema = withSynchronousTypeResolvers(schemaWithResolvers(), { Thing: (v: { kind: string }) => v.kind });
    schema.getQueryType()!.getFields().things.resolve = async () => {
      throw new Error('relation "thing" does not exist');
    };
    const source = '{ things { id } }';
    const result = (await run(schema, source)) as { errors: GraphQLError[] };
    const [error] = result.errors;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({});
    expect(error.originalError?.message).toBe('relation "thing" does not exist');
    expect(error.toJSON()).toEqual((await graphql({ schema, source })).errors![0].toJSON());
  });

  it('refuses a schema whose abstract type has no synchronous type resolver', () => {
    expect(() => withSynchronousTypeResolvers(schemaWithResolvers(), {})).toThrow(/Thing needs a synchronous resolveType/);
  });
});
