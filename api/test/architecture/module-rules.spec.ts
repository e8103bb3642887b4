import fs from 'node:fs';
import path from 'node:path';

/**
 * Rules of issue 14 for every module (each folder of src/modules, read from the file system, so a
 * new module is covered by default): services throw domain errors and know nothing of GraphQL;
 * statements are composed with `sql` templates (no hand-numbered parameter, no parameter array
 * threaded through builders); loaders read with SQL and never call a service. The fixed SQL of the
 * key loaders (`$1` = the keys) is the read runtime's and stays in `*.loaders.ts`.
 */
const modulesDir = path.join(__dirname, '../../src/modules');
const MODULES = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

it('finds the module folders', () => {
  expect(MODULES).toEqual(expect.arrayContaining(['account', 'observatory', 'structure', 'territory']));
});
/** The source files of a module, subfolders included. */
const filesOf = (m: string) =>
  fs
    .readdirSync(path.join(modulesDir, m), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => ({ name: `${m}/${f}`, text: fs.readFileSync(path.join(modulesDir, m, f), 'utf8') }));

/** The lines of `text` matching `pattern`, as `file:line: text`. */
const offending = (files: Array<{ name: string; text: string }>, pattern: RegExp) =>
  files.flatMap(({ name, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ line, at: `${name}:${i + 1}` }))
      .filter(({ line }) => pattern.test(line))
      .map(({ line, at }) => `${at}: ${line.trim()}`),
  );

describe.each(MODULES)('module %s', (m) => {
  const files = filesOf(m);

  it('services import neither graphql, type-graphql nor the GraphQL errors', () => {
    const services = files.filter((f) => f.name.endsWith('.service.ts'));
    expect(offending(services, /from '(graphql|type-graphql)'|common\/errors'/)).toEqual([]);
  });

  it('throws domain errors only (no GraphQL error class, in services or resolvers)', () => {
    expect(offending(files, /new (UserInputError|ForbiddenError|UnauthenticatedError|GraphQLError)\b/)).toEqual([]);
  });

  it('numbers no SQL parameter by hand and threads no parameter array (key loaders aside)', () => {
    const notLoaders = files.filter((f) => !f.name.endsWith('.loaders.ts'));
    expect(offending(notLoaders, /\$\$\{|params\.push|params: unknown\[\]|\$\d/)).toEqual([]);
  });

  it('loaders call no service', () => {
    const loaders = files.filter((f) => f.name.endsWith('.loaders.ts'));
    expect(offending(loaders, /from '[^']*\.service'/)).toEqual([]);
  });
});
