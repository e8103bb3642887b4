import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { buildEssorSchema } from '../../src/schema';
import { createAccount } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * No argument of a root query field is ignored: for each optional argument, the request with a
 * value for it must differ from the request without it, in its answer or in the SQL it ran
 * (statements and parameters, as the server's logger sees them). `searchStructures(search:)` was
 * in the schema and ignored; this test finds any such argument, and any such field of an input object
 * (`structures(filter.search)`…).
 */
let t: TestServer;
let admin: string;
let schema: GraphQLSchema;
/** A real global id per type name (demo data), for required ID arguments. */
const idsByType = new Map<string, string>();
let sql: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  const a = await createAccount(t.ds, { roles: ['ADMIN'] });
  admin = await t.login(a.email, a.password);
  schema = await buildEssorSchema();
  const lists = await t.gql<any>(
    `{ structures(first: 1) { nodes { id } } sectors { id } networks { id } persons(first: 1) { nodes { id } }
       mentorOffers(first: 1) { nodes { id } } workshops(first: 1) { nodes { id } } chantiers(first: 1) { nodes { id } }
       studyDays(first: 1) { nodes { id } } }`,
    {},
    { cookie: admin },
  );
  const d = lists.data!;
  const first = (type: string, id: string | undefined) => id && idsByType.set(type, id);
  first('Structure', d.structures.nodes[0]?.id);
  first('Sector', d.sectors[0]?.id);
  first('Network', d.networks[0]?.id);
  first('Person', d.persons.nodes[0]?.id);
  first('MentorOffer', d.mentorOffers.nodes[0]?.id);
  first('Workshop', d.workshops.nodes[0]?.id);
  first('Chantier', d.chantiers.nodes[0]?.id);
  first('StudyDay', d.studyDays.nodes[0]?.id);
  // Every statement the server runs, with its parameters (the loaders' reads go through the same logger).
  const logger = t.ds.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query: string, parameters?: unknown[]) => {
    sql.push(`${query} -- ${JSON.stringify(parameters ?? [])}`);
    logQuery(query, parameters);
  };
});
afterAll(() => t.close());

/** Arguments whose effect shows only with another one, and that one's value. */
const WITH: Record<string, Record<string, unknown>> = {
  // The radius is around nearCommune (Maubeuge).
  'searchStructures(radiusKm)': { nearCommune: '59392' },
};

/** Values to try for an argument: every value of an enum (one must make a difference), else one. */
function candidates(arg: GraphQLArgument, fieldType: GraphQLOutputType): unknown[] {
  const type = getNullableType(arg.type);
  if (isEnumType(type))
    return type
      .getValues()
      .map((v) => v.value)
      .filter((v) => v !== arg.defaultValue);
  return [valueFor(arg, fieldType)];
}

/** A value for an argument, chosen to differ from its default. */
function valueFor(arg: { name: string; type: GraphQLInputType; defaultValue?: unknown }, fieldType: GraphQLOutputType): unknown {
  const type = getNullableType(arg.type) as GraphQLInputType;
  if (isListType(type)) {
    const item = valueFor({ name: arg.name, type: type.ofType }, fieldType);
    return [item];
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.value);
    return values.find((v) => v !== arg.defaultValue) ?? values[0];
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type)) out[f.name] = valueFor(f, fieldType);
    }
    return out;
  }
  switch ((type as { name: string }).name) {
    case 'Boolean':
      return arg.defaultValue === true ? false : true;
    case 'Int':
      return arg.defaultValue === 1 ? 2 : 1;
    case 'Float':
      return 7.5;
    case 'ID': {
      const named = getNamedType(fieldType).name;
      return idsByType.get(named) ?? idsByType.get('Structure');
    }
    default:
      if (/year/i.test(arg.name)) return 2020;
      if (/date|At$|from|to/i.test(arg.name)) return '2020-01-01';
      return 'zz';
  }
}

/** A small selection of a type: its scalar fields without required arguments, and the items of a page. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const scalars = fields
    .filter((f) => {
      const n = getNamedType(f.type);
      return isScalarType(n) || isEnumType(n);
    })
    .map((f) => f.name);
  const nested =
    depth === 0
      ? fields
          .filter((f) => ['nodes', 'items', 'edges', 'facets'].includes(f.name))
          .map((f) => `${f.name} ${selectionOf(f.type, 1)}`)
      : [];
  return `{ __typename ${scalars.join(' ')} ${nested.join(' ')} }`;
}

async function run(field: GraphQLField<unknown, unknown>, args: GraphQLArgument[], values: Record<string, unknown>) {
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `query ${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selectionOf(field.type)} }`;
  sql = [];
  const res = await t.gql(query, values, { cookie: admin });
  return { answer: JSON.stringify({ data: res.data, errors: res.errors }), sql: sql.join('\n') };
}

it('every optional argument of every root query field changes the answer or the SQL', async () => {
  const ignored: string[] = [];
  let checked = 0;
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const required = field.args.filter((a) => isNonNullType(a.type));
    const optional = field.args.filter((a) => !isNonNullType(a.type));
    if (!optional.length) continue;
    const base: Record<string, unknown> = {};
    for (const a of required) base[a.name] = valueFor(a, field.type);
    const without = await run(field, required, base);
    for (const arg of optional) {
      const input = getNullableType(arg.type);
      if (isInputObjectType(input)) {
        // An input object (StructureFilter, NearInput): each of its optional fields must count, against
        // the object with its required fields only; the object itself when it has required fields.
        const bare = valueFor(arg, field.type) as Record<string, unknown>;
        const reference = await run(field, [...required, arg], { ...base, [arg.name]: bare });
        if (Object.keys(bare).length) {
          checked += 1;
          if (reference.answer === without.answer && reference.sql === without.sql) ignored.push(`${field.name}(${arg.name})`);
        }
        for (const sub of Object.values(input.getFields()).filter((f) => !isNonNullType(f.type))) {
          let differs = false;
          for (const value of candidates(sub as unknown as GraphQLArgument, field.type)) {
            const withSub = await run(field, [...required, arg], { ...base, [arg.name]: { ...bare, [sub.name]: value } });
            if (withSub.answer !== reference.answer || withSub.sql !== reference.sql) {
              differs = true;
              break;
            }
          }
          checked += 1;
          if (!differs) ignored.push(`${field.name}(${arg.name}.${sub.name})`);
        }
        continue;
      }
      const key = `${field.name}(${arg.name})`;
      const companions = Object.keys(WITH[key] ?? {}).map((name) => field.args.find((a) => a.name === name)!);
      const reference = companions.length ? await run(field, [...required, ...companions], { ...base, ...WITH[key] }) : without;
      let differs = false;
      for (const value of candidates(arg, field.type)) {
        const withArg = await run(field, [...required, ...companions, arg], { ...base, ...WITH[key], [arg.name]: value });
        if (withArg.answer !== reference.answer || withArg.sql !== reference.sql) {
          differs = true;
          break;
        }
      }
      checked += 1;
      if (!differs) ignored.push(key);
    }
  }
  console.log(`root arguments: ${checked} optional arguments checked, ${ignored.length} ignored`);
  expect(ignored).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});
