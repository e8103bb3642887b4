import { buildSchema, graphql, parse } from 'graphql';
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

  it('refuses a schema whose abstract type has no synchronous type resolver', () => {
    expect(() => withSynchronousTypeResolvers(schemaWithResolvers(), {})).toThrow(/Thing needs a synchronous resolveType/);
  });
});
